/**
 * The weekly job of each community, at its summary time (default Sunday 20:00 community time). It fans out: one job
 * per group for its good-deed summary (short, warm, in the group's language, only where something happened) and one
 * per grid captain or coordinator for their digest (privately), then schedules next week's. Each of those runs in its
 * own short transaction, so a large community never holds the database for long and one failure spoils nothing else.
 * `ensureWeeklyJobs` (run on every scheduler tick) puts a weekly job in place for a community that has none, so a new
 * community or a changed schedule needs nothing else.
 */
import type { DeedRepos } from "./repos.ts";
import type { JobHandler } from "../../app/ports.ts";
import type { Platform } from "../../chat/types.ts";
import { nextSummaryAt, weeksEndingAt } from "../digests/domain/figures.ts";
import { scheduleOf } from "../timebank/domain/policy.ts";
import { timeBankTexts } from "../timebank/texts.ts";
import { DIGEST_JOB, readers, type DigestPayload } from "../digests/index.ts";

/** The job kinds. */
export const WEEKLY_JOB = "week.summary";
export const GROUP_SUMMARY_JOB = "week.group_summary";

/** A week's jobs left undone for half a day (the bot was down all evening) are no longer "this week's": skipped. */
const STALE_MS = 12 * 60 * 60 * 1000;

interface WeeklyPayload {
  communityId: number;
}

interface GroupSummaryPayload {
  platform: Platform;
  /** The chat's platform id. */
  chatId: string;
  /** The end of the week, ISO. */
  end: string;
}

/** Schedule a community's next weekly job unless it is there already; true when one was added. */
export async function ensureWeeklyJob(repos: Pick<DeedRepos, "communities" | "jobs" | "people">, communityId: number, now: Date): Promise<boolean> {
  const timeZone = await repos.people.timeZoneOf(communityId);
  const at = nextSummaryAt(now, scheduleOf(await repos.communities.settings(communityId)), timeZone);
  return repos.jobs.schedule({
    kind: WEEKLY_JOB,
    dueAt: at,
    payload: { communityId } satisfies WeeklyPayload,
    staleAt: new Date(at.getTime() + STALE_MS),
    dedupeKey: `${WEEKLY_JOB}:${communityId}:${at.toISOString()}`,
  });
}

/** Every community's next weekly job, idempotently. */
export async function ensureWeeklyJobs(repos: DeedRepos, now: Date): Promise<void> {
  for (const community of await repos.communities.list()) await ensureWeeklyJob(repos, community.id, now);
}

/** The weekly job: a summary job per group, a digest job per reader, and next week's weekly job. */
export const weeklyJob: JobHandler<DeedRepos> = async (payload, repos, job) => {
  const { communityId } = payload as WeeklyPayload;
  const timeZone = await repos.people.timeZoneOf(communityId);
  // A job left from before the schedule changed: the job for the new time does the work.
  const due = nextSummaryAt(new Date(job.dueAt.getTime() - 1), scheduleOf(await repos.communities.settings(communityId)), timeZone);
  if (due.getTime() !== job.dueAt.getTime()) return;
  const end = job.dueAt.toISOString();
  const staleAt = new Date(job.dueAt.getTime() + STALE_MS);
  for (const chat of await repos.communities.groupChats(communityId)) {
    await repos.jobs.schedule({
      kind: GROUP_SUMMARY_JOB,
      dueAt: job.dueAt,
      staleAt,
      payload: { platform: chat.platform, chatId: chat.externalId, end } satisfies GroupSummaryPayload,
      dedupeKey: `${GROUP_SUMMARY_JOB}:${chat.id}:${end}`,
    });
  }
  for (const reader of await readers(repos, communityId)) {
    await repos.jobs.schedule({
      kind: DIGEST_JOB,
      dueAt: job.dueAt,
      staleAt,
      payload: { communityId, personId: reader.personId, gridIds: reader.gridIds, end } satisfies DigestPayload,
      dedupeKey: `${DIGEST_JOB}:${reader.personId}:${end}`,
    });
  }
  await ensureWeeklyJob(repos, communityId, job.dueAt);
};

/** One group's summary of the week, unless nothing happened there. */
export const groupSummaryJob: JobHandler<DeedRepos> = async (payload, repos) => {
  const { platform, chatId, end } = payload as GroupSummaryPayload;
  const chat = await repos.directories.findChat(platform, chatId);
  if (!chat) return;
  const week = await repos.digests.groupWeek(chat.id, weeksEndingAt(new Date(end), await repos.people.timeZoneOf(chat.communityId)).current);
  if (week.helpers.length === 0 && week.requestsResolved === 0 && week.eventsHeld === 0 && week.visits === 0) return;
  await repos.outboxes.enqueue(
    { kind: "chat", platform: chat.platform, chatId: chat.externalId },
    { text: timeBankTexts(chat.lang).summary(chat.title, week) },
    { lang: chat.lang, priority: 0 },
  );
};
