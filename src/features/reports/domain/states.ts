/**
 * A report's kinds and states, as FixMyStreet and Open311 use them, and the words captains and coordinators change a
 * state with ("/工单 7 处理中 已联系物业", "/report 7 in_progress", "重复 3", "不归我们管 请联系供电局"). Pure.
 */

/** What a report is about. */
export type ReportKind = "light" | "lift" | "water" | "fire" | "rubbish" | "parking" | "greenery" | "other";

/** Every kind, in the order lists show them. */
export const REPORT_KINDS: readonly ReportKind[] = ["light", "lift", "water", "fire", "rubbish", "parking", "greenery", "other"];

/**
 * open, acknowledged (受理), in progress, fixed, closed without a fix (with a reason), a duplicate of another report,
 * referred (not the community's responsibility, with whom to call).
 */
export type ReportState = "open" | "acknowledged" | "in_progress" | "fixed" | "closed" | "duplicate" | "referred";

/** Every state, in the order of a report's life. */
export const REPORT_STATES: readonly ReportState[] = ["open", "acknowledged", "in_progress", "fixed", "closed", "duplicate", "referred"];

/** The states of a report still waiting for its fix: these are reminded, listed on the board and joined by duplicates. */
export const ACTIVE_STATES: readonly ReportState[] = ["open", "acknowledged", "in_progress"];

/** Whether a report still waits for its fix. */
export function isActive(state: string): boolean {
  return (ACTIVE_STATES as readonly string[]).includes(state);
}

/** A change of state as typed after the report's number. */
export type StateChange =
  | { state: Exclude<ReportState, "duplicate">; note: string | null }
  | { state: "duplicate"; of: number; note: string | null };

/** The words for each state a captain may set, tried in order at the start of the text. */
const STATE_WORDS: ReadonlyArray<readonly [Exclude<ReportState, "duplicate">, RegExp]> = [
  ["acknowledged", /^(?:已受理|受理了?|已收到|收到了?|acknowledged|acknowledge|ack)(?![a-z])/iu],
  ["in_progress", /^(?:处理中|正在处理|在处理|维修中|正在修|在修|in[_ -]?progress|working on it|progress)(?![a-z])/iu],
  ["closed", /^(?:未能修复|无法修复|没法修|修不了|不修了|关闭|closed|close|unfixed|won'?t fix|wontfix|can'?t fix|cannot fix|not fixed)(?![a-z])/iu],
  ["fixed", /^(?:已修复|已修好|修好了|已解决|解决了|修复了?|fixed|resolved|done)(?![a-z])/iu],
  ["referred", /^(?:不归我们管|不归社区管|不是社区的事|不归社区|转交给?|转给|referred|refer|not ours|not_ours|not our responsibility)(?![a-z])/iu],
  ["open", /^(?:重新打开|重开|打开|reopen(?:ed)?|open)(?![a-z])/iu],
];

const DUPLICATE = /^(?:重复|同一个|duplicate(?: of)?|dup(?: of)?|same as)\s*(?:于|of)?\s*#?\s*(\d{1,9})(?!\d)/iu;

/** Read "处理中 已联系物业" / "duplicate 3" / "不归我们管 请联系供电局": the state and its note; undefined when no state word starts it. */
export function readStateChange(text: string): StateChange | undefined {
  const trimmed = text.trim();
  const duplicate = DUPLICATE.exec(trimmed);
  if (duplicate) return { state: "duplicate", of: Number(duplicate[1]), note: noteOf(trimmed.slice(duplicate[0].length)) };
  for (const [state, pattern] of STATE_WORDS) {
    const match = pattern.exec(trimmed);
    if (match) return { state, note: noteOf(trimmed.slice(match[0].length)) };
  }
  return undefined;
}

function noteOf(rest: string): string | null {
  const note = rest.replace(/^[\s,，:：;；。.、-]+/u, "").trim();
  return note ? note : null;
}

/** Whether a report in `from` may be set to `to` (a closed report may be reopened; nothing is set to what it is). */
export function canChange(from: ReportState, to: ReportState): boolean {
  if (from === to || from === "duplicate") return false;
  if (to === "open") return !isActive(from);
  return true;
}

/** Open311's two statuses: a report waiting for its fix is open; every other is closed. */
export function open311Status(state: ReportState): "open" | "closed" {
  return isActive(state) ? "open" : "closed";
}
