/**
 * Closing a request. The requester or the helper marks it done (`/done 12`, `/done 12 2小时`, or just "好了，谢谢"):
 * the time becomes a pending time-bank credit for the helper, which the ledger settles once the requester confirms.
 * The requester (or a coordinator) can cancel it (`/cancel 12`, "不用了"): whoever was pinged or helping is told.
 */
import type { RequestRepos } from "./repos.ts";
import type { Lang } from "../../kernel/lang.ts";
import type { CommandIntent, NoneIntent } from "../../parse/intent.ts";
import type { HelpRequestView } from "./ports.ts";
import type { Handler, MessageContext } from "../../app/shared/context.ts";
import { reply } from "../../app/shared/context.ts";
import { creditCategory, creditMinutes, isPrivateCategory } from "./domain/policy.ts";
import { canMove, mayCancel, mayFinish } from "./domain/state-machine.ts";
import { findHours } from "../../parse/durations.ts";
import { requestTexts } from "./texts.ts";
import { namedRequest } from "./answer-ping.ts";
import { auditRequest } from "./flow.ts";
import { tell } from "../../app/shared/tell.ts";
import { askToConfirm } from "../timebank/index.ts";

/** `/done 12` (optionally with the time it took). */
export const doneCommand: Handler<CommandIntent, RequestRepos> = async (context, repos) => {
  const request = await namedRequest(context, repos);
  if (request) await finish(context, repos, request, findHours(context.intent.args));
};

/** `/cancel 12`. */
export const cancelCommand: Handler<CommandIntent, RequestRepos> = async (context, repos) => {
  const request = await namedRequest(context, repos);
  if (request) await cancel(context, repos, request);
};

/**
 * "好了，谢谢" / "不用了": the sender's newest request asked in this chat (or, for "done", the one they are helping
 * with) — an SOS too — is named back with a one-tap confirmation, since these words are also everyday replies to
 * neighbours. Someone with no request said something ordinary: no reply, nothing changed.
 */
export const closeInWords: Handler<NoneIntent, RequestRepos> = async (context, repos) => {
  // Only a request asked in this chat (or any, in a private chat): "好了，谢谢" in another group is about something else.
  const here = (request: HelpRequestView) => context.chat.kind === "private" || request.chatId === context.chat.id;
  const own = (await repos.requests.activeOf(context.person.id)).filter(here);
  const texts = requestTexts(context.lang);
  // A private subject (a medical need, care, a child) is named by its number only in a group; an emergency's kind was
  // told to the group already.
  const what = (request: HelpRequestView) =>
    request.category === "sos"
      ? (texts.emergencies[request.what] ?? request.what)
      : context.chat.kind !== "private" && isPrivateCategory(request.category)
        ? null
        : request.what;
  if (context.intent.closing === "withdrawn") {
    const request = own[0];
    if (!request) return;
    return reply(context, repos, {
      text: texts.confirmCancel(request.id, what(request)),
      options: [
        { label: texts.yesCancel, reply: `/cancel ${request.id}` },
        { label: texts.keepIt, reply: `/keep ${request.id}` },
      ],
    });
  }
  const request = own[0] ?? (await repos.requests.helpingWith(context.person.id)).filter(here)[0];
  if (!request) return;
  const hours = findHours(context.message.text);
  await reply(context, repos, {
    text: texts.confirmDone(request.id, what(request)),
    options: [
      { label: texts.yesDone, reply: `/done ${request.id}${hours === undefined ? "" : ` ${hours}h`}` },
      { label: texts.notYet, reply: `/keep ${request.id}` },
    ],
  });
};

/** `/keep 12`: the answer "not yet" / "keep it" to a closing question. */
export const keepCommand: Handler<CommandIntent, RequestRepos> = async (context, repos) => {
  const request = await namedRequest(context, repos);
  if (request) await reply(context, repos, requestTexts(context.lang).kept(request.id));
};

/**
 * Whether the sender may close the request: false (told so), or how they act: for themself, or (guardian mode) as the
 * guardian of a requester in no chat, recorded in the audit log as acting on her behalf.
 */
