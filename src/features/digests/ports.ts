/** Ports of the weekly summary and the digests: read-only figures over a week. */

/** A half-open span of time [from, to). */
export interface Span {
  from: Date;
  to: Date;
}

/** What a group's neighbours did for each other in a week. */
export interface GroupWeek {
  /** Everyone who helped (a thanks, a finished request, a confirmed credit), with whether the summary may name them. */
  helpers: Array<{ personId: number; name: string; nameable: boolean }>;
  /** Confirmed time-bank minutes from this group. */
  minutes: number;
  requestsResolved: number;
  eventsHeld: number;
  thanks: number;
  /** Visits (探访) to elders living in the group's building done in the span: a count only, never who. */
  visits: number;
}

/** Request figures of one grid (or of buildings in no grid). */
export interface GridFigures {
  gridId: number | null;
  gridName: string;
  newRequests: number;
  /** Open or taken but not finished at the end of the span. */
  open: number;
  /** Open at the end of the span with no volunteer for more than 24 hours. */
  stale: number;
  expired: number;
  /** Median minutes from a request to its first acceptance, for requests made in the span. */
  medianFirstAcceptMinutes: number | null;
}

/** Reports of the shared environment over a span. */
export interface ReportFigures {
  /** Reports made in the span, by their state now (a duplicate counts as "duplicate"). */
  byState: Record<string, number>;
  /** Reports made in the span, by kind (duplicates left out: they repeat another). */
  byKind: Record<string, number>;
  /** Reports waiting for their fix at the end of the span. */
  openAtEnd: number;
  /** The one that had waited longest at the end of the span. */
  oldestOpen: { id: number; kind: string; days: number } | null;
  /** Median hours from report to fix, for reports fixed in the span. */
  medianHoursToFixed: number | null;
}

/** The figures of a digest for one span. */
export interface DigestFigures {
  grids: GridFigures[];
  sos: { alerts: number; acknowledged: number; medianAckSeconds: number | null; slowestAckSeconds: number | null };
  reports: ReportFigures;
  /** New mediation cases of the span, by their state now and by kind (counts only: a case's content is private). */
  mediations: { byState: Record<string, number>; byKind: Record<string, number> };
  /** Time-bank minutes credited in the span by category (reversals subtracted). */
  minutesByCategory: Record<string, number>;
  topHelpers: Array<{ name: string; minutes: number }>;
  /**
   * Daily check-ins of the span from their day-by-day history: days nobody answered by the deadline (late answers
   * included), the people they were, and who missed STREAK_FLAG_DAYS or more days running (by name: digests are private).
   */
  checkins: { missedDays: number; people: number; streaks: Array<{ name: string; days: number }> };
}

/** Read-only queries for summaries and digests. */
export interface Digests {
  groupWeek(chatId: number, span: Span): Promise<GroupWeek>;
  /** Figures of a community, limited to some grids (a captain's) or all (null, a coordinator's). */
  figures(communityId: number, gridIds: number[] | null, span: Span): Promise<DigestFigures>;
}
