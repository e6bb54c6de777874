/**
 * Start-up against a Bot API server that fails now and then, as Telegram and self-hosted servers do: a cosmetic call
 * (the command menu) never stops the bot, getMe is retried while the server errs, and only a refused token stops it,
 * with a clear message. The real Telegram adapter and telegraf against the emulator on 127.0.0.1; no real waits
 * (the adapter's retry delay is injected).
 */
import { afterEach, describe, expect, it } from "vitest";
import { TelegramEmulator } from "../support/telegram-emulator.ts";
import { T0, tempDatabase, testApp } from "../support/app.ts";
import { VirtualClock } from "../../src/kernel/clock.ts";
import { silentLogger } from "../../src/logger.ts";
import { TelegramAdapter } from "../../adapters/telegram/telegram-adapter.ts";
import { freePort } from "../support/free-port.ts";

const TOKEN = "123456789:AAHk3v9q-ExampleExampleExample_xyz";
const GROUP = { id: -1001, type: "supergroup" as const, title: "3栋邻里群" };
const ANN = { id: 101, first_name: "王秀英", language_code: "zh-hans" };

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setup(token = TOKEN, mode: "polling" | "webhook" = "polling") {
  const clock = new VirtualClock(T0);
  const emulator = new TelegramEmulator({ token: TOKEN, now: () => clock.now().getTime() });
  const apiRoot = await emulator.start();
  cleanups.push(() => emulator.stop());
  const db = tempDatabase();
  cleanups.push(() => db.cleanup());
  const waits: number[] = [];
  const port = await freePort();
  const adapter = new TelegramAdapter({
    token,
    apiRoot,
    mode,
    webhook: { url: `http://127.0.0.1:${port}/telegram`, port, secret: "test-secret-test-secret" },
    log: silentLogger(),
    now: () => clock.now().getTime(),
    delay: async (ms) => void waits.push(ms),
  });
  const app = await testApp({ url: db.url, clock, adapters: [adapter], start: false });
  cleanups.push(() => app.close());
  return { emulator, app, waits, clock };
}

describe("Telegram start-up under server errors", () => {
  it("answers /help in a group although setMyCommands answered 500 and 404 and the first getMe 502", async () => {
    const { emulator, app, waits } = await setup();
    emulator.failNext("getMe", 502);
    emulator.failNext("setMyCommands", 500, 404);
    await app.start({ timers: false });
    const id = emulator.userMessage({ chat: GROUP, from: ANN, text: "/help" });
    await emulator.waitFor(() => emulator.calls.some((call) => call.method === "getUpdates" && Number(call.params.offset ?? 0) > id));
    await app.dispatcher.drain();
    expect(emulator.sent.filter((sent) => Number(sent.chatId) === GROUP.id).map((sent) => sent.text?.split("\n")[0])).toEqual(["我是邻里小助手，帮邻里互相搭把手。常用命令："]);
    expect(emulator.calls.filter((call) => call.method === "getMe")).toHaveLength(2);
    // The first menu (zh) failed with a 500 and is retried; the second (en) got a 404, which retrying would not mend.
    await emulator.waitFor(() => emulator.commands.some((call) => call.language_code === "zh"));
    expect(emulator.commands.map((call) => call.language_code ?? "default").sort()).toEqual(["default", "zh"]);
    expect(waits.length).toBeGreaterThanOrEqual(2); // one wait before getMe again, one before the menu again
    expect(waits[0]).toBeGreaterThan(0);
  });

  it("stops at start with a clear message when the token is refused", async () => {
    const { app } = await setup("987654321:AAWrongWrongWrongWrongWrongWrong_x");
    await expect(app.start({ timers: false })).rejects.toThrow(/refused the bot token \(401 Unauthorized\): check TELEGRAM_BOT_TOKEN/u);
  });

  it("a failed admin-list lookup never fails the message: it is answered, and the lookup is tried again after a backoff", async () => {
    const { emulator, app, clock } = await setup();
    emulator.setAdmins(GROUP.id, [ANN.id]);
    emulator.failNext("getChatAdministrators", 500);
    await app.start({ timers: false });
    const lookups = () => emulator.calls.filter((call) => call.method === "getChatAdministrators").length;
    const say = async (text: string) => {
      const id = emulator.userMessage({ chat: GROUP, from: ANN, text });
      await emulator.waitFor(() => emulator.calls.some((call) => call.method === "getUpdates" && Number(call.params.offset ?? 0) > id));
      await app.dispatcher.drain();
      return emulator.sent.filter((sent) => Number(sent.chatId) === GROUP.id).at(-1)?.text ?? "";
    };
    expect(await say("/help")).toMatch(/^我是邻里小助手/u); // the lookup failed (500); the message is handled all the same
    expect(lookups()).toBe(1);
    // Within the backoff the chat is not asked again; her admin status is unknown, so an admin-only command is refused.
    expect(await say("/活动 周六 9:00 除草 限5人")).not.toMatch(/^📅|活动 #1/u);
    expect(lookups()).toBe(1);
    expect(await app.prisma.event.count()).toBe(0);
    clock.advance(2 * 60_000); // past the first backoff (at most a second)
    await say("/活动 周六 9:00 除草 限5人");
    expect(lookups()).toBe(2);
    expect(await app.prisma.event.count()).toBe(1); // the list came: she is an admin, and the event is made
  });

  it("in webhook mode, a setWebhook answered 502 is retried in the background and the bot then answers", async () => {
    const { emulator, app, waits } = await setup(TOKEN, "webhook");
    emulator.failNext("setWebhook", 502, 503);
    await app.start({ timers: false });
    await emulator.waitFor(() => emulator.webhook() !== null);
    expect(emulator.calls.filter((call) => call.method === "setWebhook")).toHaveLength(3);
    expect(waits).toHaveLength(2);
    emulator.userMessage({ chat: GROUP, from: ANN, text: "/help" });
    await emulator.waitFor(() => emulator.pendingUpdates === 0);
    await app.dispatcher.drain();
    expect(emulator.sent.filter((sent) => Number(sent.chatId) === GROUP.id).map((sent) => sent.text?.split("\n")[0])).toEqual(["我是邻里小助手，帮邻里互相搭把手。常用命令："]);
  });

  it("in webhook mode, a setWebhook answered 401 stops at start with a clear message", async () => {
    const { emulator, app } = await setup(TOKEN, "webhook");
    emulator.failNext("setWebhook", 401);
    await expect(app.start({ timers: false })).rejects.toThrow(/refused the bot token \(401 Unauthorized\): check TELEGRAM_BOT_TOKEN/u);
  });

  it("in polling mode, a deleteWebhook answered 500 is retried and polling goes on", async () => {
    const { emulator, app } = await setup();
    emulator.failNext("deleteWebhook", 500);
    await app.start({ timers: false });
    const id = emulator.userMessage({ chat: GROUP, from: ANN, text: "/help" });
    await emulator.waitFor(() => emulator.calls.some((call) => call.method === "getUpdates" && Number(call.params.offset ?? 0) > id));
    expect(emulator.calls.filter((call) => call.method === "deleteWebhook")).toHaveLength(2);
  });
});
