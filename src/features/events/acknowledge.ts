/**
 * How sign-ups are acknowledged without doubling a busy group's traffic. The person hears privately (their own
 * confirmation, waitlist place or cancellation), with no mention in the group when that cannot be delivered; the
 * group hears one summary per event per window ("周六义诊：新报名 5 人（小李、小王…），取消 1 人；共 23/30 人。"),
 * which names everyone whose sign-up changed, so whoever the bot cannot message privately still sees it there.
 *
 * What a resident hears, by outcome: in, or on the waitlist (with their place; a full event is not a refusal, the
 * place is kept) → privately, and named in the summary; "报名" again → privately only (they were named when they
 * joined); cancelled, or moved up from the waitlist → privately, and in the summary. Refused (sign-ups have closed, the
 * event has started: nothing recorded) → at once, in the chat where they asked, since otherwise they would think they
 * are in; so is "which event do you mean?".
 *
 * The changes wait in a small persistent record per event and chat, and a scheduled job (durable: a restart keeps
 * it) sends the summary when the window closes. Over the group's hourly budget the summary is held, not lost: the
 * changes stay and go out with the next one (see app/shared/group-budget.ts).
 */
import type { EventRepos } from "./repos.ts";
import type { EventView } from "./ports.ts";
import type { JobHandler } from "../../app/ports.ts";
import type { Lang } from "../../kernel/lang.ts";
import type { MessageContext } from "../../app/shared/context.ts";
import type { SignUpChange } from "./domain/sign-up-summary.ts";
import { emptySummary, isEmpty, noteChange, parseSummary } from "./domain/sign-up-summary.ts";
import { groupBudget, noiseOf, windowEnd } from "../../app/shared/group-budget.ts";
import { reachOf, tellReached } from "../../app/shared/tell.ts";
import { eventTexts } from "./texts.ts";

/** Kind of the job that sends an event's sign-up summary to a group. */
export const SUMMARY_JOB = "event.summary";

interface SummaryPayload {
  eventId: number;
  /** The chat's database id. */
  chatId: number;
}

const stateKey = (eventId: number, chatId: number) => `event-summary:${eventId}:${chatId}`;

/**
 * Note sign-up changes for the group's next summary of `event`, and make sure a summary is due when the window
 * closes. The group is the chat the message came from, else the event's first group.
 */
export async function noteForGroup(repos: EventRepos, context: MessageContext, event: EventView, changes: SignUpChange[]): Promise<void> {
  if (changes.length === 0) return;
  const chat = event.chats.find((one) => one.id === context.chat.id) ?? event.chats[0];
  if (!chat) return;
  const key = stateKey(event.id, chat.id);
  let pending = parseSummary(await repos.states.get(key));
  for (const change of changes) pending = noteChange(pending, change);
  await repos.states.set(key, JSON.stringify(pending));
  const noise = noiseOf(await repos.communities.settings(event.communityId));
  await scheduleSummary(repos, { eventId: event.id, chatId: chat.id }, windowEnd(context.now, noise.summaryMinutes), event.startsAt);
}

function scheduleSummary(repos: Pick<EventRepos, "jobs">, payload: SummaryPayload, at: Date, startsAt: Date) {
  return repos.jobs.schedule({
    kind: SUMMARY_JOB,
    dueAt: at,
    // Once the event has started, who signed up is no news.
    staleAt: startsAt,
    payload,
    dedupeKey: `${SUMMARY_JOB}:${payload.eventId}:${payload.chatId}:${at.toISOString()}`,
  });
}

/** The window closed: the group hears what changed, in one message, unless its hourly budget is spent. */
export const eventSummaryJob: JobHandler<EventRepos> = async (payload, repos, job) => {
  const { eventId, chatId } = payload as SummaryPayload;
  const key = stateKey(eventId, chatId);
  const pending = parseSummary(await repos.states.get(key));
  if (isEmpty(pending)) return; // an earlier summary (held, then sent) took these changes already
  const event = await repos.events.get(eventId);
  const chat = event?.chats.find((one) => one.id === chatId);
  if (!event || !chat || event.state !== "open") {
    await repos.states.set(key, JSON.stringify(emptySummary()));
    return;
  }
  const noise = noiseOf(await repos.communities.settings(event.communityId));
  const budget = await groupBudget(repos, chat, noise.budgetPerHour, job.now);
  if (budget.freeAt) {
    // Held: the changes stay pending and go out with the next summary, once the hour has room.
    const at = windowEnd(budget.freeAt, noise.summaryMinutes);
    await scheduleSummary(repos, payload as SummaryPayload, at, event.startsAt);
    await repos.audit.append({
      communityId: event.communityId,
      action: "group.budget_reached",
      subjectType: "Event",
      subjectId: eventId,
      detail: { chatId, used: budget.used, budgetPerHour: noise.budgetPerHour, heldUntil: at.toISOString() },
    });
    return;
  }
  await repos.outboxes.enqueue(
    { kind: "chat", platform: chat.platform, chatId: chat.externalId },
    { text: eventTexts(chat.lang).summary(event.title, pending, event.confirmed, event.capacity) },
    { lang: chat.lang },
  );
  await repos.states.set(key, JSON.stringify(emptySummary()));
};

/**
 * Tell a person privately how their sign-up stands, on the platform of the chat it happened in. No group mention when
 * that cannot be delivered (they are not a contact, or blocked the bot): the group summary names them instead.
 */
export async function confirmPrivately(repos: EventRepos, context: MessageContext, personId: number, message: (lang: Lang) => string): Promise<void> {
  const origin = { chatId: context.chat.id, chat: { platform: context.chat.platform, lang: context.lang } };
  const { sender } = context.message;
  const reach =
    personId === context.person.id
      ? { personId, platform: sender.platform, userId: sender.id, displayName: context.person.displayName, lang: context.person.lang }
      : await reachOf(repos, personId, origin);
  if (!reach) return;
  const { fallbackChatId: _noMention, ...privately } = reach;
  await tellReached(repos, privately, origin, message);
}
