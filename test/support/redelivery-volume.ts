/**
 * Redelivery at volume (issue 15, item 5): a seeded stream of inbound messages (help requests, service logs, chatter)
 * through the real pipeline on real SQLite, with a share of them delivered again: some copies at the same moment as
 * the original (Promise.all), some later and out of order, some to a second Linli on the same database file (a
 * restarted or second process: its own connection, so the copy meets the original in SQLite, WAL and busy waits
 * included). The same messages once each, in order, on another database, are the reference. Every effect is counted
 * by content: each request and each credit exactly once, as many replies and processed messages as the reference.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { InboundMessage } from "../../src/chat/types.ts";
import type { Outcome } from "../../src/app/pipeline.ts";
import { seedDemoIfEmpty } from "../../src/infra/demo-seed.ts";
import { FakeAdapter } from "./fake-adapter.ts";
import { T0, testApp } from "./app.ts";
import { seeded } from "../../src/parse/model/train.ts";

/** How the run is shaped. */
export interface RedeliveryOptions {
  messages: number;
  seed: number;
  /** Share of messages delivered again (0.2). */
  again?: number;
  /** Originals handled at once (a busy group). */
  batch?: number;
}

/** What was found. */
export interface RedeliveryReport {
  messages: number;
  copies: number;
  concurrentCopies: number;
  laterCopies: number;
  copiesToSecondProcess: number;
  lostEffects: number;
  duplicateEffects: number;
  outcomes: Record<string, number>;
  effects: { requests: number; credits: number; processed: number; outbox: number; audit: number };
  reference: { requests: number; credits: number; processed: number; outbox: number; audit: number };
  wallMs: number;
  messagesPerSecond: number;
}

const GROUP = "3栋邻里群";
const RESIDENTS = ["王秀英", "李奶奶", "钱大爷"];
const HELPERS = ["张阿姨", "王师傅", "赵老师"];
const ASKS = ["谁家有梯子借用一下", "谁能帮忙修一下水管，厨房漏水了", "谁家有电钻借用一下", "谁能帮我取一下快递"];

/** The k-th message of the stream: a request, a service log or chatter, each with its number in the text. */
function messageOf(k: number, rng: () => number): InboundMessage {
  const pick = <T>(list: T[]) => list[Math.floor(rng() * list.length)]!;
  const kind = rng();
  const [person, text] =
    kind < 0.35
      ? [pick(RESIDENTS), `${pick(ASKS)}（${k}号）`]
      : kind < 0.7
        ? [pick(HELPERS), `今天帮${pick(RESIDENTS)}读报${1 + Math.floor(rng() * 3)}小时（第${k}次）`]
        : [pick([...RESIDENTS, ...HELPERS]), `大家早上好，今天第${k}条`];
  return {
    id: `volume-${k}`,
    chat: { platform: "console", id: GROUP, kind: "group", title: GROUP },
    sender: { platform: "console", id: person, displayName: person },
    text,
    addressedToBot: false,
    mentions: [],
    sentAt: T0,
  };
}

/** Counts by content: requests and credits by their text (each carries its message's number). */
async function effectsOf(app: Awaited<ReturnType<typeof testApp>>) {
  const p = app.prisma;
  const requests = (await p.helpRequest.findMany({ select: { sourceText: true, what: true } })).map((r) => r.sourceText ?? r.what);
  const credits = (await p.pendingCredit.findMany({ select: { description: true } })).map((c) => c.description ?? "");
  return {
    requests,
    credits,
    counts: {
      requests: requests.length,
      credits: credits.length,
      processed: await p.processedMessage.count(),
      outbox: await p.outboxMessage.count(),
      audit: await p.auditLog.count(),
    },
  };
}

/** Entries of `list` missing from `reference`'s multiset and beyond it. */
function difference(reference: string[], list: string[]): { lost: number; duplicated: number } {
  const left = new Map<string, number>();
  for (const one of reference) left.set(one, (left.get(one) ?? 0) + 1);
  let duplicated = 0;
  for (const one of list) {
    const n = left.get(one) ?? 0;
    if (n > 0) left.set(one, n - 1);
    else duplicated += 1;
  }
  return { lost: [...left.values()].reduce((a, b) => a + b, 0), duplicated };
}

