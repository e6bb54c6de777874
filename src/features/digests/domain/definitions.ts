/**
 * What the figures of a weekly summary and a digest mean, as pure functions over plain records: a new, open, stale
 * or expired request, the wait for a first acceptance, an SOS acknowledgement, the hours credited, missed check-in days and streaks.
 * Storage reads the rows a span can touch and hands them here; records outside the span are ignored, so an
 * in-memory store may hand over everything.
 */
import type { DigestFigures, GridFigures, GroupWeek, ReportFigures, Span } from "../ports.ts";
import type { RequestState } from "../../requests/domain/policy.ts";
import { isActive } from "../../requests/domain/state-machine.ts";
import { median } from "./figures.ts";
import { STREAK_FLAG_DAYS, isMissed, longestMissedStreak } from "../../checkins/domain/ladder.ts";

const DAY_MS = 24 * 60 * 60 * 1000;

/** A request open this long at the end of a span with no volunteer is stale. */
export const STALE_AFTER_MS = DAY_MS;
/** How many helpers a digest names. */
export const TOP_HELPERS = 5;

/** Whether a time falls in [from, to). */
export function inSpan(at: Date | null, span: Span): boolean {
  return at !== null && at >= span.from && at < span.to;
}

/** A help request as the figures read it. */
export interface RequestRecord {
  id: number;
  buildingId: number | null;
  chatId?: number | null;
  category: string;
  state: RequestState;
  createdAt: Date;
  closedAt: Date | null;
  /** The earliest assignment ever made (even one withdrawn since). */
  firstAssignedAt: Date | null;
  /** For an SOS: the earliest acknowledgement. */
  firstAcknowledgedAt?: Date | null;
}

/** An SOS alert (counted apart from help requests). */
export function isSos(request: Pick<RequestRecord, "category">): boolean {
  return request.category === "sos";
}

/** A help request made in the span. */
export function isNewIn(request: RequestRecord, span: Span): boolean {
  return !isSos(request) && inSpan(request.createdAt, span);
}

/** Open or taken but not finished at the end of the span: still active, or closed only after it. */
export function isOpenAtEnd(request: RequestRecord, span: Span): boolean {
  if (isSos(request) || request.createdAt >= span.to) return false;
  return isActive(request.state) || (request.closedAt !== null && request.closedAt >= span.to);
}

/** Open at the end of the span, made at least a day before it ended, and no volunteer had taken it by then. */
export function isStaleAtEnd(request: RequestRecord, span: Span): boolean {
  if (!isOpenAtEnd(request, span) || request.createdAt.getTime() > span.to.getTime() - STALE_AFTER_MS) return false;
  return !(request.firstAssignedAt && request.firstAssignedAt < span.to);
}

/** Expired in the span (an SOS nobody stood down counts too). */
export function isExpiredIn(request: RequestRecord, span: Span): boolean {
  return request.state === "expired" && inSpan(request.closedAt, span);
}

/** Finished with a helper in the span. */
export function isResolvedIn(request: RequestRecord, span: Span): boolean {
  return request.state === "done" && inSpan(request.closedAt, span);
}

/** Minutes from a request to its first acceptance, or null when nobody took it. */
export function firstAcceptMinutes(request: RequestRecord): number | null {
  return request.firstAssignedAt ? (request.firstAssignedAt.getTime() - request.createdAt.getTime()) / 60000 : null;
}

/** The earliest of some times (null ones skipped), or null. */
export function earliest(times: Array<Date | null>): Date | null {
  let first: Date | null = null;
  for (const time of times) if (time && (!first || time < first)) first = time;
  return first;
}

/** The earliest acknowledgement of an SOS, from its pings. */
export function firstAcknowledgement(pings: Array<{ state: string; answeredAt: Date | null }>): Date | null {
  return earliest(pings.filter((ping) => ping.state === "accepted").map((ping) => ping.answeredAt));
}

