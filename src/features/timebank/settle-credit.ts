/**
 * Pending time-bank credits: asking the other side to confirm, and confirming or disputing (`/confirm 7`,
 * `/dispute 7`, or the buttons / numbered replies of the question). Confirming moves the coins, from the community
 * fund or the beneficiary's account as the community's policy says, within its cap and overdraft limit; disputing moves
 * nothing. Answers are always private: a credit can say what help someone needed.
 */
import type { TimeBankRepos } from "./repos.ts";
import type { CommandIntent } from "../../parse/intent.ts";
import type { Lang } from "../../kernel/lang.ts";
import type { KnownChat } from "../../app/ports.ts";
import type { PendingCreditView } from "./ports.ts";
import type { Handler, MessageContext } from "../../app/shared/context.ts";
import { answerPrivately } from "../../app/shared/context.ts";
import { tell } from "../../app/shared/tell.ts";
import { timeBankTexts } from "./texts.ts";
import { confirmingSide, creditMovements } from "./domain/ledger.ts";
import { capCheck, policyOf, withinOverdraft } from "./domain/policy.ts";
import { isPrivateCategory } from "../requests/domain/policy.ts";
import { noteMilestone } from "../recognition/index.ts";

/** Where a credit's messages are sent from: the chat it came from (platform, language, a group for fallbacks). */
export type Where = { chat: Pick<KnownChat, "platform" | "externalId" | "lang" | "kind"> | null; chatId: number | null };

/**
 * Who may confirm or dispute a credit: the other side from whoever recorded it, when the bot can reach them (an elder
 * in guardian mode through their guardian, who answers for them); otherwise (a duty for the community, an elder in no
 * chat with nobody acting for them, or whose guardian is the helper) the coordinators, or the grid captains where there
 * is no coordinator to ask — never the helper nor whoever recorded it.
 */
export async function decidersOf(repos: Pick<TimeBankRepos, "people">, credit: PendingCreditView): Promise<{ party: number | null; people: number[] }> {
  const side = confirmingSide(credit);
  const reach = side !== null && side !== credit.startedById ? await repos.people.reach(side) : null;
  if (side !== null && reach && !reach.onBehalfOf) return { party: side, people: [side] };
  if (side !== null && reach?.onBehalfOf && reach.personId !== credit.helperId && reach.personId !== credit.startedById) return { party: side, people: [side, reach.personId] };
  const eligible = (id: number) => id !== credit.helperId && id !== credit.startedById;
  const coordinators = (await repos.people.coordinatorsOf(credit.communityId)).filter(eligible);
  return { party: null, people: coordinators.length ? coordinators : (await repos.people.captainsOfCommunity(credit.communityId)).filter(eligible) };
}

/**
 * Ask whoever confirms a new pending credit, privately, with confirm / dispute choices; `intro` (the news that goes
 * with it, "求助 #3 已完成") opens the other party's question, so they get one message. Returns the name of who was
 * asked for the reply ("协调员" for leaders), or null when nobody can be.
 */
export async function askToConfirm(repos: Pick<TimeBankRepos, "audit" | "credits" | "outboxes" | "people">, creditId: number, where: Where, lang: Lang, intro?: (lang: Lang) => string): Promise<string | null> {
  const credit = (await repos.credits.get(creditId))!;
  const question = (to: Lang, withIntro: boolean) => {
    const texts = timeBankTexts(to);
    const ask = texts.askConfirm(credit.id, credit.helperName, credit.beneficiaryName, credit.description, credit.minutes);
    return {
      text: withIntro && intro ? `${intro(to)}\n${ask}` : ask,
      options: [
        { label: texts.confirm, reply: `/confirm ${credit.id}` },
        { label: texts.dispute, reply: `/dispute ${credit.id}` },
      ],
    };
  };
  const { party, people } = await decidersOf(repos, credit);
  if (party !== null) {
    await tell(repos, party, where, (to) => question(to, true));
    return party === credit.helperId ? credit.helperName : credit.beneficiaryName!;
  }
  for (const id of people) await tell(repos, id, where, (to) => question(to, false));
  await repos.audit.append({ communityId: credit.communityId, action: "credit.asked_leaders", subjectType: "PendingCredit", subjectId: credit.id, detail: { leaders: people } });
  return people.length ? timeBankTexts(lang).coordinators : null;
}

