/**
 * The weekly digest on three years of history: 10,000 residents, ~500,000 requests, ~2,000,000 ledger entries (see
 * generate-history.ts). Measured through the real repositories and use case, in one transaction as the weekly job
 * runs it: the coordinator's digest (every grid, this week and the one before), a captain's digest (one grid), and the
 * whole weekly work for the community (the fan-out job, a summary for each of its 100 groups, every digest), with its
 * longest single transaction.
 */
import { systemClock } from "../src/kernel/clock.ts";
import { openDatabase } from "../src/infra/database.ts";
import { Db } from "../src/infra/db.ts";
import { PrismaUnitOfWork } from "../src/infra/unit-of-work.ts";
import type { Repositories } from "../src/app/ports.ts";
import { digestFor, digestJob, readers } from "../src/features/digests/send-digest.ts";
import { groupSummaryJob, weeklyJob } from "../src/features/deeds/weekly-summary.ts";
import { generateHistory } from "./generate-history.ts";

const NOW = new Date("2026-11-29T12:00:00.000Z");

/** Median milliseconds of a run of `work`, after one warm-up. */
async function medianMs(runs: number, work: () => Promise<unknown>): Promise<number> {
  await work();
  const times: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
}

/** Figures of the digest on a generated history at `path`. */
export async function digestFigures(
  path: string,
): Promise<{ digestMs: number; captainMs: number; weeklyJobMs: number; longestJobMs: number; readers: number; generateS: number; rows: Record<string, number> }> {
  const started = performance.now();
  const history = await generateHistory(path, { now: NOW, residents: 10_000, requests: 500_000, ledgerEntries: 2_000_000, years: 3, seed: 42 });
  const generateS = (performance.now() - started) / 1000;
  const prisma = await openDatabase(`file:${path}`);
  try {
    const uow = new PrismaUnitOfWork(new Db(prisma), systemClock);
    const captain = history.gridIds[0]!;
    const digestMs = await medianMs(5, () => uow.run((repos) => digestFor(repos, history.communityId, null, NOW, "zh-CN")));
    const captainMs = await medianMs(5, () => uow.run((repos) => digestFor(repos, history.communityId, [captain], NOW, "zh-CN")));
    // The weekly job as the scheduler runs it: the fan-out, then each group's summary and each reader's digest in its
    // own transaction. Rolled back each time, so every run does the same work. Reported: the whole, and the longest
    // single transaction (how long other work may wait for the database).
    const rolledBack = (work: (repos: Repositories) => Promise<void>) =>
      uow
        .run(async (repos) => {
          await work(repos);
          throw new Rollback();
        })
        .catch((error: unknown) => {
          if (!(error instanceof Rollback)) throw error;
        });
    const job = (kind: string) => ({ id: 0, kind, dueAt: NOW, now: NOW });
    const end = NOW.toISOString();
    const readerList = await uow.run((repos) => readers(repos, history.communityId));
    const groups = await uow.run((repos) => repos.communities.groupChats(history.communityId));
    let longestMs = 0;
    const timed = async (work: (repos: Repositories) => Promise<void>) => {
      const start = performance.now();
      await rolledBack(work);
      longestMs = Math.max(longestMs, performance.now() - start);
    };
    const weeklyJobMs = await medianMs(3, async () => {
      await timed((repos) => weeklyJob({ communityId: history.communityId }, repos, job("week.summary")));
      for (const chat of groups) await timed((repos) => groupSummaryJob({ platform: chat.platform, chatId: chat.externalId, end }, repos, job("week.group_summary")));
      for (const reader of readerList) await timed((repos) => digestJob({ communityId: history.communityId, personId: reader.personId, gridIds: reader.gridIds, end }, repos, job("week.digest")));
    });
    return { digestMs, captainMs, weeklyJobMs, longestJobMs: longestMs, readers: readerList.length, generateS, rows: history.counts };
  } finally {
    await prisma.$disconnect();
  }
}

class Rollback extends Error {}
