/**
 * Runs fuzz events (test/support/fuzz.ts) through a real Linli: the real pipeline, router and handlers on a SQLite
 * file, the outbox dispatcher and the scheduler on a virtual clock. Counts outcomes, crashes (receive threw) and
 * unhandled rejections, checks that every failed message was logged with its id and wrote nothing (a trigger on every
 * table counts the writes that commit; a failed message may leave only the apology in the outbox).
 */
import Database from "better-sqlite3";
import { pino } from "pino";
import type { AdapterCapabilities, ChatAdapter, InboundEvent, InboundHandler, Platform, RenderedMessage, SendResult } from "../../src/chat/types.ts";
import type { Outcome } from "../../src/app/pipeline.ts";
import type { Router } from "../../src/app/routes.ts";
import type { Logger } from "../../src/logger.ts";
import { VirtualClock } from "../../src/kernel/clock.ts";
import { loadConfig } from "../../src/config.ts";
import { createLinli, type Linli } from "../../src/linli.ts";
import { sqlitePath } from "../../src/infra/database.ts";
import { seedDemoIfEmpty } from "../../src/infra/demo-seed.ts";
import { createParser } from "../../src/parse/index.ts";
import { detectLang } from "../../src/parse/normalize.ts";
import { defaultCommands } from "../../src/app/commands.ts";
import { routeName } from "../../src/app/routes.ts";
import { fuzzEvents } from "./fuzz.ts";

/** An adapter that accepts everything and only counts (the fuzz sends hundreds of thousands of messages). */
export class CountingAdapter implements ChatAdapter {
  sent = 0;
  readonly capabilities: AdapterCapabilities;

  constructor(readonly platform: Platform, buttons: boolean) {
    this.capabilities = { buttons, privateToNonContacts: platform !== "wechat", mentions: true, edits: false, files: platform === "telegram", photos: false, maxTextLength: 4096, format: "plain" };
  }

  async start(_onEvent: InboundHandler): Promise<void> {}
  async stop(): Promise<void> {}
  async send(_chatId: string, _message: RenderedMessage): Promise<SendResult> {
    this.sent += 1;
    return { ok: true, platformMessageId: String(this.sent) };
  }
  async sendPrivate(_userId: string, _message: RenderedMessage): Promise<SendResult> {
    this.sent += 1;
    return { ok: true, platformMessageId: String(this.sent) };
  }
}

/** Counts every committed insert, update and delete of every table, by triggers (rolled back with what they count). */
export class WriteCounter {
  readonly #raw: Database.Database;
  readonly #read: Database.Statement;