/** Whether a building is in the digest's scope: every grid (null), or buildings of the given grids. */
export function inScope(buildingId: number | null, gridIds: number[] | null, gridOf: ReadonlyMap<number, number | null>): boolean {
  return gridIds === null || (buildingId !== null && gridIds.includes(gridOf.get(buildingId) ?? -1));
}

/** How many of each value. */
export function countBy(values: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}

/** Request figures per grid: the grids given first (in order), then buildings in no grid if any had requests. */
export function gridFigures(
  requests: RequestRecord[],
  span: Span,
  grids: Array<{ id: number; name: string }>,
  gridOf: ReadonlyMap<number, number | null>,
  gridIds: number[] | null,
): GridFigures[] {
  const figures = new Map<number | null, GridFigures>(grids.map((grid) => [grid.id, emptyGrid(grid.id, grid.name)]));
  const gridFor = (buildingId: number | null) => {
    const gridId = buildingId === null ? null : (gridOf.get(buildingId) ?? null);
    if (!figures.has(gridId)) figures.set(gridId, emptyGrid(gridId, ""));
    return figures.get(gridId)!;
  };
  const waits = new Map<GridFigures, number[]>();
  for (const request of requests) {
    if (!inScope(request.buildingId, gridIds, gridOf)) continue;
    if (isNewIn(request, span)) {
      const grid = gridFor(request.buildingId);
      grid.newRequests += 1;
      const wait = firstAcceptMinutes(request);
      if (wait !== null) waits.set(grid, [...(waits.get(grid) ?? []), wait]);
    }
    if (isOpenAtEnd(request, span)) {
      const grid = gridFor(request.buildingId);
      grid.open += 1;
      if (isStaleAtEnd(request, span)) grid.stale += 1;
    }
    if (isExpiredIn(request, span)) gridFor(request.buildingId).expired += 1;
  }
  for (const [grid, minutes] of waits) grid.medianFirstAcceptMinutes = median(minutes);
  return [...figures.values()];
}

function emptyGrid(gridId: number | null, gridName: string): GridFigures {
  return { gridId, gridName, newRequests: 0, open: 0, stale: 0, expired: 0, medianFirstAcceptMinutes: null };
}

/** SOS response: alerts raised in the span, how many were acknowledged, and how fast (seconds). */
export function sosFigures(requests: RequestRecord[], span: Span): DigestFigures["sos"] {
  const alerts = requests.filter((request) => isSos(request) && inSpan(request.createdAt, span));
  const ackSeconds = alerts.flatMap((alert) => {
    const at = alert.firstAcknowledgedAt;
    return at ? [(at.getTime() - alert.createdAt.getTime()) / 1000] : [];
  });
  return {
    alerts: alerts.length,
    acknowledged: ackSeconds.length,
    medianAckSeconds: median(ackSeconds),
    slowestAckSeconds: ackSeconds.length ? Math.max(...ackSeconds) : null,
  };
}

/** A ledger transfer as the figures read it: its entries with the person of each account (null for the fund). */
export interface TransferRecord {
  kind: string;
  category: string | null;
  createdAt: Date;
  entries: Array<{ minutes: number; person: { id: number; name: string; buildingId: number | null } | null }>;
}

/**
 * Minutes credited in the span by category, and the top helpers: a credit adds the minutes paid into the helper's
 * account, a reversal of a credit takes them back; transfers, donations and their reversals (no category) count not.
 */
export function creditedHours(
  transfers: TransferRecord[],
  span: Span,
  scope: (buildingId: number | null) => boolean,
): Pick<DigestFigures, "minutesByCategory" | "topHelpers"> {
  const minutesByCategory: Record<string, number> = {};
  const byHelper = new Map<number, { name: string; minutes: number }>();
  for (const transfer of transfers) {
    if ((transfer.kind !== "credit" && transfer.kind !== "reversal") || !inSpan(transfer.createdAt, span)) continue;
    if (transfer.category === null) continue; // a reversal of a transfer or donation
    const sign = transfer.kind === "credit" ? 1 : -1;
    // The helper's side: what a credit paid in (and its reversal took back).
    const helper = transfer.entries.find((entry) => entry.minutes * sign > 0);
    const person = helper?.person;
    if (!helper || !person || !scope(person.buildingId)) continue;
    minutesByCategory[transfer.category] = (minutesByCategory[transfer.category] ?? 0) + helper.minutes;
    const known = byHelper.get(person.id) ?? { name: person.name, minutes: 0 };
    known.minutes += helper.minutes;
    byHelper.set(person.id, known);
  }
  const topHelpers = [...byHelper.values()]
    .filter((one) => one.minutes > 0)
    .sort((a, b) => b.minutes - a.minutes || a.name.localeCompare(b.name))
    .slice(0, TOP_HELPERS);
  return { minutesByCategory, topHelpers };
}

