/**
 * Assembles Linli from its parts: database, unit of work, pipeline, outbox dispatcher and scheduler.
 * `src/main.ts` (the composition root) and the tests build the app through this, so both run the same wiring.
 */
import type { ChatAdapter, Platform } from "./chat/types.ts";
import type { Clock } from "./kernel/clock.ts";
import type { Config } from "./config.ts";
import type { Logger } from "./logger.ts";
import type { Parser } from "./parse/intent.ts";
import type { JobHandler } from "./app/ports.ts";
import type { PrismaClient } from "./infra/database.ts";
import { openDatabase } from "./infra/database.ts";
import { Db } from "./infra/db.ts";
import { PrismaUnitOfWork } from "./infra/unit-of-work.ts";
import { OutboxDispatcher } from "./infra/outbox-dispatcher.ts";
import { Scheduler } from "./infra/scheduler.ts";
import { ensureWeeklyJobs } from "./features/deeds/weekly-summary.ts";
import { CERTIFICATE_FONT_FAMILY, ensureMonthlyJobs } from "./features/recognition/index.ts";
import { ResvgPictures } from "./infra/pictures.ts";
import { Pipeline } from "./app/pipeline.ts";
import { createParser } from "./parse/index.ts";
import type { Router } from "./app/routes.ts";
import { defaultRouter } from "./app/routes.ts";
import { defaultJobHandlers } from "./app/jobs.ts";
import { OpenAiSecondOpinion, OpenAiTranscriber } from "./infra/openai-compatible.ts";

/** What Linli is built from; parser and handler tables can be swapped (tests, later issues). */
export interface LinliOptions {
  config: Config;
  clock: Clock;
  log: Logger;
  adapters: ChatAdapter[];
  parser?: Parser;
  router?: Router;
  jobHandlers?: ReadonlyMap<string, JobHandler>;
  /** Wake the dispatcher after each commit (default true; tests drain by hand). */
  autoDispatch?: boolean;
  /** Replaces the timer of the language model's and the transcriber's time budgets (tests). */
  deadline?: (ms: number) => Promise<void>;
}

/** A running Linli. */
export interface Linli {
  /** The database, one use at a time: everything the app does goes through it. */
  db: Db;
  /** The raw client, for reading when nothing else runs (tests, benchmarks). */
  prisma: PrismaClient;
  pipeline: Pipeline;
  dispatcher: OutboxDispatcher;
  scheduler: Scheduler;
  /** Run due jobs, then send what is due. */
  tick(): Promise<void>;
  /** Start adapters; run jobs that fell due during downtime and send what was left unsent. */
  start(options?: { timers?: boolean }): Promise<void>;
  close(): Promise<void>;
}

/** Build Linli (migrating the database first). */
export async function createLinli(options: LinliOptions): Promise<Linli> {
  const { config, clock, log } = options;
  const prisma = await openDatabase(config.databaseUrl, { log: (message) => log.info(message), warn: (message) => log.warn(message) });
  const db = new Db(prisma);
  const adapters = new Map<Platform, ChatAdapter>(options.adapters.map((adapter) => [adapter.platform, adapter]));
  const pictures = new ResvgPictures({ ...config.pictures, fontFamily: CERTIFICATE_FONT_FAMILY });
  const dispatcher = new OutboxDispatcher({ db, adapters, clock, log, maxAttempts: config.outboxMaxAttempts, pictures });
  const scheduler = new Scheduler({
    db,
    clock,
    log,
    handlers: options.jobHandlers ?? defaultJobHandlers(config.requests, config.checkins),
    maxAttempts: 5,
  });
  const uow = new PrismaUnitOfWork(db, clock, { timeZone: config.timeZone, locale: config.defaultLocale });
  const router = options.router ?? defaultRouter(config.requests, config.reports, config.checkins);
  const endpointDeps = { log, ...(options.deadline ? { deadline: options.deadline } : {}) };
  const pipeline = new Pipeline({
    uow,
    parser: options.parser ?? createParser(router.commands.words),
    router,
    clock,
    log,
    botName: config.botName,
    botNames: config.botNames,
    timeZone: config.timeZone,
    rateLimitPerMinute: config.rateLimitPerMinute,
    ...(options.autoDispatch === false ? {} : { onCommitted: () => dispatcher.poke() }),
    ...(config.llm ? { secondOpinion: new OpenAiSecondOpinion(config.llm, endpointDeps) } : {}),
    ...(config.stt ? { transcriber: new OpenAiTranscriber(config.stt, endpointDeps) } : {}),
  });
  const tick = async () => {
    // Each community's weekly summary job, in place before due jobs run (a no-op once it is scheduled).
    await uow.run((repos) => ensureWeeklyJobs(repos, clock.now())).catch((error: unknown) => log.error({ err: error }, "scheduling the weekly summaries failed"));
    await uow.run((repos) => ensureMonthlyJobs(repos, clock.now())).catch((error: unknown) => log.error({ err: error }, "scheduling the monthly stars failed"));
    await scheduler.runDue();
    await dispatcher.drain();
  };
  return {
    db,
    prisma,
    pipeline,
    dispatcher,
    scheduler,
    tick,
    async start({ timers = true } = {}) {
      for (const adapter of adapters.values()) await adapter.start((event) => pipeline.receive(event).then(() => undefined));
      await tick();
      if (timers) {
        dispatcher.start(config.outboxPollMs);
        scheduler.startCron(config.schedulerCron, config.timeZone, tick);
      }
    },
    async close() {
      // Adapters first: no new message comes in while the rest winds down (an update in hand finishes first).
      for (const adapter of adapters.values()) await adapter.stop();
      await scheduler.stop();
      await dispatcher.stop();
      await prisma.$disconnect();
    },
  };
}
