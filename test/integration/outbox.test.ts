import { describe, expect, it, vi } from "vitest";
import type { OutboundMessage, OutboundTarget } from "../../src/chat/types.ts";
import { PrismaUnitOfWork } from "../../src/infra/unit-of-work.ts";
import { FakeAdapter } from "../support/fake-adapter.ts";
import { message, testApp, useTempDatabase } from "../support/app.ts";

const db = useTempDatabase();

type App = Awaited<ReturnType<typeof testApp>>;
const group = (chatId: string): OutboundTarget => ({ kind: "chat", platform: "console", chatId });

async function enqueue(app: App, target: OutboundTarget, body: OutboundMessage | string, priority?: number) {
  await new PrismaUnitOfWork(app.db, app.clock).run((repos) =>
    repos.outboxes.enqueue(target, typeof body === "string" ? { text: body } : body, {
      lang: "zh-CN",
      ...(priority === undefined ? {} : { priority }),
    }),
  );
}

describe("the outbox dispatcher", () => {
  it("sends after a restart what was committed but never sent (a crash between commit and send)", async () => {
    const silent = new FakeAdapter();
    const before = await testApp({ url: db.url, adapters: [silent] });
    await before.pipeline.handle(message(null, "王秀英", "/help"));
    await before.close(); // "crash": committed, never dispatched
    expect(silent.sent).toEqual([]);

    const adapter = new FakeAdapter();
    const after = await testApp({ url: db.url, adapters: [adapter] }); // start() drains what was left
    expect(adapter.sent).toHaveLength(1);
    expect(adapter.sent[0]).toMatchObject({ to: "chat", id: "dm:王秀英" });
    expect(await after.prisma.outboxMessage.findFirstOrThrow()).toMatchObject({ state: "sent" });
    await after.close();
  });

  it("never sends a message of a transaction that is still open, nor one that rolls back", async () => {
    const adapter = new FakeAdapter();
    const app = await testApp({ url: db.url, adapters: [adapter] });
    let release!: () => void;
    let written!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const inserted = new Promise<void>((resolve) => (written = resolve));
    const failing = new PrismaUnitOfWork(app.db, app.clock)
      .run(async (repos) => {
        await repos.outboxes.enqueue(group("A"), { text: "from a use case that fails" }, { lang: "zh-CN" });
        written();
        await held; // the transaction stays open while the dispatcher drains
        throw new Error("the use case failed after writing its reply");
      })
      .catch((error: Error) => error.message);
    await inserted;
    // The transaction stays open until the drain has asked for the database (app.db, one use at a time: its read
    // waits for the transaction to end), or, were it to read around that, until the drain is over.
    let asked!: () => void;
    const askedForDb = new Promise<void>((resolve) => (asked = resolve));
    const use = app.db.use.bind(app.db);
    vi.spyOn(app.db, "use").mockImplementation((work) => {
      asked();
      return use(work);
    });
    const drained = app.dispatcher.drain();
    await Promise.race([askedForDb, drained]);
    release();
    expect(await failing).toBe("the use case failed after writing its reply");
    await drained;
    await app.dispatcher.drain();
    expect(adapter.attempts).toEqual([]);
    expect(await app.prisma.outboxMessage.count()).toBe(0);
    await app.close();
  });

  it("keeps order per chat, and lets an emergency overtake queued bulk messages", async () => {
    const adapter = new FakeAdapter();
    const app = await testApp({ url: db.url, adapters: [adapter] });
    for (let i = 1; i <= 5; i += 1) await enqueue(app, group("A"), `bulk ${i}`, 0);
    await enqueue(app, group("B"), "normal");
    await enqueue(app, { kind: "user", platform: "console", userId: "刘医生", displayName: "刘医生" }, "SOS 5栋302", 9);
    await app.dispatcher.drain();
    expect(adapter.texts()).toEqual(["SOS 5栋302", "normal", "bulk 1", "bulk 2", "bulk 3", "bulk 4", "bulk 5"]);
    await app.close();
  });

  it("retries a failed send with backoff, and gives up after the maximum attempts", async () => {
    const adapter = new FakeAdapter();
    const app = await testApp({ url: db.url, adapters: [adapter], env: { OUTBOX_MAX_ATTEMPTS: "3" } });
    adapter.results.push({ ok: false, reason: "error", detail: "network" });
    await enqueue(app, group("A"), "first");
    await enqueue(app, group("A"), "second");
    await app.dispatcher.drain();
    expect(adapter.sent).toEqual([]);
    const row = await app.prisma.outboxMessage.findFirstOrThrow({ where: { body: { contains: "first" } } });
    expect(row).toMatchObject({ state: "pending", attempts: 1, lastError: "error: network" });
    expect(row.nextAttemptAt.getTime() - app.clock.now().getTime()).toBe(2000);
    app.clock.advance(1999);
    await app.dispatcher.drain();
    expect(adapter.sent).toEqual([]); // "second" waits behind "first": order per chat
    app.clock.advance(1);
    await app.dispatcher.drain();
    expect(adapter.texts()).toEqual(["first", "second"]);

    adapter.results.push(...Array.from({ length: 3 }, () => ({ ok: false as const, reason: "error" as const })));
    await enqueue(app, group("A"), "doomed");
    for (let i = 0; i < 3; i += 1) {
      await app.dispatcher.drain();
      app.clock.advance(60_000);
    }
    expect(await app.prisma.outboxMessage.findFirstOrThrow({ where: { body: { contains: "doomed" } } })).toMatchObject({
      state: "failed",
      attempts: 3,
    });
    await app.close();
  });

  it("honours a rate-limited answer's retry time", async () => {
    const adapter = new FakeAdapter();
    const app = await testApp({ url: db.url, adapters: [adapter] });
    adapter.results.push({ ok: false, reason: "rate-limited", retryAfterMs: 30_000 });
    await enqueue(app, group("A"), "hello");
    await app.dispatcher.drain();
    expect(adapter.attempts).toHaveLength(1);
    app.clock.advance(29_999);
    await app.dispatcher.drain();
    expect(adapter.attempts).toHaveLength(1);
    app.clock.advance(1);
    await app.dispatcher.drain();
    expect(adapter.texts()).toEqual(["hello"]);
    expect(await app.prisma.outboxMessage.findFirstOrThrow()).toMatchObject({ state: "sent", attempts: 0 });
    await app.close();
  });

  it("splits a message too long for the adapter, and resumes after the parts already sent", async () => {
    const adapter = new FakeAdapter("console", { maxTextLength: 40 });
    const app = await testApp({ url: db.url, adapters: [adapter] });
    const lines = Array.from({ length: 6 }, (_, i) => `第${i + 1}行：周六上午九点邻里花园除草`);
    adapter.results.push({ ok: true }, { ok: false, reason: "rate-limited", retryAfterMs: 1000 });
    await enqueue(app, group("A"), lines.join("\n"));
    await app.dispatcher.drain();
    app.clock.advance(1000);
    await app.dispatcher.drain();
    const texts = adapter.texts();
    expect(texts.length).toBeGreaterThan(1);
    for (const text of texts) expect([...text].length).toBeLessThanOrEqual(40);
    expect(texts.join("\n")).toBe(lines.join("\n")); // each part once, in order
    expect(adapter.attempts).toHaveLength(texts.length + 1);
    await app.close();
  });

  it("degrades buttons to numbered options where the platform has none, and keeps them where it has", async () => {
    const plain = new FakeAdapter("console");
    const rich = new FakeAdapter("telegram", { buttons: true });
    const app = await testApp({ url: db.url, adapters: [plain, rich] });
    const body = { text: "有人求助：借梯子", options: [{ label: "接单", reply: "/accept 1" }, { label: "不方便", reply: "/decline 1" }] };
    await enqueue(app, group("A"), body);
    await enqueue(app, { kind: "chat", platform: "telegram", chatId: "-100" }, body);
    await app.dispatcher.drain();
    expect(plain.sent[0]!.message).toEqual({ text: "有人求助：借梯子\n请回复数字：1 接单 / 2 不方便" });
    expect(rich.sent[0]!.message).toEqual({ text: "有人求助：借梯子", buttons: body.options });
    await app.close();
  });

  it("falls back to a group mention without the private details when a private message can't be delivered", async () => {
    const adapter = new FakeAdapter();
    const app = await testApp({ url: db.url, adapters: [adapter] });
    adapter.results.push({ ok: false, reason: "not-contact" });
    await enqueue(
      app,
      { kind: "user", platform: "console", userId: "王师傅", displayName: "王师傅", fallbackChatId: "3栋邻里群" },
      "李奶奶（3栋101，电话13800000000）需要修水管",
    );
    await app.dispatcher.drain();
    expect(adapter.sent).toHaveLength(1);
    expect(adapter.sent[0]).toMatchObject({ to: "chat", id: "3栋邻里群" });
    expect(adapter.sent[0]!.message.text).toMatch(/^@王师傅 /u);
    expect(adapter.sent[0]!.message.text).not.toMatch(/101|1380|水管/u);
    expect(adapter.sent[0]!.message.mentions).toEqual([{ platform: "console", id: "王师傅", displayName: "王师傅" }]);
    await app.close();
  });
});