/** One person's daily check-ins: their days (each at the instant it was opened), for the missed ones and streaks. */
export interface CheckinRecord {
  name: string;
  buildingId: number | null;
  days: Array<{ date: string; at: Date; state: "asked" | "answered" | "missed" | "paused"; late: boolean }>;
}

/**
 * The check-ins of a span, from their true daily history: the days nobody answered by the deadline (late answers
 * included), how many people they were, and who missed several days running (named: digests are private).
 */
export function checkinFigures(records: CheckinRecord[], span: Span): DigestFigures["checkins"] {
  let missedDays = 0;
  let people = 0;
  const streaks: Array<{ name: string; days: number }> = [];
  for (const record of records) {
    const days = record.days.filter((day) => inSpan(day.at, span));
    const missed = days.filter(isMissed).length;
    if (!missed) continue;
    missedDays += missed;
    people += 1;
    const streak = longestMissedStreak(days);
    if (streak >= STREAK_FLAG_DAYS) streaks.push({ name: record.name, days: streak });
  }
  streaks.sort((a, b) => b.days - a.days || a.name.localeCompare(b.name));
  return { missedDays, people, streaks };
}

/** Everything a digest counts, for a community's rows (any superset of those the span touches). */
export interface DigestRecords {
  grids: Array<{ id: number; name: string }>;
  /** Every building of the community with its grid. */
  gridOf: ReadonlyMap<number, number | null>;
  requests: RequestRecord[];
  /** Reports made before the span ended. */
  reports: ReportRecord[];
  mediations: Array<{ state: string; kind: string | null; gridId: number | null; createdAt: Date }>;
  transfers: TransferRecord[];
  checkins: CheckinRecord[];
}

/** The figures of a digest over a span, limited to some grids (a captain's) or all (null). */
export function digestFigures(records: DigestRecords, gridIds: number[] | null, span: Span): DigestFigures {
  const scope = (buildingId: number | null) => inScope(buildingId, gridIds, records.gridOf);
  const grids = gridIds === null ? records.grids : records.grids.filter((grid) => gridIds.includes(grid.id));
  return {
    grids: gridFigures(records.requests, span, grids, records.gridOf, gridIds),
    sos: sosFigures(records.requests.filter((request) => scope(request.buildingId)), span),
    reports: reportFigures(records.reports.filter((report) => inGrids(report.gridId, gridIds)), span),
    mediations: mediationFigures(records.mediations.filter((one) => inGrids(one.gridId, gridIds)), span),
    ...creditedHours(records.transfers, span, scope),
    checkins: checkinFigures(records.checkins.filter((one) => scope(one.buildingId)), span),
  };
}

/** A report as the figures read it. */
export interface ReportRecord {
  id: number;
  state: string;
  kind: string | null;
  gridId: number | null;
  duplicateOfId: number | null;
  createdAt: Date;
  resolvedAt: Date | null;
}

const REPORT_ACTIVE = new Set(["open", "acknowledged", "in_progress"]);

/** Whether something of a grid (a report's, a case's) is in a digest's grids (null: every grid). */
function inGrids(gridId: number | null, gridIds: number[] | null): boolean {
  return gridIds === null || (gridId !== null && gridIds.includes(gridId));
}

/**
 * Reports by state and kind (made in the span), how many waited for their fix at its end and which the longest, and
 * the median time to fixed (fixed in the span). Waiting at the end: made before it and still waiting, or resolved only
 * after it.
 */
