/**
 * Pending time-bank credits: asking the other side to confirm, and confirming or disputing (`/confirm 7`,
 * `/dispute 7`, or the buttons / numbered replies of the question). Confirming moves the coins, from the community
 * fund or the beneficiary's account as the community's policy says, within its cap and overdraft limit; disputing moves
 * nothing. Either way the helper hears of it privately.
 */
import type { CommandIntent, Lang } from "../parse/intent.ts";
import type { KnownChat, Repositories } from "../domain/ports.ts";
import type { PendingCreditView } from "../domain/timebank/ports.ts";
import type { Handler, MessageContext } from "./message-context.ts";
import { reply } from "./message-context.ts";
import { tell } from "./request-flow.ts";
import { timeBankTexts } from "../i18n/timebank.ts";
import { confirmingSide, creditMovements } from "../domain/timebank/ledger.ts";
import { capCheck, policyOf, withinOverdraft } from "../domain/timebank/policy.ts";

/** Where a credit's messages are sent from: the chat it came from (platform, language, a group for fallbacks). */
export type Where = { chat: Pick<KnownChat, "platform" | "externalId" | "lang" | "kind"> | null; chatId: number | null };

/** Request categories whose details stay private: counted in summaries, never named. */
export const PRIVATE_CATEGORIES = new Set(["medical", "childcare", "care", "sos"]);

/**
 * Ask whoever confirms a new pending credit, privately, with confirm / dispute choices. The other party confirms;
 * when there is none to reach (a duty for the community, an elder in no chat) the coordinators do.
 * Returns the name of who was asked, for the reply.
 */
export async function askToConfirm(repos: Repositories, creditId: number, where: Where, lang: Lang): Promise<string> {
  const credit = (await repos.credits.get(creditId))!;
  const question = (to: Lang) => {
    const texts = timeBankTexts(to);
    return {
      text: texts.askConfirm(credit.id, credit.helperName, credit.beneficiaryName, credit.description, credit.minutes),
      options: [
        { label: texts.confirm, reply: `/confirm ${credit.id}` },
        { label: texts.dispute, reply: `/dispute ${credit.id}` },
      ],
    };
  };
  const side = confirmingSide(credit);
  if (side !== null && side !== credit.startedById && (await tell(repos, side, where, question))) {
    return side === credit.helperId ? credit.helperName : credit.beneficiaryName!;
  }
  const coordinators = (await repos.people.coordinatorsOf(credit.communityId)).filter((id) => id !== credit.helperId && id !== credit.startedById);
  for (const id of coordinators) await tell(repos, id, where, question);
  return timeBankTexts(lang).coordinators;
}

/** `/confirm 7` (without a number: the list of credits waiting for this person). */
export const confirmCredit: Handler<CommandIntent> = (context, repos) => decide(context, repos, "confirmed");

/** `/dispute 7`. */
export const disputeCredit: Handler<CommandIntent> = (context, repos) => decide(context, repos, "disputed");

async function decide(context: MessageContext<CommandIntent>, repos: Repositories, to: "confirmed" | "disputed") {
  const texts = timeBankTexts(context.lang);
  const id = /^#?(\d+)/u.exec(context.intent.args)?.[1];
  if (!id) {
    const waiting = await repos.credits.awaiting(context.person.id);
    if (!waiting.length) return reply(context, repos, texts.nothingToConfirm);
    return reply(context, repos, texts.awaiting(waiting.map((one) => texts.creditLine(one.id, one.helperName, one.minutes, one.description))));
  }
  const credit = await repos.credits.get(Number(id));
  if (!credit || credit.communityId !== context.person.communityId) return reply(context, repos, texts.noCredit(id));
  if (credit.state !== "pending") return reply(context, repos, texts.notPending(credit.id));
  if (!(await mayDecide(context, repos, credit))) return reply(context, repos, texts.notYourCredit(credit.id));
  const where: Where = { chat: context.chat, chatId: context.chat.id };
  if (to === "disputed") {
    await repos.credits.decide(credit.id, "disputed", null);
    await audit(repos, context, credit, "credit.disputed");
    await tell(repos, credit.helperId, where, (lang) => timeBankTexts(lang).disputed(credit.id, credit.description));
    return reply(context, repos, texts.disputedBy(credit.id));
  }
  await confirm(context, repos, credit, where);
}

