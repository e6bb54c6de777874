/**
 * `/删除我的数据` (`/forgetme`): a resident's right to be forgotten. First a private question with two options whose
 * replies are commands (`/forgetme confirm <token>`, `/forgetme cancel <token>`, which work typed too); the token is
 * the sender's own and expires after 30 minutes. Confirmed, their open requests are cancelled (helpers told), requests
 * they took are handed back (requesters told, the next volunteers pinged), future sign-ups are cancelled (the waitlist
 * moves up), a positive time-bank balance is donated to the community fund (ledger entries are never deleted), and
 * then their details are erased and their name in history becomes "已注销的邻居". Written again, they are someone new.
 */
import { randomBytes } from "node:crypto";
import type { PrivacyRepos } from "./repos.ts";
import type { CommandIntent } from "../../parse/intent.ts";
import type { MessageContext } from "../../app/shared/context.ts";
import type { RequestSettings } from "../requests/domain/policy.ts";
import type { OutboundMessage } from "../../kernel/platform.ts";
import type { Lang } from "../../kernel/lang.ts";
import { answerPrivately, reply } from "../../app/shared/context.ts";
import { t } from "../../app/shared/texts.ts";
import { tell } from "../../app/shared/tell.ts";
import { pingNextWave } from "../requests/index.ts";
import { leave } from "../events/index.ts";
import { privacyTexts } from "./texts.ts";

/** How long the confirmation question stays open. */
export const FORGET_TOKEN_TTL_MS = 30 * 60_000;

/** The app-state key of a person's open confirmation. */
export const forgetKey = (personId: number) => `privacy.forget:${personId}`;

type Pending = { token: string; expiresAt: string; lang: Lang };

/** `/forgetme`, `/forgetme confirm <token>`, `/forgetme cancel <token>`. */
export function forgetMeCommand(settings: RequestSettings) {
  return async (context: MessageContext<CommandIntent>, repos: PrivacyRepos): Promise<void> => {
    const [verb = "", token = ""] = context.intent.args.trim().split(/\s+/u);
    if (!verb) return ask(context, repos);
    if (verb !== "confirm" && verb !== "cancel") return answerPrivately(context, repos, privacyTexts(context.lang).forgetHowTo);
    const key = forgetKey(context.person.id);
    const stored = await repos.states.get(key);
    const pending = stored ? (JSON.parse(stored) as Partial<Pending>) : {};
    // An option's reply is in no resident's language: answer in the question's (else theirs, else the chat's).
    const lang = pending.lang ?? context.person.lang ?? context.chat.lang;
    const answering = { ...context, lang };
    const texts = privacyTexts(lang);
    // Only the sender's own, unexpired token: a forwarded or stale one is refused, and nothing changes.
    if (!token || pending.token !== token || !pending.expiresAt || new Date(pending.expiresAt) <= context.now) {
      return answerPrivately(answering, repos, texts.staleToken);
    }
    await repos.states.set(key, "{}");
    if (verb === "cancel") return answerPrivately(answering, repos, texts.kept);
    await forget(answering, repos, settings);
  };
}

/** The question, privately, with the fate of the balance in it. */
async function ask(context: MessageContext<CommandIntent>, repos: PrivacyRepos): Promise<void> {
  const texts = privacyTexts(context.lang);
  const { id: personId, communityId } = context.person;
  const balance = await repos.ledger.balance(await repos.ledger.account(communityId, personId));
  const token = randomBytes(6).toString("hex");
  const expiresAt = new Date(context.now.getTime() + FORGET_TOKEN_TTL_MS).toISOString();
  await repos.states.set(forgetKey(personId), JSON.stringify({ token, expiresAt, lang: context.lang } satisfies Pending));
  const question: OutboundMessage = {
    text: texts.askForget(balance),
    options: [
      { label: texts.confirmForget, reply: `/forgetme confirm ${token}` },
      { label: texts.keepData, reply: `/forgetme cancel ${token}` },
    ],
  };
  await answerPrivately(context, repos, question);
}

/** Everything that follows a confirmation, in the message's transaction. */
async function forget(context: MessageContext<CommandIntent>, repos: PrivacyRepos, settings: RequestSettings): Promise<void> {
  const { id: personId, communityId } = context.person;
  // Requests they asked for: cancelled, and whoever was asked or helping is told.
  for (const request of await repos.requests.activeOf(personId)) {
    if (!(await repos.requests.close(request.id, "cancelled"))) continue;
    const told = await repos.requests.closePings(request.id, "taken");
    if (request.helper) told.push(request.helper.personId);
    for (const id of new Set(told)) await tell(repos, id, request, (lang) => privacyTexts(lang).requesterLeft(request.id));
    await repos.audit.append({ communityId, action: "request.cancelled", subjectType: "HelpRequest", subjectId: request.id, detail: { reason: "requester forgotten" } });
  }
  // Requests they were helping with: handed back; the requester is told and the next volunteers are asked.
  for (const request of await repos.requests.helpingWith(personId)) {
    if (!(await repos.requests.unassign(request.id, personId))) continue;
    await tell(repos, request.requesterId, request, (lang) => privacyTexts(lang).helperLeft(request.id));
    await repos.audit.append({ communityId, action: "request.handed_back", subjectType: "HelpRequest", subjectId: request.id, detail: { reason: "helper forgotten" } });
    const reopened = await repos.requests.get(request.id);
    if (reopened?.state === "open") await pingNextWave(repos, reopened, settings, context.now);
  }
  // Future sign-ups: cancelled, promoting the waitlist.
  for (const eventId of await repos.personalData.futureSignUps(personId, context.now)) {
    const event = await repos.events.get(eventId);
    if (event) await leave(context, repos, event, personId, false);
  }
  // The ledger keeps every entry; what is left on the account goes to the community fund.
  const account = await repos.ledger.account(communityId, personId);
  const balance = await repos.ledger.balance(account);
  if (balance > 0) {
    const fund = await repos.ledger.account(communityId, null);
    const transfer = await repos.ledger.post({ communityId, kind: "donation", memo: null, movements: [{ accountId: account, minutes: -balance }, { accountId: fund, minutes: balance }] });
    await repos.audit.append({ communityId, action: "ledger.donation", subjectType: "LedgerTransfer", subjectId: transfer.id, detail: { minutes: balance, reason: "account forgotten" } });
  }
  const community = (await repos.communities.list()).find((one) => one.id === communityId);
  const label = privacyTexts(community?.lang ?? context.chat.lang).anonymous;
  const counts = await repos.personalData.forget(personId, label);
  await repos.audit.append({ communityId, action: "person.forgotten", subjectType: "Person", subjectId: personId, detail: { ...counts, donatedMinutes: Math.max(0, balance) } });
  context.forgetSender?.();
  await goodbye(context, repos, label);
}

/** The last word, privately; its target carries the label, not the name they wrote under. */
async function goodbye(context: MessageContext, repos: PrivacyRepos, label: string): Promise<void> {
  const text = privacyTexts(context.lang).forgotten;
  if (context.chat.kind === "private") return reply(context, repos, text);
  const { sender } = context.message;
  await repos.outboxes.enqueue(
    { kind: "user", platform: sender.platform, userId: sender.id, displayName: label, fallbackChatId: context.chat.externalId },
    { text },
    { lang: context.lang },
  );
  await reply(context, repos, t(context.lang).sentPrivately);
}
