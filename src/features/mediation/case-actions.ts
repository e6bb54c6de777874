/**
 * `/调解 …` (`/mediate …`): a resident opens a case in their words; alone, it lists one's own cases privately; with a
 * case number, the case's mediator (or a coordinator) keeps a private log, invites the other party and closes the
 * case, the other party answers the invitation, and the resident answers the follow-up. Case actions work only in
 * private chats: in a group the bot asks to be messaged privately, with no content.
 */
import type { MediationRepos } from "./repos.ts";
import type { Repositories } from "../../app/ports.ts";
import type { CommandIntent } from "../../parse/intent.ts";
import type { MessageContext } from "../../app/shared/context.ts";
import type { CaseCommand } from "./domain/case-command.ts";
import type { MediationCaseView } from "./ports.ts";
import { answerPrivately, reply } from "../../app/shared/context.ts";
import { resolvePerson } from "../../app/shared/resolve-person.ts";
import { readCaseCommand } from "./domain/case-command.ts";
import { followUpAt, wantsFollowUp } from "./domain/policy.ts";
import { mediationTexts } from "./texts.ts";
import { auditCase, FOLLOW_UP_JOB, tellAbout } from "./flow.ts";
import { kindOfText, openCase } from "./open-case.ts";
import { namedCase } from "./take-case.ts";

type Repos = MediationRepos & Pick<Repositories, "events">;

/** `/mediate …`, read and run. */
export async function mediateCommand(context: MessageContext<CommandIntent>, repos: Repos): Promise<void> {
  const command = readCaseCommand(context.intent.args);
  if (command.kind === "list") return listCases(context, repos);
  if (command.kind === "open") return openCase(context, repos, kindOfText(command.text), command.text);
  const texts = mediationTexts(context.lang);
  if (context.chat.kind !== "private") return reply(context, repos, texts.onlyPrivately);
  if (command.kind === "usage") return reply(context, repos, texts.usage(command.id));
  const c = await namedCase(context, repos, command.id);
  if (!c) return;
  switch (command.kind) {
    case "answer":
      return answerInvitation(context, repos, c, command.answer);
    case "followUp":
      return answerFollowUp(context, repos, c, command.followUp);
    default:
      return mediatorAction(context, repos, c, command);
  }
}

/** A note, an invitation or closing: the case's mediator or a coordinator only. */
async function mediatorAction(context: MessageContext<CommandIntent>, repos: Repos, c: MediationCaseView, command: Extract<CaseCommand, { kind: "note" | "invite" | "close" }>) {
  const texts = mediationTexts(context.lang);
  const me = context.person.id;
  if (c.mediatorId !== me && !(await repos.directories.hasRole(me, "coordinator"))) return reply(context, repos, texts.notYours(c.id));
  if (command.kind === "note") {
    await repos.mediation.addNote(c.id, me, command.text);
    await auditCase(repos, c, "mediation.noted", me);
    return reply(context, repos, texts.noted(c.id));
  }
  if (c.state === "closed") return reply(context, repos, texts.closedAlready(c.id));
  if (command.kind === "invite") return invite(context, repos, c, command.name);
  if (!(await repos.mediation.close(c.id, command.outcome, command.referredTo))) return reply(context, repos, texts.closedAlready(c.id));
  await reply(context, repos, texts.closed(c.id, command.outcome, command.referredTo));
  if (c.openedById !== me) {
    await tellAbout(repos, c.openedById, c, (lang) => mediationTexts(lang).closedResident(c.id, command.outcome, command.referredTo));
  }
  if (wantsFollowUp(command.outcome)) {
    await repos.jobs.schedule({ kind: FOLLOW_UP_JOB, dueAt: followUpAt(context.now), payload: { caseId: c.id }, dedupeKey: `${FOLLOW_UP_JOB}:${c.id}` });
  }
  await auditCase(repos, c, "mediation.closed", me, { outcome: command.outcome, referredTo: command.referredTo });
}

/** Ask the other party, by their name in the community, whether they agree to talk: only the kind is said. */
async function invite(context: MessageContext<CommandIntent>, repos: Repos, c: MediationCaseView, name: string) {
  const texts = mediationTexts(context.lang);
  const found = await resolvePerson(context, repos, name);
  if (found.kind === "none") return reply(context, repos, texts.nameUnknown(name));
  if (found.kind === "many") return reply(context, repos, texts.nameAmbiguous(name));
  if (found.personId === c.openedById || found.personId === context.person.id) return reply(context, repos, texts.inviteSelf);
  await repos.mediation.invite(c.id, found.personId);
  await tellAbout(repos, found.personId, c, (lang) => {
    const their = mediationTexts(lang);
    return {
      text: their.inviteAsk(c.kind),
      options: [
        { label: their.agreeLabel, reply: their.answerCommand(c.id, true) },
        { label: their.declineLabel, reply: their.answerCommand(c.id, false) },
      ],
      subject: their.subject(c.id),
    };
  });
  await auditCase(repos, c, "mediation.invited", context.person.id, { otherPartyId: found.personId });
  await reply(context, repos, texts.invited(c.id, found.name));
}

/** The other party's answer, told to the mediator privately (to the coordinators while nobody has taken the case). */
async function answerInvitation(context: MessageContext<CommandIntent>, repos: Repos, c: MediationCaseView, answer: "agreed" | "declined") {
  const texts = mediationTexts(context.lang);
  if (c.otherPartyId !== context.person.id || !(await repos.mediation.answerInvite(c.id, answer))) return reply(context, repos, texts.notAsked);
  await reply(context, repos, texts.answerThanks(answer === "agreed"));
  const told = c.mediatorId !== null ? [c.mediatorId] : await repos.people.coordinatorsOf(c.communityId);
  for (const one of told) await tellAbout(repos, one, c, (lang) => mediationTexts(lang).answered(c.id, context.person.displayName, answer === "agreed"));
  await auditCase(repos, c, `mediation.invitation.${answer}`, context.person.id);
}

/** The resident's answer a week after closing; "still the same" is told to the mediator. */
async function answerFollowUp(context: MessageContext<CommandIntent>, repos: Repos, c: MediationCaseView, followUp: "better" | "same") {
  const texts = mediationTexts(context.lang);
  if (c.openedById !== context.person.id || c.state !== "closed") return reply(context, repos, texts.notAsked);
  if (!(await repos.mediation.setFollowUp(c.id, followUp))) return reply(context, repos, texts.followUpDone);
  await reply(context, repos, texts.followUpThanks(followUp === "better"));
  if (followUp === "same" && c.mediatorId !== null) await tellAbout(repos, c.mediatorId, c, (lang) => mediationTexts(lang).followUpSame(c.id));
  await auditCase(repos, c, `mediation.follow_up.${followUp}`, context.person.id);
}

/** `/mediate` alone: one's own open cases (those one mediates and those one raised), privately. */
async function listCases(context: MessageContext<CommandIntent>, repos: Repos) {
  const texts = mediationTexts(context.lang);
  const cases = await repos.mediation.activeOf(context.person.id);
  if (cases.length === 0) return answerPrivately(context, repos, texts.openHowTo);
  const lines = cases.map((one) => texts.listLine({ id: one.id, kind: one.kind, state: one.state, description: one.description, mine: one.mediatorId === context.person.id }));
  await answerPrivately(context, repos, [texts.listHeader, ...lines].join("\n"));
}
