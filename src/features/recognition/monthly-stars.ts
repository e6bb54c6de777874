/**
 * 邻里之星: on the first of each month at 09:00 community time, a job per community fans out one job per group chat,
 * each posting that group's stars of the month before (see domain/stars.ts for the score), in the group's language,
 * only where someone helped. Opted-out neighbours (`/不留名`) are only counted; what the help was is never said.
 * `ensureMonthlyJobs` (run on every scheduler tick, like the weekly summary's) puts next month's job in place.
 */
import type { RecognitionRepos } from "./repos.ts";
import type { JobHandler } from "../../app/ports.ts";
import type { Platform } from "../../kernel/platform.ts";
import { hoursOf, starsOf } from "./domain/stars.ts";
import { monthBefore, nextStarsAt } from "./domain/month.ts";
import { recognitionTexts } from "./texts.ts";

/** The job kinds. */
export const MONTHLY_JOB = "month.stars";
export const GROUP_STARS_JOB = "month.group_stars";

/** Left undone for two days (the bot was down), a month's stars are skipped rather than posted late. */
const STALE_MS = 2 * 24 * 3600_000;

interface MonthlyPayload {
  communityId: number;
}

interface GroupStarsPayload {
  platform: Platform;
  chatId: string;
  /** The first-of-the-month morning it is for, ISO. */
  at: string;
}

/** Schedule a community's next monthly stars job unless it is there already; true when one was added. */
export async function ensureMonthlyJob(repos: Pick<RecognitionRepos, "jobs" | "people">, communityId: number, now: Date): Promise<boolean> {
  const at = nextStarsAt(now, await repos.people.timeZoneOf(communityId));
  return repos.jobs.schedule({
    kind: MONTHLY_JOB,
    dueAt: at,
    payload: { communityId } satisfies MonthlyPayload,
    staleAt: new Date(at.getTime() + STALE_MS),
    dedupeKey: `${MONTHLY_JOB}:${communityId}:${at.toISOString()}`,
  });
}

/** Every community's next monthly stars job, idempotently. */
export async function ensureMonthlyJobs(repos: Pick<RecognitionRepos, "communities" | "jobs" | "people">, now: Date): Promise<void> {
  for (const community of await repos.communities.list()) await ensureMonthlyJob(repos, community.id, now);
}

/** The monthly job: one stars job per group, and next month's job. */
export const monthlyStarsJob: JobHandler<RecognitionRepos> = async (payload, repos, job) => {
  const { communityId } = payload as MonthlyPayload;
  const at = job.dueAt.toISOString();
  for (const chat of await repos.communities.groupChats(communityId)) {
    await repos.jobs.schedule({
      kind: GROUP_STARS_JOB,
      dueAt: job.dueAt,
      staleAt: new Date(job.dueAt.getTime() + STALE_MS),
      payload: { platform: chat.platform, chatId: chat.externalId, at } satisfies GroupStarsPayload,
      dedupeKey: `${GROUP_STARS_JOB}:${chat.id}:${at}`,
    });
  }
  await ensureMonthlyJob(repos, communityId, job.dueAt);
};

/** One group's stars of the month before, unless nobody in it helped. */
export const groupStarsJob: JobHandler<RecognitionRepos> = async (payload, repos) => {
  const { platform, chatId, at } = payload as GroupStarsPayload;
  const chat = await repos.directories.findChat(platform, chatId);
  if (!chat || chat.kind !== "group") return;
  const month = monthBefore(new Date(at), await repos.people.timeZoneOf(chat.communityId));
  const { stars, unnamed } = starsOf(await repos.honours.month(chat.id, month));
  if (!stars.length && !unnamed) return;
  const texts = recognitionTexts(chat.lang);
  const lines = [
    texts.starsTitle(chat.title, month.month),
    ...stars.map((star, index) => texts.star(index, { name: star.name, hours: hoursOf(star.minutes), thanks: star.thanks })),
    ...(unnamed ? [texts.unnamed(unnamed, stars.length === 0)] : []),
    texts.starsHow,
    texts.starsOutro,
  ];
  await repos.outboxes.enqueue({ kind: "chat", platform: chat.platform, chatId: chat.externalId }, { text: lines.join("\n") }, { lang: chat.lang, priority: 0 });
};
