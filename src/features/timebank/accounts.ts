/**
 * Time-bank commands: `/转赠 @儿子 5` (give coins to a relative or neighbour), `/捐赠 5` (to the community fund),
 * `/余额` or "我还有多少时间币" and `/明细` (answered privately; coordinators may name anyone, or 基金 for the fund),
 * `/冲正 12` (a coordinator reverses a transfer with a reversing entry), `/规则` (the community's policy; coordinators
 * change it), and `/不留名` / `/留名` (whether the weekly summary may name you).
 */
import type { TimeBankRepos } from "./repos.ts";
import { EN_WEEKDAYS, ZH_WEEKDAYS } from "../../kernel/weekdays.ts";
import type { Lang } from "../../kernel/lang.ts";
import type { CommandIntent, QueryIntent } from "../../parse/intent.ts";
import type { Handler, MessageContext } from "../../app/shared/context.ts";
import { answerPrivately, reply } from "../../app/shared/context.ts";
import { resolvePerson } from "../../app/shared/resolve-person.ts";
import { timeBankTexts } from "./texts.ts";
import { t } from "../../app/shared/texts.ts";
import { coins, minutesOfCoins, reversalMovements } from "./domain/ledger.ts";
import { capCheck, parsePolicyChange, policyOf, scheduleOf } from "./domain/policy.ts";
import { ensureWeeklyJob } from "../deeds/index.ts";
import { tell } from "../../app/shared/tell.ts";
import { waitingFor } from "./settle-credit.ts";

const STATEMENT_LINES = 10;


/** The amount (last number) and the rest (a name) of `args`. */
function amountAndName(args: string): { minutes: number | null; name: string } {
  const words = args.trim().split(/\s+/u).filter(Boolean);
  const last = words.at(-1) ?? "";
  const minutes = minutesOfCoins(last);
  return { minutes, name: (minutes === null ? words : words.slice(0, -1)).join(" ").replace(/^@/u, "") };
}

/** `/give @someone 5`. */
export const giveCoins: Handler<CommandIntent, TimeBankRepos> = async (context, repos) => {
  const texts = timeBankTexts(context.lang);
  const { minutes, name } = amountAndName(context.intent.args);
  if (minutes === null || !name) return reply(context, repos, texts.transferHowTo);
  const to = await resolvePerson(context, repos, name);
  if (to.kind === "none") return reply(context, repos, texts.unknownPerson(name));
  if (to.kind === "many") return reply(context, repos, texts.whichPerson(name));
  if (to.personId === context.person.id) return reply(context, repos, texts.notToSelf);
  const communityId = context.person.communityId;
  const policy = policyOf(await repos.communities.settings(communityId));
  const from = await repos.ledger.account(communityId, context.person.id);
  const balance = await repos.ledger.balance(from);
  // Only coins earned can be given: never into overdraft.
  if (balance < minutes) return answerPrivately(context, repos, texts.tooLittle(balance));
  const toAccount = await repos.ledger.account(communityId, to.personId);
  const received = (await repos.ledger.balance(toAccount)) + minutes;
  if (capCheck(policy, received) === "block") return answerPrivately(context, repos, texts.blockedTransfer(to.name, policy.capMinutes!));
  const transfer = await repos.ledger.post({ communityId, kind: "transfer", memo: `${context.person.displayName} → ${to.name}`, movements: [{ accountId: from, minutes: -minutes }, { accountId: toAccount, minutes }] });
  await repos.audit.append({ communityId, actorId: context.person.id, action: "ledger.transfer", subjectType: "LedgerTransfer", subjectId: transfer.id, detail: { to: to.personId, minutes } });
  const where = { chat: context.chat, chatId: context.chat.id };
  await tell(repos, to.personId, where, (lang) => timeBankTexts(lang).received(context.person.displayName, minutes, received));
  await answerPrivately(context, repos, texts.transferred(to.name, minutes, balance - minutes));
};

