/**
 * CSV exports for coordinators: the ledger (one row per entry), the digest figures (one row per figure, this week
 * against the one before), and the messages the parser was unsure about (to review, and to label into training data). Cells that a spreadsheet would run as a formula (=, +, -, @ at the start of a text) are
 * prefixed with an apostrophe.
 */
import type { DigestRepos } from "./repos.ts";
import type { DigestFigures } from "./ports.ts";
import { weeksEndingAt } from "./domain/figures.ts";

/** One CSV line (RFC 4180 quoting), ending in CRLF. */
export function csvLine(cells: Array<string | number | null>): string {
  return `${cells
    .map((cell) => {
      if (cell === null) return "";
      if (typeof cell === "number") return String(cell);
      const safe = /^[=+\-@\t\r]/u.test(cell) ? `'${cell}` : cell;
      return /[",\r\n]/u.test(safe) ? `"${safe.replace(/"/gu, '""')}"` : safe;
    })
    .join(",")}\r\n`;
}

/** Transfers per page (each has two or more entries). */
const PAGE = 2500;

/** Write the ledger of a community, page by page, through `write`; returns the number of entries. */
export async function exportLedger(
  run: <T>(work: (repos: DigestRepos) => Promise<T>) => Promise<T>,
  communityId: number,
  span: { from?: Date; to?: Date },
  write: (text: string) => Promise<void>,
): Promise<number> {
  await write(csvLine(["entry_id", "transfer_id", "created_at", "kind", "category", "account", "person_id", "minutes", "coins", "reverses_id", "memo"]));
  let after = 0;
  let count = 0;
  for (;;) {
    const rows = await run((repos) => repos.ledger.exportPage(communityId, span, after, PAGE));
    if (!rows.length) return count;
    // One write per page: the lines of a page go out together.
    await write(
      rows
        .map((row) => csvLine([row.entryId, row.transferId, row.at.toISOString(), row.kind, row.category, row.personName ?? "fund", row.personId, row.minutes, row.minutes / 60, row.reversesId, row.memo]))
        .join(""),
    );
    count += rows.length;
    after = rows.at(-1)!.transferId;
  }
}

/** The coordinator's digest figures for the week ending at `end`, as CSV. */
export async function exportDigest(repos: DigestRepos, communityId: number, end: Date): Promise<string> {
  const { current, previous } = weeksEndingAt(end, await repos.people.timeZoneOf(communityId));
  const now = await repos.digests.figures(communityId, null, current);
  const before = await repos.digests.figures(communityId, null, previous);
  const lines = [csvLine(["week_from", "week_to", "section", "grid", "figure", "this_week", "last_week"])];
  const add = (section: string, grid: string, figure: string, a: number | null, b: number | null) =>
    lines.push(csvLine([current.from.toISOString(), current.to.toISOString(), section, grid, figure, a, b]));
  for (const grid of now.grids) {
    const old = before.grids.find((one) => one.gridId === grid.gridId);
    for (const key of ["newRequests", "open", "stale", "expired", "medianFirstAcceptMinutes"] as const) add("requests", grid.gridName, key, grid[key], old?.[key] ?? null);
  }
  add("sos", "", "alerts", now.sos.alerts, before.sos.alerts);
  add("sos", "", "acknowledged", now.sos.acknowledged, before.sos.acknowledged);
  add("sos", "", "medianAckSeconds", now.sos.medianAckSeconds, before.sos.medianAckSeconds);
  add("sos", "", "slowestAckSeconds", now.sos.slowestAckSeconds, before.sos.slowestAckSeconds);
  const keyed = (section: string, pick: (figures: DigestFigures) => Record<string, number>) => {
    for (const key of [...new Set([...Object.keys(pick(now)), ...Object.keys(pick(before))])].sort()) add(section, "", key, pick(now)[key] ?? 0, pick(before)[key] ?? 0);
  };
  keyed("reports_by_state", (figures) => figures.reports.byState);
  keyed("reports_by_kind", (figures) => figures.reports.byKind);
  add("reports", "", "openAtEnd", now.reports.openAtEnd, before.reports.openAtEnd);
  add("reports", "", "oldestOpenDays", now.reports.oldestOpen?.days ?? null, before.reports.oldestOpen?.days ?? null);
  add("reports", "", "medianHoursToFixed", now.reports.medianHoursToFixed, before.reports.medianHoursToFixed);
  keyed("mediation_by_state", (figures) => figures.mediations.byState);
  keyed("mediation_by_kind", (figures) => figures.mediations.byKind);
  keyed("minutes_by_category", (figures) => figures.minutesByCategory);
  add("checkins", "", "missedDays", now.checkins.missedDays, before.checkins.missedDays);
  add("checkins", "", "people", now.checkins.people, before.checkins.people);
  now.topHelpers.forEach((helper, index) => add("top_helpers", "", `${index + 1}. ${helper.name}`, helper.minutes, null));
  return lines.join("");
}

/**
 * The messages the parser was unsure about in [from, to): as CSV for review, or as JSON Lines in the corpus's format
 * (`intent` is the final answer where there was one, else empty for a coordinator to fill in) to label for training.
 */
export async function exportUnsure(repos: DigestRepos, communityId: number, span: { from: Date; to: Date }, format: "csv" | "jsonl"): Promise<string> {
  const rows = await repos.unsure.list(communityId, span.from, span.to);
  if (format === "jsonl") {
    return rows
      .map((row) => `${JSON.stringify({ id: `unsure-${row.id}`, text: row.text, intent: row.finalIntent ?? "", guess: row.guess, confidence: Math.round(row.confidence * 1000) / 1000 })}\n`)
      .join("");
  }
  const lines = [csvLine(["id", "created_at", "chat", "outcome", "guess", "confidence", "second_guess", "final_intent", "text"])];
  for (const row of rows) {
    const second = row.guesses[1];
    lines.push(csvLine([row.id, row.createdAt.toISOString(), row.chatTitle, row.outcome, row.guess, Math.round(row.confidence * 1000) / 1000, second ? `${second.label} ${Math.round(second.p * 100)}%` : null, row.finalIntent, row.text]));
  }
  return lines.join("");
}
