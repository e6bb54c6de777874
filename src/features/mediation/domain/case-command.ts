/**
 * What `/调解 …` (`/mediate …`) asks for, read from its arguments: nothing (list one's cases), a new case in the
 * resident's words, or an action on case N (a note, inviting the other party, closing it, the other party's answer,
 * the resident's follow-up answer). Pure.
 */
import type { FollowUp, Outcome } from "./policy.ts";

/** A `/mediate` request, read. */
export type CaseCommand =
  | { kind: "list" }
  | { kind: "open"; text: string }
  | { kind: "note"; id: number; text: string }
  | { kind: "invite"; id: number; name: string }
  | { kind: "close"; id: number; outcome: Outcome; referredTo: string | null }
  | { kind: "answer"; id: number; answer: "agreed" | "declined" }
  | { kind: "followUp"; id: number; followUp: FollowUp }
  /** Case N with an action missing or not understood (the usage is sent). */
  | { kind: "usage"; id: number | null };

/** Who a case may be referred to, by the words for them; anything else is kept as typed. */
const REFERRALS: ReadonlyArray<readonly [string, RegExp]> = [
  ["property", /^(?:物业|物业公司|property(?:\s+manage(?:r|ment))?)$/iu],
  ["committee", /^(?:居委会|业委会|社区居委会|(?:the\s+)?residents'?\s+committee|committee)$/iu],
  ["police", /^(?:派出所|警察|民警|110|(?:the\s+)?police)$/iu],
];

/** The words of each action, in both languages. */
const NOTE = /^(?:记录|备注|note|log)(?:\s+|$)/iu;
const INVITE = /^(?:邀请|invite)(?:\s+|$)/iu;
const CLOSE = /^(?:结案|关闭|close)(?:\s+|$)/iu;
const AGREE = /^(?:愿意|同意|agree|yes)$/iu;
const DECLINE = /^(?:不愿意|不同意|decline|no)$/iu;
const BETTER = /^(?:好多了|好了|better)$/iu;
const SAME = /^(?:还是老样子|老样子|没变|same)$/iu;

/** Read the arguments of `/mediate`. */
export function readCaseCommand(args: string): CaseCommand {
  const text = args.trim();
  if (!text) return { kind: "list" };
  const numbered = /^#?(\d{1,9})(?:\s+([\s\S]*))?$/u.exec(text);
  if (!numbered) return { kind: "open", text };
  const id = Number(numbered[1]);
  const rest = (numbered[2] ?? "").trim();
  const after = (pattern: RegExp) => rest.replace(pattern, "").trim();
  if (NOTE.test(rest)) return after(NOTE) ? { kind: "note", id, text: after(NOTE) } : { kind: "usage", id };
  if (INVITE.test(rest)) return after(INVITE) ? { kind: "invite", id, name: after(INVITE) } : { kind: "usage", id };
  if (CLOSE.test(rest)) return readClose(id, after(CLOSE));
  if (AGREE.test(rest)) return { kind: "answer", id, answer: "agreed" };
  if (DECLINE.test(rest)) return { kind: "answer", id, answer: "declined" };
  if (BETTER.test(rest)) return { kind: "followUp", id, followUp: "better" };
  if (SAME.test(rest)) return { kind: "followUp", id, followUp: "same" };
  return { kind: "usage", id };
}

function readClose(id: number, rest: string): CaseCommand {
  if (/^(?:已解决|解决了?|resolved|solved)$/iu.test(rest)) return { kind: "close", id, outcome: "resolved", referredTo: null };
  if (/^(?:撤回|已撤回|撤销|withdrawn|withdraw)$/iu.test(rest)) return { kind: "close", id, outcome: "withdrawn", referredTo: null };
  const referred = /^(?:转介|转交|转给|referred|refer)(?:\s*(?:to\s+)?)([\s\S]*)$/iu.exec(rest);
  if (referred) {
    const to = referred[1]!.trim();
    if (!to) return { kind: "usage", id };
    return { kind: "close", id, outcome: "referred", referredTo: referralOf(to) };
  }
  return { kind: "usage", id };
}

/** "物业" → "property"; an unknown body is kept as typed (at most 60 characters). */
export function referralOf(words: string): string {
  return REFERRALS.find(([, pattern]) => pattern.test(words))?.[0] ?? words.slice(0, 60);
}