/** The other side confirms; a coordinator may act for anyone except where they are the helper or recorded it. */
async function mayDecide(context: MessageContext, repos: Repositories, credit: PendingCreditView): Promise<boolean> {
  const me = context.person.id;
  if (me === confirmingSide(credit) && me !== credit.startedById) return true;
  return me !== credit.helperId && me !== credit.startedById && (await repos.directories.hasRole(me, "coordinator"));
}

async function confirm(context: MessageContext, repos: Repositories, credit: PendingCreditView, where: Where) {
  const texts = timeBankTexts(context.lang);
  const policy = policyOf(await repos.communities.settings(credit.communityId));
  const helperAccount = await repos.ledger.account(credit.communityId, credit.helperId);
  const payerId = policy.payer === "beneficiary" ? credit.beneficiaryId : null;
  const payerAccount = await repos.ledger.account(credit.communityId, payerId);
  const helperAfter = (await repos.ledger.balance(helperAccount)) + credit.minutes;
  const cap = capCheck(policy, helperAfter);
  if (cap === "block") {
    await tell(repos, credit.helperId, where, (lang) => timeBankTexts(lang).blockedCap(credit.id, credit.helperName, policy.capMinutes!));
    return reply(context, repos, texts.blockedCap(credit.id, credit.helperName, policy.capMinutes!));
  }
  if (payerId !== null && !withinOverdraft(policy, await repos.ledger.balance(payerAccount), credit.minutes)) {
    return reply(context, repos, texts.blockedOverdraft(credit.id, credit.beneficiaryName ?? "", policy.negativeLimitMinutes));
  }
  const transfer = await repos.ledger.post({
    communityId: credit.communityId,
    kind: "credit",
    category: credit.category,
    memo: credit.description,
    movements: creditMovements(helperAccount, payerAccount, credit.minutes),
  });
  if (!(await repos.credits.decide(credit.id, "confirmed", transfer.id))) throw new Error(`credit ${credit.id} was decided concurrently`);
  const request = credit.source === "request" && credit.sourceId !== null ? await repos.requests.get(credit.sourceId) : null;
  await repos.deeds.record({
    communityId: credit.communityId,
    helperId: credit.helperId,
    beneficiaryId: credit.beneficiaryId,
    chatId: credit.chatId,
    kind: "credit",
    description: credit.description,
    private: request !== null && PRIVATE_CATEGORIES.has(request.category),
  });
  await audit(repos, context, credit, "credit.confirmed", { transferId: transfer.id, payer: payerId ?? "fund" });
  const warn = (lang: Lang) => (cap === "warn" ? timeBankTexts(lang).overCap(policy.capMinutes!) : "");
  // The helper confirming a credit their beneficiary recorded hears it once, here.
  if (context.person.id === credit.helperId) return reply(context, repos, texts.confirmed(credit.id, credit.minutes, helperAfter) + warn(context.lang));
  await tell(repos, credit.helperId, where, (lang) => {
    return timeBankTexts(lang).confirmed(credit.id, credit.minutes, helperAfter) + warn(lang);
  });
  await reply(context, repos, texts.confirmedBy(credit.id) + warn(context.lang));
}

function audit(repos: Repositories, context: MessageContext, credit: PendingCreditView, action: string, detail: Record<string, unknown> = {}) {
  return repos.audit.append({ communityId: credit.communityId, actorId: context.person.id, action, subjectType: "PendingCredit", subjectId: credit.id, detail: { minutes: credit.minutes, ...detail } });
}