const SETTINGS = { RATE_LIMIT_PER_MINUTE: "1000000", REQUEST_WAVE_MINUTES: "100000", REQUEST_WAVE_MINUTES_URGENT: "100000" };

/** Runs the stream with redeliveries, and once cleanly as the reference; compares. */
export async function redeliveryVolume(options: RedeliveryOptions): Promise<RedeliveryReport> {
  const dir = mkdtempSync(join(tmpdir(), "linli-redelivery-"));
  try {
    const rng = seeded(options.seed);
    const messages = Array.from({ length: options.messages }, (_, k) => messageOf(k + 1, rng));

    // The reference: every message once, in order.
    const reference = await testApp({ url: `file:${join(dir, "reference.db")}`, adapters: [new FakeAdapter()], env: SETTINGS });
    await seedDemoIfEmpty(reference.prisma, T0);
    for (const message of messages) await reference.pipeline.handle(message);
    const expected = await effectsOf(reference);
    await reference.close();

    // The run: two Linli on one database file (the second as a restarted or second process would be).
    const url = `file:${join(dir, "redelivered.db")}`;
    const first = await testApp({ url, adapters: [new FakeAdapter()], env: SETTINGS });
    await seedDemoIfEmpty(first.prisma, T0);
    const second = await testApp({ url, adapters: [new FakeAdapter()], env: SETTINGS });
    const began = Date.now();
    const batch = options.batch ?? 8;
    const again = options.again ?? 0.2;
    const outcomes: Record<string, number> = {};
    const count = (outcome: Outcome) => (outcomes[outcome] = (outcomes[outcome] ?? 0) + 1);
    let concurrentCopies = 0;
    let copiesToSecondProcess = 0;
    let later: InboundMessage[] = [];
    const handleCopy = (message: InboundMessage) => {
      const toSecond = rng() < 0.5;
      if (toSecond) copiesToSecondProcess += 1;
      return (toSecond ? second : first).pipeline.handle({ ...message });
    };
    for (let at = 0; at < messages.length; at += batch) {
      const work: Array<Promise<Outcome>> = [];
      for (const message of messages.slice(at, at + batch)) {
        work.push(first.pipeline.handle(message));
        if (rng() >= again) continue;
        if (rng() < 0.4) {
          concurrentCopies += 1;
          work.push(handleCopy(message)); // at the same moment as the original
        } else later.push(message);
      }
      // Copies held back go out a little later, shuffled: out of order, among newer originals.
      if (later.length >= batch || at + batch >= messages.length) {
        later = later.sort(() => rng() - 0.5);
        for (const message of later.splice(0, rng() < 0.5 ? later.length : Math.ceil(later.length / 2))) work.push(handleCopy(message));
      }
      for (const outcome of await Promise.all(work)) count(outcome);
    }
    for (const outcome of await Promise.all(later.map(handleCopy))) count(outcome);
    const wallMs = Date.now() - began;
    const found = await effectsOf(first);
    await second.close();
    await first.close();

    const requests = difference(expected.requests, found.requests);
    const credits = difference(expected.credits, found.credits);
    const byCount = (key: "processed" | "outbox" | "audit") => found.counts[key] - expected.counts[key];
    const extra = ["processed", "outbox", "audit"] as const;
    const copies = (outcomes.duplicate ?? 0) + (outcomes.ignored ?? 0) + (outcomes.handled ?? 0) + (outcomes.failed ?? 0) + (outcomes["rate-limited"] ?? 0) - messages.length;
    return {
      messages: messages.length,
      copies,
      concurrentCopies,
      laterCopies: copies - concurrentCopies,
      copiesToSecondProcess,
      lostEffects: requests.lost + credits.lost + extra.reduce((sum, key) => sum + Math.max(0, -byCount(key)), 0),
      duplicateEffects: requests.duplicated + credits.duplicated + extra.reduce((sum, key) => sum + Math.max(0, byCount(key)), 0),
      outcomes,
      effects: found.counts,
      reference: expected.counts,
      wallMs,
      messagesPerSecond: Math.round(((messages.length + copies) / wallMs) * 1000),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