  constructor(databaseUrl: string) {
    this.#raw = new Database(sqlitePath(databaseUrl));
    this.#raw.pragma("busy_timeout = 5000");
    const tables = (this.#raw.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '\\_%' ESCAPE '\\'").all() as Array<{ name: string }>).map((row) => row.name);
    this.#raw.exec("CREATE TABLE IF NOT EXISTS _fuzz_writes (k TEXT PRIMARY KEY, n INTEGER NOT NULL)");
    for (const table of tables) {
      for (const op of ["INSERT", "UPDATE", "DELETE"]) {
        const key = `${table}:${op.toLowerCase()}`;
        this.#raw.prepare("INSERT OR IGNORE INTO _fuzz_writes (k, n) VALUES (?, 0)").run(key);
        this.#raw.exec(`CREATE TRIGGER IF NOT EXISTS "_fuzz_${table}_${op}" AFTER ${op} ON "${table}" BEGIN UPDATE _fuzz_writes SET n = n + 1 WHERE k = '${key}'; END`);
      }
    }
    this.#read = this.#raw.prepare("SELECT k, n FROM _fuzz_writes");
  }

  /** The committed writes so far, by "Table:op". */
  snapshot(): Map<string, number> {
    return new Map((this.#read.all() as Array<{ k: string; n: number }>).map((row) => [row.k, row.n]));
  }

  /** The writes between two snapshots, without the unchanged ones. */
  static since(before: Map<string, number>, after: Map<string, number>): Record<string, number> {
    const changed: Record<string, number> = {};
    for (const [key, n] of after) if (n !== (before.get(key) ?? 0)) changed[key] = n - (before.get(key) ?? 0);
    return changed;
  }

  close(): void {
    this.#raw.close();
  }
}

/** Error log lines kept in memory (the pipeline logs a failed message with its id). */
export function capturingLogger(): { log: Logger; errors: Array<Record<string, unknown>> } {
  const errors: Array<Record<string, unknown>> = [];
  const log = pino({ level: "error" }, { write: (line: string) => void errors.push(JSON.parse(line) as Record<string, unknown>) });
  return { log, errors };
}

/** A Linli on the demo community with a console (no buttons), a Telegram and a WeChat adapter that only count. */
export async function fuzzApp(url: string, options: { router?: Router; log: Logger }) {
  const clock = new VirtualClock(new Date("2026-11-25T10:00:00+08:00"));
  const adapters = [new CountingAdapter("console", false), new CountingAdapter("telegram", true), new CountingAdapter("wechat", false)];
  // Flood control is another test's subject: a limit no fuzz sender reaches, so every message gets to its handler.
  const config = loadConfig({ DATABASE_URL: url, LOG_LEVEL: "silent", RATE_LIMIT_PER_MINUTE: "1000000" });
  const app = await createLinli({ config, clock, log: options.log, adapters, autoDispatch: false, ...(options.router ? { router: options.router } : {}) });
  await app.start({ timers: false });
  await seedDemoIfEmpty(app.prisma, clock.now());
  return { app, clock, adapters };
}

/** What a fuzz run found: the figures `npm run fuzz` prints and the test asserts on. */
export interface FuzzReport {
  seed: number;
  messages: number;
  outcomes: Record<Outcome, number>;
  /** Failed outcomes by the route the text parses to, by the kind of text, and by error message (a sample of each). */
  failuresByRoute: Record<string, number>;
  failuresByShape: Record<string, number>;
  failuresByError: Record<string, { count: number; sample: string }>;
  /** receive() threw (it must never). */
  crashes: number;
  unhandledRejections: number;
  uncaughtExceptions: number;
  /** Failed messages without an error log naming their id. */
  unloggedFailures: number;
  /** Failed messages that left committed writes other than the apology. */
  leakedWrites: number;
  jobFailures: number;
  sent: number;
  /** Handled messages by the route their text parses to ("command:accept", "request", ...; "choice" for a bare number
   * that answered numbered options): which handlers the run reached. */
  handledByRoute: Record<string, number>;
}

/** Run `count` fuzz events of `seed` through a fresh Linli on `url`. */
export async function runFuzz(
  url: string,
  seed: number,
  count: number,
  options: { onProgress?: (report: FuzzReport) => void; stopped?: () => boolean } = {},
): Promise<FuzzReport> {
  const { log, errors } = capturingLogger();
  const { app, clock, adapters } = await fuzzApp(url, { log });
  const writes = new WriteCounter(url);
  const report: FuzzReport = {
    seed,
    messages: 0,
    outcomes: { handled: 0, ignored: 0, duplicate: 0, "rate-limited": 0, failed: 0 },
    failuresByRoute: {},
    failuresByShape: {},
    failuresByError: {},
    crashes: 0,
    unhandledRejections: 0,
    uncaughtExceptions: 0,
    unloggedFailures: 0,
    leakedWrites: 0,
    jobFailures: 0,
    sent: 0,
    handledByRoute: {},
  };
  const route = routeOf(clock);
  const onRejection = () => void (report.unhandledRejections += 1);
  const onException = () => void (report.uncaughtExceptions += 1);
  process.on("unhandledRejection", onRejection);
  process.on("uncaughtException", onException);
  try {
    for (const { event, shape } of fuzzEvents({ seed, start: clock.now() })) {
      if (report.messages === count || options.stopped?.()) break;
      report.messages += 1;
      clock.advance(fuzzStep(report.messages));
      const before = writes.snapshot();
      const logged = errors.length;
      let outcome: Outcome;
      try {
        outcome = await app.pipeline.receive(event);
      } catch {
        report.crashes += 1;
        continue;
      }
      report.outcomes[outcome] += 1;
      if (outcome === "handled") {
        const name = route(event);
        report.handledByRoute[name] = (report.handledByRoute[name] ?? 0) + 1;
      }
      if (outcome === "failed") {
        const name = route(event);
        report.failuresByRoute[name] = (report.failuresByRoute[name] ?? 0) + 1;
        recordFailure(report, shape, event, errors.slice(logged), WriteCounter.since(before, writes.snapshot()));
      }
      if (report.messages % 100 === 0) await settle(app, errors, report);
      if (report.messages % 500 === 0) options.onProgress?.({ ...report, sent: sentBy(adapters) });
    }
    await settle(app, errors, report);
    // Let any stray promise settle before the handlers go (a rejection would be reported on the next turns).
    await new Promise((resolve) => setImmediate(resolve));
  } finally {
    process.off("unhandledRejection", onRejection);
    process.off("uncaughtException", onException);
    writes.close();
    await app.close();
  }
  report.sent = sentBy(adapters);
  return report;
}

/** The route an event's text parses to, as the pipeline's parser reads it (a bare number: "choice"). */
function routeOf(clock: { now(): Date }): (event: InboundEvent) => string {
  const parser = createParser(defaultCommands().words);
  return (event) => {
    if ("kind" in event) return event.kind === "button_pressed" ? `button:${route(event.data, true)}` : event.kind;
    return /^\s*\d{1,2}\s*$/u.test(event.text) ? "choice" : route(event.text, event.addressedToBot);
  };
  function route(text: string, addressedToBot: boolean): string {
    const lang = detectLang(text);
    return routeName(parser(text, { now: clock.now(), timeZone: "Asia/Shanghai", botNames: ["邻里小助手"], addressedToBot, ...(lang ? { lang } : {}) }));
  }
}

function sentBy(adapters: CountingAdapter[]): number {
  return adapters.reduce((sum, adapter) => sum + adapter.sent, 0);
}

/** Mostly seconds apart; now and then hours pass, so reminders, expiries and escalations fall due. */
function fuzzStep(n: number): number {
  if (n % 997 === 0) return 7 * 3600_000;
  if (n % 101 === 0) return 20 * 60_000;
  return 3000;
}

/** Run due jobs and send what is due; count job failures from the log. */
async function settle(app: Linli, errors: Array<Record<string, unknown>>, report: FuzzReport): Promise<void> {
  const logged = errors.length;
  await app.tick();
  report.jobFailures += errors.slice(logged).filter((line) => line.msg === "job failed" || line.msg === "scheduler tick failed").length;
}

function recordFailure(report: FuzzReport, shape: string, event: { id: string; text?: string; data?: string }, logs: Array<Record<string, unknown>>, wrote: Record<string, number>) {
  report.failuresByShape[shape] = (report.failuresByShape[shape] ?? 0) + 1;
  const line = logs.find((each) => each.messageId === event.id || each.event === event.id);
  if (!line) report.unloggedFailures += 1;
  const err = line?.err as { message?: string } | undefined;
  const key = (err?.message ?? "unlogged").slice(0, 160);
  const entry = (report.failuresByError[key] ??= { count: 0, sample: (event.text ?? event.data ?? "").slice(0, 200) });
  entry.count += 1;
  const apology = wrote["OutboxMessage:insert"] === 1 ? 1 : 0;
  if (Object.keys(wrote).length > apology) report.leakedWrites += 1;
}