/** `/donate 5`: coins to the community fund. */
export const donateCoins: Handler<CommandIntent, TimeBankRepos> = async (context, repos) => {
  const texts = timeBankTexts(context.lang);
  const minutes = minutesOfCoins(context.intent.args);
  if (minutes === null) return reply(context, repos, texts.donateHowTo);
  const communityId = context.person.communityId;
  const from = await repos.ledger.account(communityId, context.person.id);
  const balance = await repos.ledger.balance(from);
  if (balance < minutes) return answerPrivately(context, repos, texts.tooLittle(balance));
  const fund = await repos.ledger.account(communityId, null);
  const transfer = await repos.ledger.post({ communityId, kind: "donation", memo: context.person.displayName, movements: [{ accountId: from, minutes: -minutes }, { accountId: fund, minutes }] });
  await repos.audit.append({ communityId, actorId: context.person.id, action: "ledger.donation", subjectType: "LedgerTransfer", subjectId: transfer.id, detail: { minutes } });
  await answerPrivately(context, repos, texts.donated(minutes, balance - minutes));
};

/** Whose account a balance or statement asks about: one's own, or (coordinators only) a named person or the fund. */
async function accountAsked(context: MessageContext, repos: TimeBankRepos, args: string): Promise<{ accountId: number; name: string | null } | null> {
  const communityId = context.person.communityId;
  const name = args.trim().replace(/^@/u, "");
  if (!name) return { accountId: await repos.ledger.account(communityId, context.person.id), name: null };
  const texts = timeBankTexts(context.lang);
  if (!(await repos.directories.hasRole(context.person.id, "coordinator"))) {
    await reply(context, repos, t(context.lang).needCoordinator);
    return null;
  }
  if (/^(?:fund|基金|社区基金)$/iu.test(name)) return { accountId: await repos.ledger.account(communityId, null), name: texts.fund };
  const person = await resolvePerson(context, repos, name);
  if (person.kind !== "one") {
    await reply(context, repos, person.kind === "many" ? texts.whichPerson(name) : texts.unknownPerson(name));
    return null;
  }
  return { accountId: await repos.ledger.account(communityId, person.personId), name: person.name };
}

/** `/balance` (a coordinator: `/balance 李奶奶`, `/balance 基金`). */
export const balanceCommand: Handler<CommandIntent, TimeBankRepos> = (context, repos) => showBalance(context, repos, context.intent.args);

/** "我还有多少时间币": the asker's own balance. */
export const balanceQuery: Handler<QueryIntent, TimeBankRepos> = (context, repos) => showBalance(context, repos, "");

async function showBalance(context: MessageContext, repos: TimeBankRepos, args: string) {
  const asked = await accountAsked(context, repos, args);
  if (!asked) return;
  const balance = await repos.ledger.balance(asked.accountId);
  const awaiting = asked.name === null ? (await waitingFor(repos, context.person.id, context.person.communityId)).length : 0;
  await answerPrivately(context, repos, timeBankTexts(context.lang).balance(asked.name, balance, awaiting));
}

/** `/statement`: the last entries of an account. */
export const statementCommand: Handler<CommandIntent, TimeBankRepos> = async (context, repos) => {
  const asked = await accountAsked(context, repos, context.intent.args);
  if (!asked) return;
  const texts = timeBankTexts(context.lang);
  const lines = await repos.ledger.statement(asked.accountId, STATEMENT_LINES);
  const balance = await repos.ledger.balance(asked.accountId);
  const timeZone = await repos.people.timeZoneOf(context.person.communityId);
  await answerPrivately(context, repos, lines.length ? texts.statement(asked.name, balance, lines, timeZone) : texts.noEntries);
};