/**
 * Ask the leaders about several credits of the community at once (a duty's attendees): one message each, listing
 * them, with "confirm all" as the choice; any one can still be disputed with `/dispute N`.
 */
export async function askLeadersAll(repos: TimeBankRepos, creditIds: number[], where: Where, title: string): Promise<void> {
  const credits = (await Promise.all(creditIds.map((id) => repos.credits.get(id)))).filter((one): one is PendingCreditView => one !== null);
  const byLeader = new Map<number, PendingCreditView[]>();
  for (const credit of credits) {
    for (const id of (await decidersOf(repos, credit)).people) byLeader.set(id, [...(byLeader.get(id) ?? []), credit]);
  }
  for (const [leader, list] of byLeader) {
    await tell(repos, leader, where, (lang) => {
      const texts = timeBankTexts(lang);
      return {
        text: texts.askConfirmAll(title, list.map((one) => texts.creditLine(one.id, one.helperName, one.minutes, null))),
        options: [{ label: texts.confirmAll, reply: `/confirm ${list.map((one) => one.id).join(" ")}` }],
      };
    });
  }
}

/**
 * The pending credits a person may decide: theirs as the other side, those of the elders they act for (guardian mode),
 * and those leaders decide if they are one.
 */
export async function waitingFor(repos: TimeBankRepos, personId: number, communityId: number): Promise<PendingCreditView[]> {
  const own = await repos.credits.awaiting(personId);
  for (const ward of await repos.guardians.wardsOf(personId)) {
    for (const credit of await repos.credits.awaiting(ward.personId)) if ((await decidersOf(repos, credit)).people.includes(personId)) own.push(credit);
  }
  const leader = (await repos.directories.hasRole(personId, "coordinator")) || (await repos.directories.hasRole(personId, "grid_captain"));
  if (!leader) return own;
  const more: PendingCreditView[] = [];
  for (const credit of await repos.credits.pendingIn(communityId)) {
    if (!own.some((one) => one.id === credit.id) && (await decidersOf(repos, credit)).people.includes(personId)) more.push(credit);
  }
  return [...own, ...more].sort((a, b) => a.id - b.id);
}

/** `/confirm 7` (without a number: the list of credits waiting for this person). */
export const confirmCredit: Handler<CommandIntent, TimeBankRepos> = (context, repos) => decide(context, repos, "confirmed");

/** `/dispute 7`. */
export const disputeCredit: Handler<CommandIntent, TimeBankRepos> = (context, repos) => decide(context, repos, "disputed");