export function reportFigures(reports: ReportRecord[], span: Span): ReportFigures {
  const made = reports.filter((report) => inSpan(report.createdAt, span));
  const waiting = reports
    .filter((report) => report.duplicateOfId === null && report.createdAt < span.to)
    .filter((report) => REPORT_ACTIVE.has(report.state) || (report.resolvedAt !== null && report.resolvedAt >= span.to))
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id - b.id);
  const oldest = waiting[0];
  const fixed = reports.filter((report) => report.state === "fixed" && inSpan(report.resolvedAt, span));
  const hours = median(fixed.map((report) => (report.resolvedAt!.getTime() - report.createdAt.getTime()) / 3_600_000));
  return {
    byState: countBy(made.map((report) => report.state)),
    byKind: countBy(made.filter((report) => report.duplicateOfId === null).map((report) => report.kind ?? "other")),
    openAtEnd: waiting.length,
    oldestOpen: oldest ? { id: oldest.id, kind: oldest.kind ?? "other", days: Math.floor((span.to.getTime() - oldest.createdAt.getTime()) / DAY_MS) } : null,
    medianHoursToFixed: hours === null ? null : Math.round(hours * 10) / 10,
  };
}

/** Mediation cases opened in the span, by their state now and by kind. */
export function mediationFigures(cases: Array<{ state: string; kind: string | null; createdAt: Date }>, span: Span): DigestFigures["mediations"] {
  const made = cases.filter((one) => inSpan(one.createdAt, span));
  return { byState: countBy(made.map((one) => one.state)), byKind: countBy(made.map((one) => one.kind ?? "other")) };
}

/** A good deed as the weekly summary reads it. */
export interface DeedRecord {
  helperId: number;
  helperName: string;
  /** The helper's own choice to be named in summaries. */
  nameInSummary: boolean;
  private: boolean;
  kind: string;
  createdAt: Date;
}

/** What a group's week counts, for its rows (any superset of those the span touches). */
export interface GroupWeekRecords {
  /** The group's deeds, oldest first. */
  deeds: DeedRecord[];
  /** The group's pending credits, with their transfer (if any) and whether it was reversed since. */
  credits: Array<{ state: string; minutes: number; decidedAt: Date | null; transfer: { reversed: boolean } | null }>;
  /** The group's requests. */
  requests: RequestRecord[];
  /** The group's events. */
  events: Array<{ state: string; startsAt: Date }>;
  /** Visits to elders living in the group's building. */
  visits: Array<{ state: string; dueAt: Date }>;
}

/**
 * A group's week: everyone who helped (named only for a deed the group may hear of, and only if they allow it), the
 * minutes of credits confirmed in the span and not reversed since, requests finished, events held (not cancelled),
 * visits done to elders of the group's building (counted, never named).
 */
export function groupWeekOf(records: GroupWeekRecords, span: Span): GroupWeek {
  const deeds = records.deeds.filter((deed) => inSpan(deed.createdAt, span));
  const helpers = new Map<number, GroupWeek["helpers"][number]>();
  for (const deed of deeds) {
    const known = helpers.get(deed.helperId) ?? { personId: deed.helperId, name: deed.helperName, nameable: false };
    known.nameable ||= !deed.private && deed.nameInSummary;
    helpers.set(deed.helperId, known);
  }
  const credited = records.credits.filter((credit) => credit.state === "confirmed" && credit.transfer !== null && !credit.transfer.reversed && inSpan(credit.decidedAt, span));
  return {
    helpers: [...helpers.values()],
    minutes: credited.reduce((sum, credit) => sum + credit.minutes, 0),
    requestsResolved: records.requests.filter((request) => isResolvedIn(request, span)).length,
    eventsHeld: records.events.filter((event) => event.state !== "cancelled" && inSpan(event.startsAt, span)).length,
    thanks: deeds.filter((deed) => deed.kind === "thanks").length,
    visits: records.visits.filter((visit) => visit.state === "done" && inSpan(visit.dueAt, span)).length,
  };
}