/** `/reverse 12`: a coordinator undoes a transfer with a reversing one (entries are never edited or deleted). */
export const reverseTransfer: Handler<CommandIntent, TimeBankRepos> = async (context, repos) => {
  const texts = timeBankTexts(context.lang);
  const id = /^#?(\d{1,9})(?!\d)/u.exec(context.intent.args)?.[1];
  const original = id ? await repos.ledger.transfer(Number(id)) : null;
  if (!original || original.communityId !== context.person.communityId || original.kind === "reversal" || original.reversedById !== null) {
    return reply(context, repos, texts.notReversible(id ?? context.intent.args.trim().slice(0, 20)));
  }
  const reversal = await repos.ledger.post({
    communityId: original.communityId,
    kind: "reversal",
    category: original.category,
    memo: context.intent.args.replace(/^#?\d+\s*/u, "") || null,
    reversesId: original.id,
    movements: reversalMovements(original.movements),
  });
  await repos.audit.append({ communityId: original.communityId, actorId: context.person.id, action: "ledger.reversal", subjectType: "LedgerTransfer", subjectId: original.id, detail: { reversal: reversal.id } });
  // Whoever's coins moved hears of it privately, with their balance now.
  const where = { chat: context.chat, chatId: context.chat.id };
  for (const personId of original.people.filter((id) => id !== context.person.id)) {
    const balance = await repos.ledger.balance(await repos.ledger.account(original.communityId, personId));
    await tell(repos, personId, where, (lang) => timeBankTexts(lang).reversedFor(original.id, balance));
  }
  await reply(context, repos, texts.reversed(original.id, reversal.id));
};

/** `/policy` shows the time-bank policy; a coordinator changes it (`/policy cap 1500 block`). */
export const policyCommand: Handler<CommandIntent, TimeBankRepos> = async (context, repos) => {
  const texts = timeBankTexts(context.lang);
  const communityId = context.person.communityId;
  if (context.intent.args.trim()) {
    if (!(await repos.directories.hasRole(context.person.id, "coordinator"))) return reply(context, repos, t(context.lang).needCoordinator);
    const patch = parsePolicyChange(context.intent.args);
    if (!patch) return reply(context, repos, texts.policyHowTo);
    await repos.communities.updateSettings(communityId, patch);
    await repos.audit.append({ communityId, actorId: context.person.id, action: "policy.changed", detail: patch });
    if (patch.summary) await ensureWeeklyJob(repos, communityId, context.now);
  }
  const settings = await repos.communities.settings(communityId);
  await reply(context, repos, texts.policy(describePolicy(context.lang, settings)));
};

function describePolicy(lang: Lang, settings: Record<string, unknown>): string {
  const policy = policyOf(settings);
  const schedule = scheduleOf(settings);
  const time = `${String(Math.floor(schedule.minute / 60)).padStart(2, "0")}:${String(schedule.minute % 60).padStart(2, "0")}`;
  const cap = policy.capMinutes === null ? null : coins(policy.capMinutes);
  if (lang === "en") {
    const day = EN_WEEKDAYS[schedule.day];
    return [
      `Cap: ${cap === null ? "none" : `${cap} coins (${policy.capMode === "block" ? "blocks" : "warns"})`}`,
      `Overdraft: down to -${coins(policy.negativeLimitMinutes)}`,
      `Credits paid by: ${policy.payer === "fund" ? "the community fund" : "the beneficiary"}`,
      `Categories: A, B, C${policy.categories.length ? `, ${policy.categories.join(", ")}` : ""}`,
      `Weekly summary: ${day} ${time}`,
    ].join("\n");
  }
  const day = ZH_WEEKDAYS[schedule.day];
  return [
    `上限：${cap === null ? "不限" : `${cap} 个时间币（${policy.capMode === "block" ? "超过即阻止" : "超过会提醒"}）`}`,
    `透支：最多 -${coins(policy.negativeLimitMinutes)}`,
    `入账来源：${policy.payer === "fund" ? "社区基金" : "受助人账户"}`,
    `类别：A 日常、B 陪伴、C 应急${policy.categories.length ? `、${policy.categories.join("、")}` : ""}`,
    `每周汇总：${day} ${time}`,
  ].join("\n");
}

/** `/anonymous`: the weekly summary stops naming the sender. */
export const anonymousCommand: Handler<CommandIntent, TimeBankRepos> = async (context, repos) => {
  await repos.directories.setNameInSummary(context.person.id, false);
  await reply(context, repos, timeBankTexts(context.lang).anonymous);
};

/** `/named`: the weekly summary may name the sender again. */
export const namedCommand: Handler<CommandIntent, TimeBankRepos> = async (context, repos) => {
  await repos.directories.setNameInSummary(context.person.id, true);
  await reply(context, repos, timeBankTexts(context.lang).named);
};
