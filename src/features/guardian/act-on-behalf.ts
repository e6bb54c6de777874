/**
 * `/代办 李奶奶 明天上午陪去医院` (`/on_behalf …`): the elder's guardian, or any coordinator, raises a help request for an
 * elder in guardian mode. It is the requests feature's own use case with the elder as requester, in the chat the command
 * was sent in (so its group sees only what any request shows); what the bot then tells the elder goes to the guardian.
 */
import type { CommandIntent, RequestIntent } from "../../parse/intent.ts";
import type { MessageContext } from "../../app/shared/context.ts";
import type { RequestSettings } from "../requests/domain/policy.ts";
import type { GuardianRepos } from "./repos.ts";
import { reply } from "../../app/shared/context.ts";
import { build } from "../../parse/classify.ts";
import { requestHelp } from "../requests/index.ts";
import { nameAndRest } from "./domain/args.ts";
import { guardianTexts } from "./texts.ts";

/** Whether a person may act for an elder: their guardian, or any coordinator. */
export async function mayActFor(repos: Pick<GuardianRepos, "directories">, personId: number, guardianId: number): Promise<boolean> {
  return personId === guardianId || (await repos.directories.hasRole(personId, "coordinator"));
}

/** `/代办 李奶奶 …`. */
export async function actOnBehalf(context: MessageContext<CommandIntent>, repos: GuardianRepos, settings: RequestSettings, args: string): Promise<void> {
  const texts = guardianTexts(context.lang);
  const split = nameAndRest(args);
  if (!split?.rest) return reply(context, repos, texts.onBehalfUsage);
  const { communityId } = context.person;
  const elder = await repos.guardians.findByName(communityId, split.name);
  if (!elder || elder.guardianId === null) return reply(context, repos, texts.notGuarded(split.name));
  if (!(await mayActFor(repos, context.person.id, elder.guardianId))) return reply(context, repos, texts.notGuardian(split.name));
  const timeZone = await repos.people.timeZoneOf(communityId);
  const built = build("request", split.rest, { now: context.now, timeZone, botNames: [context.botName] });
  const intent: RequestIntent = built?.kind === "request" ? built : { kind: "request", category: "other", what: split.rest };
  const person = { id: elder.personId, communityId, displayName: elder.displayName, lang: null };
  await requestHelp(settings)({ ...context, person, intent }, repos);
  const [request] = await repos.requests.activeOf(elder.personId);
  await repos.audit.append({
    communityId,
    actorId: context.person.id,
    action: "guardian.request",
    subjectType: "HelpRequest",
    subjectId: request?.id,
    detail: { onBehalfOf: elder.personId },
  });
  await reply(context, repos, texts.raised(context.chat.kind === "private" ? elder.displayName : null));
}