async function decide(context: MessageContext<CommandIntent>, repos: TimeBankRepos, to: "confirmed" | "disputed") {
  const texts = timeBankTexts(context.lang);
  const answer = (text: string) => answerPrivately(context, repos, text);
  const args = context.intent.args.trim();
  // "/confirm 7", or several at once ("/confirm 7 8 9", the answer to a duty's list).
  const ids = args.split(/[\s,，、]+/u).filter(Boolean).map((word) => /^#?(\d{1,9})$/u.exec(word)?.[1]);
  if (!args) {
    const waiting = await waitingFor(repos, context.person.id, context.person.communityId);
    if (!waiting.length) return answer(texts.nothingToConfirm);
    return answer(texts.awaiting(waiting.map((one) => texts.creditLine(one.id, one.helperName, one.minutes, one.description))));
  }
  if (ids.some((id) => id === undefined) || ids.length > 50) return answer(texts.noCredit(args.slice(0, 20)));
  const lines: string[] = [];
  for (const id of ids as string[]) lines.push(await decideOne(context, repos, Number(id), to));
  await answer(lines.join("\n"));
}

/** Confirm or dispute one credit; returns the line to answer with (the other parties are told privately). */
async function decideOne(context: MessageContext, repos: TimeBankRepos, id: number, to: "confirmed" | "disputed"): Promise<string> {
  const texts = timeBankTexts(context.lang);
  const credit = await repos.credits.get(id);
  if (!credit || credit.communityId !== context.person.communityId) return texts.noCredit(String(id));
  if (credit.state !== "pending") return texts.notPending(credit.id);
  const deciders = await decidersOf(repos, credit);
  if (!deciders.people.includes(context.person.id)) return texts.notYourCredit(credit.id);
  // A guardian deciding for the elder they act for: the audit log says for whom.
  const onBehalf = deciders.party !== null && deciders.party !== context.person.id ? { onBehalfOf: deciders.party } : {};
  const where: Where = { chat: context.chat, chatId: context.chat.id };
  if (to === "disputed") {
    await repos.credits.decide(credit.id, "disputed", null);
    await audit(repos, context, credit, "credit.disputed", onBehalf);
    if (context.person.id !== credit.helperId) await tell(repos, credit.helperId, where, (lang) => timeBankTexts(lang).disputed(credit.id, credit.description));
    return texts.disputedBy(credit.id);
  }
  return confirm(context, repos, credit, where, onBehalf);
}

async function confirm(context: MessageContext, repos: TimeBankRepos, credit: PendingCreditView, where: Where, onBehalf: { onBehalfOf?: number }): Promise<string> {
  const texts = timeBankTexts(context.lang);
  const policy = policyOf(await repos.communities.settings(credit.communityId));
  const helperAccount = await repos.ledger.account(credit.communityId, credit.helperId);
  const payerId = policy.payer === "beneficiary" ? credit.beneficiaryId : null;
  const payerAccount = await repos.ledger.account(credit.communityId, payerId);
  const helperAfter = (await repos.ledger.balance(helperAccount)) + credit.minutes;
  const cap = capCheck(policy, helperAfter);
  const byHelper = context.person.id === credit.helperId;
  if (cap === "block") {
    if (!byHelper) await tell(repos, credit.helperId, where, (lang) => timeBankTexts(lang).blockedCap(credit.id, credit.helperName, policy.capMinutes!));
    return texts.blockedCap(credit.id, credit.helperName, policy.capMinutes!);
  }
  if (payerId !== null && !withinOverdraft(policy, await repos.ledger.balance(payerAccount), credit.minutes)) {
    return texts.blockedOverdraft(credit.id, credit.beneficiaryName ?? "", policy.negativeLimitMinutes);
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
    private: request !== null && isPrivateCategory(request.category),
  });
  await audit(repos, context, credit, "credit.confirmed", { transferId: transfer.id, payer: payerId ?? "fund", ...onBehalf });
  await noteMilestone(repos, { personId: credit.helperId, name: credit.helperName }, where);
  const warn = (lang: Lang) => (cap === "warn" ? timeBankTexts(lang).overCap(policy.capMinutes!) : "");
  // The helper confirming a credit their beneficiary recorded hears it once, here.
  if (byHelper) return texts.confirmed(credit.id, credit.minutes, helperAfter) + warn(context.lang);
  await tell(repos, credit.helperId, where, (lang) => timeBankTexts(lang).confirmed(credit.id, credit.minutes, helperAfter) + warn(lang));
  return texts.confirmedBy(credit.id) + warn(context.lang);
}

function audit(repos: TimeBankRepos, context: MessageContext, credit: PendingCreditView, action: string, detail: Record<string, unknown> = {}) {
  return repos.audit.append({ communityId: credit.communityId, actorId: context.person.id, action, subjectType: "PendingCredit", subjectId: credit.id, detail: { minutes: credit.minutes, ...detail } });
}
