/**
 * The moving parts shared by mediation's use cases and jobs: who a case is offered to, how its people are told
 * privately, and the audit trail (which records steps and counts, never a case's content).
 */
import type { MediationRepos } from "./repos.ts";
import type { Lang } from "../../kernel/lang.ts";
import type { OutboundMessage } from "../../kernel/platform.ts";
import type { ChatOfOrigin } from "../../app/shared/tell.ts";
import type { MediationCaseView } from "./ports.ts";
import type { CaseLabel } from "./texts.ts";
import { mediationLadder } from "./domain/policy.ts";
import { mediationTexts } from "./texts.ts";
import { tell } from "../../app/shared/tell.ts";

/** Job kinds of mediation. */
export const UNANSWERED_JOB = "mediation.unanswered";
export const FOLLOW_UP_JOB = "mediation.follow_up";

/** The chat a case was raised in, as `tell` reads it (its platform and language are the defaults). */
export function originOf(c: MediationCaseView): ChatOfOrigin {
  return { chat: c.chat, chatId: c.chatId };
}

/** How texts name a case. */
export function labelOf(c: MediationCaseView): CaseLabel {
  return { id: c.id, kind: c.kind, description: c.description, openerName: c.openerName };
}

/** Who a case is offered to: the grid's mediators, else its captains, else the coordinators (see `mediationLadder`). */
export async function offereesOf(repos: MediationRepos, c: Pick<MediationCaseView, "communityId" | "gridId" | "openedById">) {
  return mediationLadder(c.openedById, {
    mediators: await repos.mediation.mediatorsFor(c.communityId, c.gridId),
    captains: c.gridId === null ? [] : await repos.people.captainsOf(c.gridId),
    coordinators: await repos.people.coordinatorsOf(c.communityId),
  });
}

/** Tell a person privately about a case, in their language. */
export function tellAbout(repos: MediationRepos, personId: number, c: MediationCaseView, message: (lang: Lang) => OutboundMessage | string) {
  return tell(repos, personId, originOf(c), message);
}

/** The case's content with the option to take it ("1 接案", `/接案 N`), for a mediator or coordinator. */
export function offerMessage(c: MediationCaseView, lang: Lang, unansweredHours?: number): OutboundMessage {
  const texts = mediationTexts(lang);
  const take = texts.takeCommand(c.id);
  const text = unansweredHours === undefined ? texts.offer(labelOf(c), take) : texts.unanswered(labelOf(c), unansweredHours, take);
  return { text, options: [{ label: texts.takeLabel, reply: take }], subject: texts.subject(c.id) };
}

/** Append a step of a case to the audit log (no content: the kind, the outcome, who). */
export function auditCase(repos: MediationRepos, c: { id: number; communityId: number }, action: string, actorId?: number | null, detail?: unknown) {
  return repos.audit.append({
    communityId: c.communityId,
    ...(actorId ? { actorId } : {}),
    action,
    subjectType: "MediationCase",
    subjectId: c.id,
    ...(detail === undefined ? {} : { detail }),
  });
}
