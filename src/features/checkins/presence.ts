/**
 * What the pipeline asks of check-ins for every message, with no I/O of its own: whether an enrolled sender's
 * message is their check-in (or a pause), and whether an unenrolled sender asks to be checked on every day. The
 * pipeline knows who is enrolled from an in-memory set (`Checkins.enrolledIdentities`), so everyone else's chatter
 * stays free of database work.
 */
import type { Intent } from "../../parse/intent.ts";
import type { BoundHandler } from "../../app/shared/context.ts";
import type { CheckinSettings } from "./flow.ts";
import { awayFor, saysFine, wantsDailyCheckin } from "./domain/words.ts";
import { noticeEnrolled, recordPresence } from "./answer.ts";
import { enrol } from "./enrol.ts";

/** The pipeline's reading of a message for check-ins: the intent to route instead, and what to run before the route. */
export interface Presence {
  /** Route this intent instead of the parser's (an enrolled person's "挺好的" is their check-in). */
  intent?: Intent;
  /** Run before the route, in its transaction. */
  before?: BoundHandler;
  /** Run instead of the route (a pause in words answers for itself). */
  only?: boolean;
}

/** Is this message a check-in, a pause, or a wish to enrol? Pure. */
export function checkinPresence(settings: CheckinSettings) {
  return (intent: Intent, text: string, enrolled: boolean): Presence | undefined => {
    // Any command of theirs counts too (not /报平安 itself, which says what it does).
    if (intent.kind === "command") return enrolled && intent.name !== "checkin" ? { before: recordPresence } : undefined;
    if (enrolled) {
      if (awayFor(text) !== undefined) return { before: noticeEnrolled, only: true };
      if (saysFine(text) && intent.kind !== "checkin") return { intent: { kind: "checkin" }, before: noticeEnrolled };
      return { before: noticeEnrolled };
    }
    if (intent.kind !== "checkin" && wantsDailyCheckin(text)) return { before: (base, repos) => enrol(base, repos, settings, undefined, []), only: true };
    return undefined;
  };
}
