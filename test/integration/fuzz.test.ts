/**
 * Issue 15, item 6: the whole-pipeline fuzz, seeded, at test size (`npm run fuzz` runs 100,000 events): random and
 * adversarial messages through the real pipeline, router, handlers and SQLite, with every registered command by
 * every word. Nothing crashes, nothing is left unhandled, no handler fails; and a handler that does fail is logged
 * with the message's id and leaves nothing of what it wrote.
 */
import { describe, expect, it } from "vitest";
import type { InboundMessage } from "../../src/chat/types.ts";
import { defaultRouter } from "../../src/app/routes.ts";
import { defaultCommands } from "../../src/app/commands.ts";
import { fuzzBatch } from "../support/fuzz.ts";
import { WriteCounter, capturingLogger, fuzzApp, runFuzz } from "../support/fuzz-run.ts";
import { useTempDatabase } from "../support/app.ts";

const db = useTempDatabase();

/** Events in the test run: every command word once (112 today), then a mixed stream. */
const EVENTS = 600;

describe("the whole-pipeline fuzz", () => {
  it("is deterministic: a seed gives the same events", () => {
    const start = new Date("2026-11-25T02:00:00Z");
    const texts = (seed: number) => fuzzBatch({ seed, start }, 300).map(({ event }) => JSON.stringify(event));
    expect(texts(7)).toEqual(texts(7));
    expect(texts(7)).not.toEqual(texts(8));
  });

  it("covers every word of every registered command, and the odd shapes", () => {
    const events = fuzzBatch({ seed: 15, start: new Date("2026-11-25T02:00:00Z") }, EVENTS);
    const texts = events.map(({ event }) => ("text" in event ? event.text : ""));
    for (const word of defaultCommands().words.keys()) expect(texts.some((text) => text.toLowerCase().startsWith(`/${word}`))).toBe(true);
    const shapes = new Set(events.map(({ shape }) => shape));
    expect([...shapes].sort()).toEqual(["button", "command", "empty", "jielong", "long", "members", "mixed", "number", "phrase", "redelivery", "soup"]);
    expect(texts.some((text) => text.length === 4096)).toBe(true);
    expect(texts.some((text) => text.split("\n").length > 100)).toBe(true);
  });

  it(`runs ${EVENTS} seeded events through every handler: no crash, no unhandled rejection, no failed message`, async () => {
    const report = await runFuzz(db.url, 15, EVENTS);
    expect(report).toMatchObject({
      messages: EVENTS,
      crashes: 0,
      unhandledRejections: 0,
      uncaughtExceptions: 0,
      unloggedFailures: 0,
      leakedWrites: 0,
      jobFailures: 0,
    });
    // On a failure this shows its route and its error with a sample of the text.
    expect({ failed: report.outcomes.failed, byRoute: report.failuresByRoute, byError: report.failuresByError }).toEqual({ failed: 0, byRoute: {}, byError: {} });
    // Every command's handler ran (by one of its words), and every route of what residents say in words.
    const reached = Object.keys(report.handledByRoute);
    for (const name of defaultCommands().entries.map((entry) => entry.name)) expect(reached).toContain(`command:${name}`);
    for (const route of ["request", "sos", "signup", "cancel_signup", "service_log", "thanks", "offer", "register", "query", "closing", "clarify", "unsure", "unknown_command", "choice", "members_joined"]) {
      expect(reached).toContain(route);
    }
    expect(report.outcomes.handled).toBeGreaterThan(EVENTS / 2);
    expect(report.sent).toBeGreaterThan(EVENTS / 2);
  }, 600_000);

  it("logs a failing handler with the message's id and rolls back all it wrote; only the apology goes out", async () => {
    const { log, errors } = capturingLogger();
    const router = defaultRouter();
    const register = router.commands.get("register")!;
    // The real registration (person, chat, membership, residence, audit, reply), then a failure in the same handler.
    router.commands = router.commands.with({
      ...register,
      run: async (context, repos) => {
        await register.run(context, repos);
        await repos.states.set("fuzz:injected", "written before the failure");
        throw new Error("injected failure");
      },
    });
    const { app } = await fuzzApp(db.url, { router, log });
    const writes = new WriteCounter(db.url);
    const message: InboundMessage = {
      id: "injected-1",
      chat: { platform: "telegram", id: "-100777", kind: "group", title: "新楼群" },
      sender: { platform: "telegram", id: "4242", displayName: "新邻居" },
      text: "/register 3-502",
      addressedToBot: true,
      mentions: [],
      sentAt: new Date("2026-11-25T02:00:00Z"),
    };
    const before = writes.snapshot();
    expect(await app.pipeline.handle(message)).toBe("failed");
    expect(WriteCounter.since(before, writes.snapshot())).toEqual({ "OutboxMessage:insert": 1 });
    expect(errors.filter((line) => line.messageId === "injected-1").map((line) => (line.err as { message: string }).message)).toEqual(["injected failure"]);
    expect(await app.prisma.appState.count({ where: { key: "fuzz:injected" } })).toBe(0);
    expect(await app.prisma.processedMessage.count({ where: { externalId: "injected-1" } })).toBe(0);
    const outbox = await app.prisma.outboxMessage.findMany({ where: { targetId: "-100777" }, select: { body: true } });
    expect(outbox.map((row) => (JSON.parse(row.body) as { message: { text: string } }).message.text)).toEqual(["抱歉，我这里出了点问题，请稍后再试。"]);
    writes.close();
    await app.close();
  });
});
