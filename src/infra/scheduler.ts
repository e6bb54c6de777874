/**
 * Scheduled jobs persisted in the database. A due job is claimed, run and marked done in one transaction, so its
 * effect happens exactly once even with several processes or a crash mid-run (then it is still pending and runs
 * again). Overdue jobs run once on the next tick after downtime; a job past its `staleAt` is dropped instead.
 * node-cron supplies the ticks (every minute by default, in the configured time zone).
 */
import cron from "node-cron";
import type { Clock } from "../kernel/clock.ts";
import type { JobHandler } from "../app/ports.ts";
import type { Logger } from "../logger.ts";
import type { Db } from "./db.ts";
import { repositoriesFor } from "./unit-of-work.ts";
import { backoffMs } from "./backoff.ts";

/** What one run of due jobs did. */
export interface RunSummary {
  done: number;
  dropped: number;
  failed: number;
  /** Claimed first by another process. */
  taken: number;
}

/** The scheduler's collaborators. */
export interface SchedulerDeps {
  db: Db;
  clock: Clock;
  log: Logger;
  handlers: ReadonlyMap<string, JobHandler>;
  maxAttempts: number;
}

/** Claims and runs due jobs. */
export class Scheduler {
  readonly #deps: SchedulerDeps;
  #task: ReturnType<typeof cron.schedule> | undefined;

  constructor(deps: SchedulerDeps) {
    this.#deps = deps;
  }

  /** Run every job due at the clock's time (including jobs that become due as others run). Never throws. */
  async runDue(): Promise<RunSummary> {
    const summary: RunSummary = { done: 0, dropped: 0, failed: 0, taken: 0 };
    const tried = new Set<number>();
    for (;;) {
      const now = this.#deps.clock.now();
      const due = await this.#deps.db.use((prisma) =>
        prisma.scheduledJob.findMany({
          where: { state: "pending", dueAt: { lte: now } },
          orderBy: [{ dueAt: "asc" }, { id: "asc" }],
          take: 100,
        }),
      );
      const fresh = due.filter((job) => !tried.has(job.id));
      if (fresh.length === 0) return summary;
      for (const job of fresh) {
        tried.add(job.id);
        summary[await this.#runOne(job)] += 1;
      }
    }
  }

  /** The earliest pending job's due time, for stepping a virtual clock. */
  async nextDueAt(): Promise<Date | null> {
    const next = await this.#deps.db.use((prisma) =>
      prisma.scheduledJob.findFirst({ where: { state: "pending" }, orderBy: { dueAt: "asc" }, select: { dueAt: true } }),
    );
    return next?.dueAt ?? null;
  }

  /** Tick with node-cron on `expression` in `timeZone`; `tick` runs due jobs and whatever else the app needs. */
  startCron(expression: string, timeZone: string, tick: () => Promise<void>): void {
    this.#task ??= cron.schedule(
      expression,
      async () => {
        try {
          await tick();
        } catch (error) {
          this.#deps.log.error({ err: error }, "scheduler tick failed");
        }
      },
      { timezone: timeZone, noOverlap: true, name: "linli-scheduler" },
    );
  }

  /** Stop ticking. */
  async stop(): Promise<void> {
    await this.#task?.destroy();
    this.#task = undefined;
  }

  async #runOne(job: { id: number; kind: string; dueAt: Date; staleAt: Date | null; payload: string; attempts: number }) {
    const now = this.#deps.clock.now();
    try {
      return await this.#deps.db.transaction(async (tx): Promise<keyof RunSummary> => {
        const claim = await tx.scheduledJob.updateMany({
          where: { id: job.id, state: "pending" },
          data: { state: "running", claimedAt: now, attempts: { increment: 1 } },
        });
        if (claim.count !== 1) return "taken";
        if (job.staleAt && job.staleAt <= now) {
          await tx.scheduledJob.update({ where: { id: job.id }, data: { state: "dropped", finishedAt: now } });
          this.#deps.log.info({ jobId: job.id, kind: job.kind }, "stale job dropped");
          return "dropped";
        }
        const handler = this.#deps.handlers.get(job.kind);
        if (!handler) throw new Error(`no handler for job kind "${job.kind}"`);
        await handler(JSON.parse(job.payload), repositoriesFor(tx, now), { id: job.id, kind: job.kind, dueAt: job.dueAt, now });
        await tx.scheduledJob.update({ where: { id: job.id }, data: { state: "done", finishedAt: now } });
        return "done";
      });
    } catch (error) {
      const attempts = job.attempts + 1;
      const failed = attempts >= this.#deps.maxAttempts;
      this.#deps.log.error({ err: error, jobId: job.id, kind: job.kind, attempts }, "job failed");
      await this.#deps.db.use((prisma) =>
        prisma.scheduledJob.updateMany({
          where: { id: job.id, state: "pending" },
          data: {
            attempts,
            lastError: error instanceof Error ? error.message : String(error),
            ...(failed ? { state: "failed", finishedAt: now } : { dueAt: new Date(now.getTime() + backoffMs(attempts)) }),
          },
        }),
      );
      return "failed";
    }
  }
}
