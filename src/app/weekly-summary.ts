/**
 * The weekly job of each community, at its summary time (default Sunday 20:00 community time): every group with
 * something to tell gets a short, warm good-deed summary in its language, and the grid captains and coordinators get
 * their digest privately. The job schedules the next week's; `ensureWeeklyJobs` (run on every scheduler tick) puts
 * one in place for a community that has none, so a new community or a changed schedule needs nothing else.
 */
import type { JobHandler, Repositories } from "../domain/ports.ts";
import { nextSummaryAt, weeksEndingAt } from "../domain/digests/figures.ts";
import { scheduleOf } from "../domain/timebank/policy.ts";
import { timeBankTexts } from "../i18n/timebank.ts";
import { sendDigests } from "./send-digest.ts";

/** The job kind. */
export const WEEKLY_JOB = "week.summary";

interface WeeklyPayload {
  communityId: number;
}

/** Schedule a community's next weekly job unless it is there already; true when one was added. */
export async function ensureWeeklyJob(repos: Repositories, communityId: number, now: Date): Promise<boolean> {
  const timeZone = await repos.people.timeZoneOf(communityId);
  const at = nextSummaryAt(now, scheduleOf(await repos.communities.settings(communityId)), timeZone);
  return repos.jobs.schedule({
    kind: WEEKLY_JOB,
    dueAt: at,
    payload: { communityId } satisfies WeeklyPayload,
    // A summary more than half a day late (the bot was down all evening) is no longer "this week's": skip it.
    staleAt: new Date(at.getTime() + 12 * 60 * 60 * 1000),
    dedupeKey: `${WEEKLY_JOB}:${communityId}:${at.toISOString()}`,
  });
}

/** Every community's next weekly job, idempotently. */
export async function ensureWeeklyJobs(repos: Repositories, now: Date): Promise<void> {
  for (const community of await repos.communities.list()) await ensureWeeklyJob(repos, community.id, now);
}

/** The weekly job: summaries to groups, digests to leaders, and the next week's job. */
export const weeklyJob: JobHandler = async (payload, repos, job) => {
  const { communityId } = payload as WeeklyPayload;
  const timeZone = await repos.people.timeZoneOf(communityId);
  // A job left from before the schedule changed: the job for the new time does the work.
  const due = nextSummaryAt(new Date(job.dueAt.getTime() - 1), scheduleOf(await repos.communities.settings(communityId)), timeZone);
  if (due.getTime() !== job.dueAt.getTime()) return;
  const { current } = weeksEndingAt(job.dueAt);
  for (const chat of await repos.communities.groupChats(communityId)) {
    const week = await repos.digests.groupWeek(chat.id, current);
    if (week.helpers.length === 0 && week.requestsResolved === 0 && week.eventsHeld === 0) continue;
    await repos.outboxes.enqueue(
      { kind: "chat", platform: chat.platform, chatId: chat.externalId },
      { text: timeBankTexts(chat.lang).summary(chat.title, week) },
      { lang: chat.lang, priority: 0 },
    );
  }
  await sendDigests(repos, communityId, job.dueAt);
  await ensureWeeklyJob(repos, communityId, job.dueAt);
};
