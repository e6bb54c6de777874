import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { TelegramEmulator, type EmulatorOptions } from "../support/telegram-emulator.ts";

const token = "123456:TEST-token";
const group = { id: -1001, type: "supergroup" as const, title: "3栋邻里群" };
const alice = { id: 501, first_name: "Alice", username: "alice" };

interface ApiAnswer {
  status: number;
  ok: boolean;
  result?: unknown;
  error_code?: number;
  description?: string;
  parameters?: { retry_after?: number };
}

let running: TelegramEmulator[] = [];

afterEach(async () => {
  await Promise.all(running.map((e) => e.stop()));
  running = [];
});

/** Starts an emulator; returns it with a `call` that POSTs JSON to `method`. */
async function emulator(options: Partial<EmulatorOptions> = {}) {
  const emu = new TelegramEmulator({ token, ...options });
  running.push(emu);
  const apiRoot = await emu.start();
  const call = async (method: string, params: Record<string, unknown> = {}, tok = token): Promise<ApiAnswer> => {
    const res = await fetch(`${apiRoot}/bot${tok}/${method}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(params),
    });
    return { status: res.status, ...((await res.json()) as Omit<ApiAnswer, "status">) };
  };
  return { emu, apiRoot, call };
}

const updateIds = (answer: ApiAnswer): number[] => (answer.result as Array<{ update_id: number }>).map((u) => u.update_id);

describe("Telegram emulator", () => {
  it("answers getMe with the bot user from the token", async () => {
    const { call } = await emulator({ botUsername: "some_bot" });
    expect(await call("getMe")).toEqual({
      status: 200,
      ok: true,
      result: { id: 123456, is_bot: true, first_name: "Linli", username: "some_bot" },
    });
  });

  it("refuses a wrong token with 401 and an unknown method with 404, recording both", async () => {
    const { emu, call } = await emulator();
    expect(await call("getMe", {}, "123456:wrong")).toEqual({ status: 401, ok: false, error_code: 401, description: "Unauthorized" });
    expect(await call("frobnicate")).toMatchObject({ status: 404, error_code: 404, description: "Not Found: method not found" });
    expect(emu.calls.map((c) => c.method)).toEqual(["getMe", "frobnicate"]);
  });

  it("confirms updates by offset: a confirmed update is gone for good", async () => {
    const { emu, call } = await emulator();
    const first = emu.userMessage({ chat: group, from: alice, text: "/start hello @linli_test_bot" });
    const second = emu.userMessage({ chat: group, from: alice, text: "second" });
    const all = await call("getUpdates", { timeout: 0 });
    expect(updateIds(all)).toEqual([first, second]);
    const [update] = all.result as Array<{ message: { message_id: number; text: string; entities: unknown[]; chat: unknown } }>;
    expect(update?.message).toMatchObject({ message_id: 1, text: "/start hello @linli_test_bot", chat: group });
    expect(update?.message.entities).toEqual([
      { type: "bot_command", offset: 0, length: 6 },
      { type: "mention", offset: 13, length: 15 },
    ]);
    expect(updateIds(await call("getUpdates", { offset: first }))).toEqual([first, second]); // not yet confirmed
    expect(updateIds(await call("getUpdates", { offset: first + 1 }))).toEqual([second]);
    expect(updateIds(await call("getUpdates", {}))).toEqual([second]); // no going back
    expect(updateIds(await call("getUpdates", { offset: second + 1, limit: 1 }))).toEqual([]);
    // a crash-style redelivery brings the same update back once
    emu.redeliver(first);
    expect(updateIds(await call("getUpdates", { offset: second + 1 }))).toEqual([first]);
    expect(updateIds(await call("getUpdates", { offset: second + 1 }))).toEqual([]);
  });

  it("wakes a long poll as soon as an update arrives, and stop() answers a pending poll with []", async () => {
    const { emu, call } = await emulator();
    // An hour's poll: only the update (or stop()) can answer it within the test's timeout.
    const polling = call("getUpdates", { timeout: 3600 });
    await emu.waitFor(() => emu.calls.length === 1);
    const id = emu.userMessage({ chat: { id: alice.id, type: "private" }, from: alice, text: "hi" });
    expect(updateIds(await polling)).toEqual([id]);

    const pending = call("getUpdates", { offset: id + 1, timeout: 3600 });
    await emu.waitFor(() => emu.calls.length === 2);
    await emu.stop();
    expect(await pending).toMatchObject({ status: 200, ok: true, result: [] });
  });

  it("refuses getUpdates with 409 while a webhook is set", async () => {
    const { emu, call } = await emulator();
    expect((await call("setWebhook", { url: "http://127.0.0.1:9/hook", secret_token: "s3cret" })).result).toBe(true);
    expect(emu.webhook()).toEqual({ url: "http://127.0.0.1:9/hook", secret: "s3cret" });
    expect(await call("getUpdates")).toEqual({
      status: 409,
      ok: false,
      error_code: 409,
      description: "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
    });
    await call("deleteWebhook");
    expect(emu.webhook()).toBeNull();
    expect(await call("getUpdates")).toMatchObject({ status: 200, result: [] });
  });

  it("delivers updates to the webhook with the secret header, retries after a 500, and runs a webhook reply", async () => {
    const received: Array<{ headers: IncomingHttpHeaders; update: { update_id: number; callback_query?: { id: string } } }> = [];
    let failNext = true;
    const hook = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        const update = JSON.parse(Buffer.concat(chunks).toString("utf8")) as (typeof received)[number]["update"];
        received.push({ headers: req.headers, update });
        if (failNext) {
          failNext = false;
          res.writeHead(500).end("boom");
        } else if (update.callback_query) {
          res.writeHead(200, { "content-type": "application/json" });
          res.end(JSON.stringify({ method: "answerCallbackQuery", callback_query_id: update.callback_query.id }));
        } else res.writeHead(200).end();
      });
    });
    await new Promise<void>((r) => hook.listen(0, "127.0.0.1", r));
    try {
      const { emu, call } = await emulator();
      await call("setWebhook", { url: `http://127.0.0.1:${(hook.address() as AddressInfo).port}/tg`, secret_token: "s3cret" });
      const first = emu.userMessage({ chat: group, from: alice, text: "one" });
      const second = emu.userMessage({ chat: group, from: alice, text: "two" });
      await emu.waitFor(() => emu.failedDeliveries === 1);
      expect(received.map((r) => r.update.update_id)).toEqual([first]); // nothing overtakes an undelivered update
      emu.retryDeliveries();
      await emu.waitFor(() => received.length === 3);
      expect(received.map((r) => r.update.update_id)).toEqual([first, first, second]);
      expect(received.every((r) => r.headers["x-telegram-bot-api-secret-token"] === "s3cret")).toBe(true);

      emu.redeliver(first);
      await emu.waitFor(() => received.length === 4);
      expect(received[3]?.update.update_id).toBe(first);

      const sent = await call("sendMessage", { chat_id: group.id, text: "pick", reply_markup: { inline_keyboard: [[{ text: "A", callback_data: "a" }]] } });
      const messageId = (sent.result as { message_id: number }).message_id;
      emu.pressButton({ chatId: group.id, messageId, from: alice, data: "a" });
      await emu.waitFor(() => emu.answeredCallbacks.length === 1);
      expect(received[4]?.update.callback_query).toMatchObject({ data: "a", message: { message_id: messageId, text: "pick" } });
      expect(emu.answeredCallbacks).toEqual([received[4]?.update.callback_query?.id]);
    } finally {
      hook.closeAllConnections();
      await new Promise((r) => hook.close(r));
    }
  });

  it("delivers a user's photo in three sizes with its caption, and takes sendPhoto only by a file id it knows", async () => {
    const { emu, call } = await emulator();
    const { updateId, fileId } = emu.userPhoto({ chat: group, from: alice, caption: "/report 楼道灯坏了" });
    const [update] = (await call("getUpdates", { offset: 0 })).result as Array<{ update_id: number; message: Record<string, unknown> }>;
    expect(update!.update_id).toBe(updateId);
    expect(update!.message).toMatchObject({
      caption: "/report 楼道灯坏了",
      caption_entities: [{ type: "bot_command", offset: 0, length: 7 }],
      photo: [{ width: 90 }, { width: 320 }, { file_id: fileId, width: 1280, height: 960 }],
    });
    expect(update!.message.text).toBeUndefined();
    expect(await call("sendPhoto", { chat_id: alice.id, photo: "not-a-file-id" })).toMatchObject({ status: 400, description: "Bad Request: wrong file identifier/HTTP URL specified" });
    expect(await call("sendPhoto", { chat_id: alice.id })).toMatchObject({ status: 400, description: "Bad Request: there is no photo in the request" });
    expect(await call("sendPhoto", { chat_id: alice.id, photo: fileId, caption: "问题 #7" })).toMatchObject({ status: 200, result: { caption: "问题 #7", photo: [{ file_id: fileId }] } });
    expect(emu.sent).toMatchObject([{ method: "sendPhoto", chatId: alice.id, photo: fileId, text: "问题 #7" }]);
    expect(emu.photosTo(alice.id)).toEqual([fileId]);
    expect(emu.photosTo(group.id)).toEqual([]);
  });

  it("answers 429 with retry_after for a second message to a chat within a second, and counts no refused send", async () => {
    let t = 1_000_000;
    const { emu, call } = await emulator({ now: () => t, limits: { perGroupPerMinute: 3 } });
    expect((await call("sendMessage", { chat_id: group.id, text: "one" })).ok).toBe(true);
    t += 400;
    expect(await call("sendMessage", { chat_id: group.id, text: "two" })).toEqual({
      status: 429,
      ok: false,
      error_code: 429,
      description: "Too Many Requests: retry after 1",
      parameters: { retry_after: 1 },
    });
    expect((await call("sendMessage", { chat_id: 777, text: "other chat" })).ok).toBe(true);
    t += 600;
    expect((await call("sendMessage", { chat_id: group.id, text: "two" })).ok).toBe(true);
    t += 1000;
    expect((await call("sendMessage", { chat_id: group.id, text: "three" })).ok).toBe(true);
    t += 5000;
    expect(await call("sendMessage", { chat_id: group.id, text: "four" })).toMatchObject({ status: 429, parameters: { retry_after: 53 } });
    expect(emu.rejected429).toBe(2);
    expect(emu.sent.map((s) => s.text)).toEqual(["one", "other chat", "two", "three"]);
  });

  it("keeps what the bot sent and edited in groups, with button labels, for the privacy scan, and nothing of private chats", async () => {
    let t = 1_000_000;
    const { emu, call } = await emulator({ now: () => t });
    const sent = await call("sendMessage", { chat_id: group.id, text: "求助 #1", reply_markup: { inline_keyboard: [[{ text: "接单", callback_data: "a" }]] } });
    const messageId = (sent.result as { message_id: number }).message_id;
    await call("sendMessage", { chat_id: alice.id, text: "您的求助" });
    t += 1000;
    await call("editMessageText", { chat_id: group.id, message_id: messageId, text: "求助 #1 已有人接单" });
    expect(emu.groupMessages).toEqual([
      { chat: String(group.id), text: "求助 #1\n接单", group: true },
      { chat: String(group.id), text: "求助 #1 已有人接单", group: true },
    ]);
  });

  it("checks inline button data: 1-64 bytes, also from a form body with a JSON-string reply_markup", async () => {
    const { emu, apiRoot, call } = await emulator();
    const tooLong = "数".repeat(22); // 66 bytes
    expect(await call("sendMessage", { chat_id: group.id, text: "x", reply_markup: { inline_keyboard: [[{ text: "B", callback_data: tooLong }]] } })).toMatchObject({
      status: 400,
      description: "Bad Request: BUTTON_DATA_INVALID",
    });
    const form = new URLSearchParams({ chat_id: String(group.id), text: "x", reply_markup: JSON.stringify({ inline_keyboard: [[{ text: "B", callback_data: "" }]] }) });
    const res = await fetch(`${apiRoot}/bot${token}/sendMessage`, { method: "POST", body: form });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ description: "Bad Request: BUTTON_DATA_INVALID" });
    form.set("reply_markup", JSON.stringify({ inline_keyboard: [[{ text: "B", callback_data: "数".repeat(21) }]] }));
    const ok = (await (await fetch(`${apiRoot}/bot${token}/sendMessage`, { method: "POST", body: form })).json()) as ApiAnswer;
    expect(ok.result).toMatchObject({ chat: { id: group.id, type: "supergroup" }, text: "x", from: { is_bot: true } });
    expect(emu.sent).toHaveLength(1);
    expect(emu.calls).toHaveLength(3);
  });

  it("validates and edits messages, lists admins, refuses blocked private chats, keeps commands", async () => {
    let t = 0;
    const { emu, apiRoot, call } = await emulator({ now: () => (t += 2000) });
    expect((await call("sendMessage", { chat_id: group.id, text: "" })).description).toBe("Bad Request: message text is empty");
    expect((await call("sendMessage", { chat_id: group.id, text: "x".repeat(4097) })).description).toBe("Bad Request: message is too long");
    const sent = await call("sendMessage", { chat_id: group.id, text: "v1", reply_markup: JSON.stringify({ inline_keyboard: [[{ text: "A", callback_data: "a" }]] }) });
    const messageId = (sent.result as { message_id: number }).message_id;
    expect(await call("editMessageText", { chat_id: group.id, message_id: messageId, text: "v2" })).toMatchObject({ ok: true, result: { text: "v2", message_id: messageId } });
    expect((await call("editMessageText", { chat_id: group.id, message_id: 999, text: "v2" })).description).toBe("Bad Request: message to edit not found");
    expect((await call("editMessageText", { chat_id: group.id, message_id: messageId, text: "v2" })).description).toMatch(/^Bad Request: message is not modified/);

    emu.setAdmins(group.id, [1, 2]);
    expect((await call("getChatAdministrators", { chat_id: group.id })).result).toEqual([
      { status: "creator", user: { id: 1, is_bot: false, first_name: "User1" } },
      { status: "administrator", user: { id: 2, is_bot: false, first_name: "User2" } },
    ]);
    expect(emu.adminCalls(group.id)).toBe(1);

    emu.blockPrivate(alice.id);
    expect(await call("sendMessage", { chat_id: alice.id, text: "psst" })).toMatchObject({ status: 403, description: "Forbidden: bot can't initiate conversation with a user" });

    const commands = [{ command: "help", description: "帮助" }];
    expect((await call("setMyCommands", { commands, language_code: "zh" })).result).toBe(true);
    expect(emu.commands).toEqual([{ commands, language_code: "zh" }]);
    expect((await call("getMyCommands", { language_code: "zh" })).result).toEqual(commands);
    expect((await call("getMyCommands")).result).toEqual([]);

    expect((await call("sendDocument", { chat_id: group.id, document: "https://example.org/a.ics", caption: "日历" })).ok).toBe(true);
    const multipart = new FormData();
    multipart.set("chat_id", String(group.id));
    const res = await fetch(`${apiRoot}/bot${token}/sendDocument`, { method: "POST", body: multipart });
    expect(res.status).toBe(400);
    expect(emu.sent.map((s) => [s.method, s.text])).toEqual([
      ["sendMessage", "v1"],
      ["sendDocument", "日历"],
    ]);
  });
});