async function mayClose(context: MessageContext, repos: RequestRepos, request: HelpRequestView, helperToo: boolean): Promise<false | { onBehalfOf?: number }> {
  const me = context.person.id;
  const parties = { requesterId: request.requesterId, helperId: request.helper?.personId ?? null };
  const allowed = helperToo ? mayFinish : mayCancel;
  // The role is looked up only when being a party is not enough.
  if (allowed({ personId: me, isCoordinator: false }, parties)) return {};
  // Guardian mode: the guardian of a requester in no chat answers as them.
  const requester = await repos.people.reach(request.requesterId);
  if (requester?.onBehalfOf && requester.personId === me && allowed({ personId: request.requesterId, isCoordinator: false }, parties)) return { onBehalfOf: request.requesterId };
  if (allowed({ personId: me, isCoordinator: await repos.directories.hasRole(me, "coordinator") }, parties)) return {};
  await reply(context, repos, requestTexts(context.lang).notYours(request.id));
  return false;
}

async function finish(context: MessageContext, repos: RequestRepos, request: HelpRequestView, statedHours: number | undefined) {
  const texts = requestTexts(context.lang);
  if (!canMove(request.state, "done")) return reply(context, repos, texts.notOpen(request.id));
  const acting = await mayClose(context, repos, request, true);
  if (!acting) return;
  const helper = request.helper;
  const minutes = helper ? creditMinutes(helper.assignedAt, context.now, statedHours) : undefined;
  if (!(await repos.requests.close(request.id, "done", minutes))) return reply(context, repos, texts.notOpen(request.id));
  const pinged = await repos.requests.closePings(request.id, "taken");
  for (const id of pinged) await tell(repos, id, request, (lang) => requestTexts(lang).cancelledHelper(request.id));
  await auditRequest(repos, request, "request.done", context.person.id, { helper: helper?.personId ?? null, minutes: minutes ?? null, ...acting });
  if (!helper || minutes === undefined) return reply(context, repos, texts.doneWithoutHelper(request.id));
  const created = await repos.credits.create({
    helperId: helper.personId,
    beneficiaryId: request.requesterId,
    minutes,
    category: creditCategory(request.category, request.urgent),
    source: "request",
    sourceId: request.id,
    description: request.what,
    startedById: context.person.id,
    chatId: request.chatId,
  });
  await repos.deeds.record({
    communityId: request.communityId,
    helperId: helper.personId,
    beneficiaryId: request.requesterId,
    chatId: request.chatId,
    kind: "request",
    description: null,
    private: isPrivateCategory(request.category),
  });
  const forRequester = (lang: Lang) => requestTexts(lang).doneRequester(request.id, helper.displayName, requestTexts(lang).hours(minutes));
  const forHelper = (lang: Lang) => requestTexts(lang).doneHelper(request.id, requestTexts(lang).hours(minutes));
  if (context.person.id === request.requesterId) await reply(context, repos, forRequester(context.lang));
  else if (context.person.id === helper.personId) await reply(context, repos, forHelper(context.lang));
  else {
    await reply(context, repos, texts.doneWithoutHelper(request.id));
    await tell(repos, helper.personId, request, forHelper);
  }
  // The other side from whoever closed it (the requester, when a coordinator did) hears the news with the question
  // to confirm the time, in one message.
  const news = context.person.id === request.requesterId ? forHelper : forRequester;
  if (created) await askToConfirm(repos, created.id, request, context.lang, news);
  else await tell(repos, context.person.id === request.requesterId ? helper.personId : request.requesterId, request, news);
}

async function cancel(context: MessageContext, repos: RequestRepos, request: HelpRequestView) {
  const texts = requestTexts(context.lang);
  if (!canMove(request.state, "cancel")) return reply(context, repos, texts.notOpen(request.id));
  const acting = await mayClose(context, repos, request, false);
  if (!acting) return;
  if (!(await repos.requests.close(request.id, "cancelled"))) return reply(context, repos, texts.notOpen(request.id));
  const told = await repos.requests.closePings(request.id, "taken");
  if (request.helper) told.push(request.helper.personId);
  for (const id of told) await tell(repos, id, request, (lang) => requestTexts(lang).cancelledHelper(request.id));
  await auditRequest(repos, request, "request.cancelled", context.person.id, Object.keys(acting).length ? acting : undefined);
  await reply(context, repos, texts.cancelled(request.id));
}
