/**
 * What the pipeline asks of check-ins for every message, with no I/O of its own: whether an enrolled sender's
 * message is their check-in (or a pause), and whether an unenrolled sender asks to be checked on every day. The
 * pipeline knows who is enrolled from an in-memory set (`Checkins.enrolledIdentities`), so everyone else's chatter
 * stays free of database work.
 */
import type { Intent } from "../../parse/intent.ts";
import type { BoundHandler } from "../../app/shared/context.ts";
import type { CheckinSettings } from "./flow.ts";
import { awayFor, saysFine, saysSeen, saysSeenWell, wantsDailyCheckin } from "./domain/words.ts";
import { worries } from "../visits/domain/words.ts";
import { noticeEnrolled, recordPresence, seenInWords } from "./answer.ts";
import { enrol } from "./enrol.ts";

/** What the pipeline knows of a message's sender and chat without I/O. */
export interface PresenceFacts {
  /** The sender has an active enrolment (the in-memory set). */
  enrolled: boolean;
  /** The message came in a private chat. */
  privateChat: boolean;
}

/** The pipeline's reading of a message for check-ins: the intent to route instead, and what to run before the route. */
export interface Presence {
  /** Route this intent instead of the parser's (an enrolled person's "挺好的" is their check-in). */
  intent?: Intent;
  /** Run before the route, in its transaction. */
  before?: BoundHandler;
  /** Run instead of the route (a pause in words answers for itself). */
  only?: boolean;
  /** Run in place of the route, given the route (which it runs when the message turns out not to be about it). */
  around?: (routed: BoundHandler | undefined) => BoundHandler;
}

/**
 * Is this message a check-in, a pause, or a wish to enrol? Or, in a private chat, someone saying they have seen a
 * person they look out for and she is fine ("刚看过了，她挺好")? Pure.
 */
export function checkinPresence(settings: CheckinSettings) {
  return (intent: Intent, text: string, { enrolled, privateChat }: PresenceFacts): Presence | undefined => {
    // Any command of theirs counts too (not /报平安 itself, which says what it does).
    if (intent.kind === "command") return enrolled && intent.name !== "checkin" ? { before: recordPresence } : undefined;
    const seen = privateChat && saysSeen(text) && (worries(text).length > 0 || saysSeenWell(text)) ? { around: seenOr } : {};
    if (enrolled) {
      if (awayFor(text) !== undefined) return { before: noticeEnrolled, only: true };
      if (saysFine(text) && intent.kind !== "checkin") return { intent: { kind: "checkin" }, before: noticeEnrolled };
      return { before: noticeEnrolled, ...seen };
    }
    if (intent.kind !== "checkin" && wantsDailyCheckin(text)) return { before: (base, repos) => enrol(base, repos, settings, undefined, []), only: true };
    return "around" in seen ? seen : undefined;
  };
}

/**
 * Someone's "刚看过了，她挺好" (or "看过了，她说头晕") as the check-in of the one they look out for; when it is about nobody
 * of theirs, the route.
 */
function seenOr(routed: BoundHandler | undefined): BoundHandler {
  return async (base, repos) => {
    if (!(await seenInWords(base, repos)) && routed) await routed(base, repos);
  };
}
