/** Builds a real Linli (real SQLite file, real pipeline, outbox and scheduler) for tests, on a virtual clock. */
import { afterEach, beforeEach } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ChatAdapter, InboundMessage } from "../../src/chat/types.ts";
import type { Router } from "../../src/app/routes.ts";
import type { JobHandler } from "../../src/app/ports.ts";
import { VirtualClock } from "../../src/kernel/clock.ts";
import { loadConfig } from "../../src/config.ts";
import { createLinli, type Linli } from "../../src/linli.ts";
import { silentLogger } from "../../src/logger.ts";
import { seedDemoIfEmpty } from "../../src/infra/demo-seed.ts";
import { FakeAdapter } from "./fake-adapter.ts";
import { keepDetailsOf, watchDatabase } from "./privacy-watch.ts";

/** The time tests start at: a Wednesday morning in Shanghai. */
export const T0 = new Date("2026-11-25T10:00:00+08:00");

/** A fresh temporary database URL; `cleanup` removes its folder (after the privacy scan has read its private details). */
export function tempDatabase(): { url: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), "linli-test-"));
  const file = join(dir, "linli.db");
  watchDatabase(file);
  return {
    url: `file:${file}`,
    cleanup: () => {
      keepDetailsOf(file);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A fresh temporary database for each test of the file (made before it, removed after); call at the top level. */
export function useTempDatabase(): { readonly url: string } {
  let db: ReturnType<typeof tempDatabase> | undefined;
  beforeEach(() => {
    db = tempDatabase();
  });
  afterEach(() => db?.cleanup());
  return {
    get url() {
      if (!db) throw new Error("useTempDatabase: the database exists only inside a test");
      return db.url;
    },
  };
}

/** Options for a test app. */
export interface TestAppOptions {
  url: string;
  clock?: VirtualClock;
  adapters: ChatAdapter[];
  router?: Router;
  jobHandlers?: ReadonlyMap<string, JobHandler>;
  env?: Record<string, string>;
  /** Start adapters and run the start-up tick (default true). */
  start?: boolean;
  /** The time budget of the language model and the transcriber (tests end it by hand). */
  deadline?: (ms: number) => Promise<void>;
}

/** A Linli on a temp database; timers off: tests drive the clock and call drain()/tick(). */
export async function testApp(options: TestAppOptions): Promise<Linli & { clock: VirtualClock }> {
  const clock = options.clock ?? new VirtualClock(T0);
  const config = loadConfig({ DATABASE_URL: options.url, LOG_LEVEL: "silent", ...options.env });
  const linli = await createLinli({
    config,
    clock,
    log: silentLogger(),
    adapters: options.adapters,
    ...(options.router ? { router: options.router } : {}),
    ...(options.jobHandlers ? { jobHandlers: options.jobHandlers } : {}),
    ...(options.deadline ? { deadline: options.deadline } : {}),
    autoDispatch: false,
  });
  if (options.start !== false) await linli.start({ timers: false });
  return Object.assign(linli, { clock });
}

/** A test app on the demo community with one fake adapter. */
export async function demoApp(
  url: string,
  adapter = new FakeAdapter(),
  options: Pick<TestAppOptions, "env" | "deadline"> = {},
): Promise<{ app: Linli & { clock: VirtualClock }; adapter: FakeAdapter }> {
  const app = await testApp({ url, adapters: [adapter], ...options });
  await seedDemoIfEmpty(app.prisma, T0);
  return { app, adapter };
}

/** Handle messages all at once (as a busy group sends them), then send; what went out, as [to, id, text]. */
export async function say(app: Linli, adapter: FakeAdapter, ...messages: InboundMessage[]) {
  const before = adapter.sent.length;
  await Promise.all(messages.map((one) => app.pipeline.handle(one)));
  await app.dispatcher.drain();
  return adapter.sent.slice(before).map((sent) => [sent.to, sent.id, sent.message.text]);
}

let counter = 0;

/** A group message from `person` in `chat` (ids derived from names), or a private one when chat is null. */
export function message(chat: string | null, person: string, text: string, extra: Partial<InboundMessage> = {}): InboundMessage {
  counter += 1;
  return {
    id: `m${counter}-${Date.now()}`,
    chat: chat
      ? { platform: "console", id: chat, kind: "group", title: chat }
      : { platform: "console", id: `dm:${person}`, kind: "private", title: person },
    sender: { platform: "console", id: person, displayName: person },
    text,
    addressedToBot: chat === null,
    mentions: [],
    sentAt: T0,
    ...extra,
  };
}
