/**
 * A volunteer's answer in their own words, in a private chat: "去了1小时，精神不错" (read by the parser as a service log)
 * logs their visit whose time has come, and "这周三去不了" (read as a cancellation) swaps their visit ahead. Only
 * when they have such a visit (and a cancellation names no event and no other day); otherwise the message goes where
 * it would have gone (the time bank, events).
 */
import type { CancelSignupIntent, Intent, ServiceLogIntent } from "../../parse/intent.ts";
import type { Handler } from "../../app/shared/context.ts";
import type { Presence, PresenceFacts } from "../checkins/index.ts";
import { findHours } from "../../parse/durations.ts";
import { localDate } from "../../kernel/zoned-time.ts";
import { saysCannotGo } from "./domain/words.ts";
import { cannotGo, logVisit, visitAhead, visitToLog } from "./answer.ts";

/** The service-log and cancellation routes with visits read first. */
export function visitWordsFirst(fallback: { serviceLog: Handler<ServiceLogIntent>; cancel: Handler<CancelSignupIntent> }): {
  serviceLog: Handler<ServiceLogIntent>;
  cancel: Handler<CancelSignupIntent>;
} {
  return {
    serviceLog: async (context, repos) => {
      const text = context.message.text;
      if (context.chat.kind === "private" && !saysCannotGo(text)) {
        const visit = await visitToLog(repos, context.person.id, context.now);
        if (visit) return logVisit(context, repos, visit, text, context.intent.hours);
      }
      return fallback.serviceLog(context, repos);
    },
    cancel: async (context, repos) => {
      const text = context.message.text;
      const { event } = context.intent;
      if (context.chat.kind === "private" && saysCannotGo(text) && !event.title) {
        const visit = await visitAhead(repos, context.person.id, context.now);
        // "这周三去不了" names a day: it must be the visit's (another day's "去不了" is about something else).
        const day = visit && event.when?.date ? localDate(visit.dueAt, await repos.people.timeZoneOf(context.person.communityId)) : undefined;
        if (visit && (day === undefined || day === event.when!.date)) return cannotGo(context, repos, visit);
      }
      return fallback.cancel(context, repos);
    },
  };
}

/**
 * A volunteer's visit log the parser did not read as one ("went for an hour, she was in good spirits" can read as a
 * check-in, or as nothing sure: a "did you mean?" question): in a private chat, a message with a length of time and no "cannot go" logs their visit
 * whose time has come; when they have none, the message goes where it would have gone. Pure, like every reading the
 * pipeline makes of every message: only such a message costs a lookup.
 */
const UNSURE_OR_CHECKIN = new Set<Intent["kind"]>(["none", "clarify", "checkin"]);

export function visitLogPresence(intent: Intent, text: string, { privateChat }: PresenceFacts): Presence | undefined {
  if (!privateChat || !UNSURE_OR_CHECKIN.has(intent.kind) || saysCannotGo(text) || findHours(text) === undefined) return undefined;
  return {
    around: (routed) => async (base, repos) => {
      const visit = await visitToLog(repos, base.person.id, base.now);
      if (visit) return logVisit({ ...base, intent }, repos, visit, base.message.text);
      if (routed) await routed(base, repos);
    },
  };
}
