/** A small Telegram Bot API emulator for end-to-end tests of bots built on telegraf: node:http only, on 127.0.0.1. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { finished } from "node:stream/promises";
import { Changes } from "./wait-for.ts";
import { watchGroupMessages, type GroupMessage } from "./privacy-watch.ts";

/** Options of a {@link TelegramEmulator}. */
export interface EmulatorOptions {
  token: string;
  /** Default "linli_test_bot". */
  botUsername?: string;
  /** Send limits: per chat per second (1), per group per minute (20), overall per second (30). */
  limits?: { perChatPerSecond?: number; perGroupPerMinute?: number; overallPerSecond?: number };
  /** The clock for rate limits, message dates and record times (default `Date.now`). */
  now?: () => number;
}

/** A chat as a user update describes it. */
export interface TestChat {
  id: number;
  type: "group" | "supergroup" | "private";
  title?: string;
}

/** A user as a user update describes it. */
export interface TestUser {
  id: number;
  first_name: string;
  username?: string;
  language_code?: string;
}

/** A message the bot sent (sendMessage / sendDocument / sendPhoto), as accepted. */
export interface SentRecord {
  method: string;
  chatId: number | string;
  /** The text, or a document's or photo's caption. */
  text?: string;
  /** sendPhoto: the file_id of the photo sent (an uploaded one gets a new file_id). */
  photo?: string;
  /** sendPhoto with an upload (multipart/form-data): the file as received. */
  upload?: UploadedFile;
  replyMarkup?: unknown;
  messageId: number;
  at: number;
}

/** Any API call the bot made, refused or not. */
export interface CallRecord {
  method: string;
  params: Record<string, unknown>;
  at: number;
}

type Json = Record<string, unknown>;

/** A file the bot uploaded (a multipart/form-data part). */
export class UploadedFile {
  constructor(readonly name: string, readonly bytes: Uint8Array) {}
}
type Update = { update_id: number } & Json;
interface Queued { update: Update; redelivered: boolean; delivered: boolean }
interface Poll { limit: number; timer: NodeJS.Timeout; owner?: ServerResponse; finish: (result: Update[] | ApiError) => void }
interface SendTime { chatId: number | string; at: number }

class ApiError extends Error {
  constructor(readonly code: number, readonly description: string, readonly retryAfter?: number) {
    super(description);
  }
}
const bad = (what: string): ApiError => new ApiError(400, `Bad Request: ${what}`);
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const int = (v: unknown): number | undefined =>
  typeof v === "number" && Number.isFinite(v) ? Math.trunc(v) : typeof v === "string" && /^-?\d+$/.test(v) ? Number(v) : undefined;
const str = (v: unknown): string | undefined => (typeof v === "string" ? v : typeof v === "number" ? String(v) : undefined);

/** Parses a field that may arrive as an object or as a JSON string (form bodies, telegraf multipart). */
function jsonField(params: Json, name: string): unknown {
  const v = params[name];
  if (typeof v !== "string") return v ?? undefined;
  try {
    return JSON.parse(v) as unknown;
  } catch {
    throw bad(`can't parse ${name} JSON object`);
  }
}

/** Entities Telegram would add itself: ASCII bot commands and @mentions. */
function autoEntities(text: string): Json[] {
  const found: Json[] = [];
  for (const m of text.matchAll(/(^|\s)(\/[A-Za-z0-9_]{1,32}(?:@[A-Za-z0-9_]{3,32})?)(?![\w/])/g))
    found.push({ type: "bot_command", offset: m.index + (m[1] ?? "").length, length: (m[2] ?? "").length });
  for (const m of text.matchAll(/(^|[^\w/@])(@[A-Za-z0-9_]{5,32})(?!\w)/g))
    found.push({ type: "mention", offset: m.index + (m[1] ?? "").length, length: (m[2] ?? "").length });
  return found.sort((a, b) => Number(a.offset) - Number(b.offset));
}

/** An in-process Telegram Bot API: drive it as users would, then inspect what the bot did. */
export class TelegramEmulator {
  /** Accepted sendMessage / sendDocument / sendPhoto results, in order of acceptance. */
  readonly sent: SentRecord[] = [];
  /** Every API call, including refused ones. */
  readonly calls: CallRecord[] = [];
  /** Webhook deliveries the bot's server did not accept (each is kept and tried again by `retryDeliveries`). */
  failedDeliveries = 0;
  /** Answers queued per method, taken one per call before the method runs: an HTTP status and its description. */
  readonly #failures = new Map<string, Array<{ status: number; description: string }>>();
  /** setMyCommands calls. */
  readonly commands: Array<{ commands: unknown; language_code?: string; scope?: unknown }> = [];
  /** What the bot sent or edited in group chats, with its buttons' labels: scanned for private details after each test. */
  readonly groupMessages: GroupMessage[] = [];
  /** callback_query ids answered. */
  readonly answeredCallbacks: string[] = [];

  private readonly now: () => number;
  private readonly limits: { perChat: number; perGroup: number; overall: number };
  private readonly botUser: Json;
  private readonly server: Server;
  private readonly abort = new AbortController();
  private readonly inflight = new Set<Promise<void>>();
  private queue: Queued[] = [];
  private readonly history = new Map<number, Update>();
  private readonly messages = new Map<string, Json>();
  private readonly nextMessageId = new Map<number | string, number>();
  private readonly chats = new Map<number, TestChat>();
  private readonly admins = new Map<number, number[]>();
  private readonly adminCallCount = new Map<number, number>();
  private readonly blocked = new Set<number>();
  private readonly callbackIds = new Set<string>();
  private readonly myCommands = new Map<string, unknown>();
  private readonly sendTimes: SendTime[] = [];
  private readonly files = new Map<string, { path: string; bytes: Uint8Array }>();
  /** The file ids of photos users sent: the only ones sendPhoto takes (as Telegram knows only the files it keeps). */
  private readonly photoIds = new Set<string>();
  private readonly changes = new Changes();
  /** How many files were downloaded from /file/bot<token>/… */
  fileDownloads = 0;
  private allowedUpdates: string[] | null = null;
  private hook: { url: string; secret?: string } | null = null;
  private poll: Poll | null = null;
  private pumping = false;
  private stopped = false;
  private lastUpdateId = 100_000;
  private lastCallbackId = 0;
  private lastPhoto = 0;
  private refused = 0;

  /** Creates an emulator for `options.token`; call {@link start} to listen. */
  constructor(private readonly options: EmulatorOptions) {
    this.now = options.now ?? Date.now;
    const l = options.limits ?? {};
    this.limits = { perChat: l.perChatPerSecond ?? 1, perGroup: l.perGroupPerMinute ?? 20, overall: l.overallPerSecond ?? 30 };
    const id = Number.parseInt(options.token.split(":")[0] ?? "", 10);
    this.botUser = { id: Number.isNaN(id) ? 0 : id, is_bot: true, first_name: "Linli", username: options.botUsername ?? "linli_test_bot" };
    this.server = createServer((req, res) => {
      const done = this.serve(req, res)
        .catch(() => undefined)
        .finally(() => this.changes.changed());
      this.inflight.add(done);
      void done.finally(() => this.inflight.delete(done));
    });
    watchGroupMessages("Telegram emulator", () => this.groupMessages);
  }

  /** How many calls were refused with 429. */
  get rejected429(): number {
    return this.refused;
  }

  /** Listens on 127.0.0.1 on a free port; resolves the apiRoot ("http://127.0.0.1:PORT"). */
  start(): Promise<string> {
    return new Promise((resolve, reject) => {
      this.server.once("error", reject);
      this.server.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(this.server.address() as AddressInfo).port}`));
    });
  }

  /** Answers a pending long poll with [], stops webhook delivery and closes the server. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.abort.abort();
    this.endPoll([]);
    await Promise.allSettled([...this.inflight]);
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  /** Queues a user's text message (entities for ASCII /commands and @mentions are added unless given); returns the update_id. */
  userMessage(input: { chat: TestChat; from: TestUser; text: string; entities?: unknown[]; reply_to_message?: unknown }): number {
    const entities = input.entities ?? autoEntities(input.text);
    return this.enqueue({
      message: {
        ...this.userMessageBase(input.chat, input.from),
        text: input.text,
        ...(entities.length > 0 ? { entities } : {}),
        ...(input.reply_to_message === undefined ? {} : { reply_to_message: input.reply_to_message }),
      },
    });
  }

  /** Queues a `callback_query` for a button under message `messageId`; returns the update_id. */
  pressButton(input: { chatId: number; messageId: number; from: TestUser; data: string }): number {
    const id = String(4_000_000_000 + ++this.lastCallbackId);
    this.callbackIds.add(id);
    const chat = this.chatOf(input.chatId);
    const message = this.messages.get(`${input.chatId}:${input.messageId}`) ?? { message_id: input.messageId, chat, date: 0 };
    return this.enqueue({
      callback_query: { id, from: { ...input.from, is_bot: false }, message, chat_instance: String(input.chatId), data: input.data },
    });
  }

  /** Queues a user's voice message with these audio bytes (fetched through getFile and /file/bot<token>/…); returns the update_id. */
  userVoice(input: { chat: TestChat; from: TestUser; audio: Uint8Array; seconds: number; mime?: string; reply_to_message?: unknown }): number {
    const fileId = `voice-${this.files.size + 1}`;
    this.files.set(fileId, { path: `voice/file_${this.files.size}.oga`, bytes: input.audio });
    return this.enqueue({
      message: {
        ...this.userMessageBase(input.chat, input.from),
        voice: { file_id: fileId, file_unique_id: `u${fileId}`, duration: input.seconds, mime_type: input.mime ?? "audio/ogg", file_size: input.audio.length },
        ...(input.reply_to_message === undefined ? {} : { reply_to_message: input.reply_to_message }),
      },
    });
  }

  /**
   * Queues a user's photo, with an optional caption (entities for ASCII /commands and @mentions added unless given), in
   * three sizes as Telegram sends them, smallest first; returns the update_id and the largest size's file_id (the one
   * a bot sends on). `fileId` names the largest size (default "photo-<n>").
   */
  userPhoto(input: { chat: TestChat; from: TestUser; caption?: string; caption_entities?: unknown[]; fileId?: string; reply_to_message?: unknown }): { updateId: number; fileId: string } {
    const fileId = input.fileId ?? `photo-${++this.lastPhoto}`;
    const sizes = [
      { file_id: `${fileId}-s`, width: 90, height: 68, file_size: 1_200 },
      { file_id: `${fileId}-m`, width: 320, height: 240, file_size: 14_000 },
      { file_id: fileId, width: 1280, height: 960, file_size: 120_000 },
    ].map((size) => ({ ...size, file_unique_id: `u${size.file_id}` }));
    for (const size of sizes) this.photoIds.add(size.file_id);
    const entities = input.caption === undefined ? [] : (input.caption_entities ?? autoEntities(input.caption));
    const updateId = this.enqueue({
      message: {
        ...this.userMessageBase(input.chat, input.from),
        photo: sizes,
        ...(input.caption === undefined ? {} : { caption: input.caption }),
        ...(entities.length > 0 ? { caption_entities: entities } : {}),
        ...(input.reply_to_message === undefined ? {} : { reply_to_message: input.reply_to_message }),
      },
    });
    return { updateId, fileId };
  }

  /** The files the bot uploaded as photos to `chatId` (sendPhoto, multipart), in order. */
  uploadsTo(chatId: number | string): UploadedFile[] {
    return this.sent.filter((one) => one.method === "sendPhoto" && one.upload && String(one.chatId) === String(chatId)).map((one) => one.upload!);
  }

  /** The photos (file ids) the bot sent to `chatId`, in order. */
  photosTo(chatId: number | string): string[] {
    return this.sent.filter((one) => one.method === "sendPhoto" && String(one.chatId) === String(chatId)).map((one) => one.photo!);
  }

  /** Queues a service message announcing `members` joined; returns the update_id. */
  memberJoined(input: { chat: TestChat; from: TestUser; members: Array<{ id: number; first_name: string; is_bot?: boolean }> }): number {
    const members = input.members.map((m) => ({ ...m, is_bot: m.is_bot ?? false }));
    return this.enqueue({ message: { ...this.userMessageBase(input.chat, input.from), new_chat_members: members, new_chat_member: members[0] } });
  }

  /** Updates not yet confirmed: by a later getUpdates offset (polling) or a 2xx webhook answer (given after handling). */
  get pendingUpdates(): number {
    return this.queue.length;
  }

  /** Queues update `updateId` again with the same update_id; it is delivered once even if already confirmed. */
  redeliver(updateId: number): void {
    const update = this.history.get(updateId);
    if (update === undefined) throw new Error(`redeliver: no update ${updateId}`);
    this.push({ update, redelivered: true, delivered: false });
  }

  /** Sets a chat's administrators for getChatAdministrators: the first is the creator. */
  setAdmins(chatId: number, userIds: number[]): void {
    this.admins.set(chatId, [...userIds]);
  }

  /** The next calls of `method` fail, one per status given, as a real server can (a 5xx, a 404 for a missing method). */
  failNext(method: string, ...statuses: number[]): void {
    const queue = this.#failures.get(method) ?? [];
    for (const status of statuses) queue.push({ status, description: status === 404 ? "Not Found: method not found" : `Server error ${status}` });
    this.#failures.set(method, queue);
  }

  /** Makes sends to this user's private chat fail with 403, as for a user who never started the bot. */
  blockPrivate(userId: number): void {
    this.blocked.add(userId);
  }

  /** How many getChatAdministrators calls were made for `chatId`. */
  adminCalls(chatId: number): number {
    return this.adminCallCount.get(chatId) ?? 0;
  }

  /** The webhook currently set, if any. */
  webhook(): { url: string; secret?: string } | null {
    return this.hook === null ? null : { ...this.hook };
  }

  /** Resolves once `predicate()` holds: checked now and after each call, answer, update queued and webhook delivery. */
  waitFor(predicate: () => boolean): Promise<void> {
    return this.changes.until(predicate);
  }

  private userMessageBase(chat: TestChat, from: TestUser): Json {
    this.chats.set(chat.id, { ...chat });
    return { message_id: this.messageId(chat.id), from: { ...from, is_bot: false }, chat: { ...chat }, date: Math.floor(this.now() / 1000) };
  }

  private messageId(chatId: number | string): number {
    const id = (this.nextMessageId.get(chatId) ?? 0) + 1;
    this.nextMessageId.set(chatId, id);
    return id;
  }

  private chatOf(chatId: number | string): Json {
    if (typeof chatId === "string") return { id: chatId, type: "channel" };
    const known = this.chats.get(chatId);
    return known ? { ...known } : { id: chatId, type: chatId > 0 ? "private" : "supergroup" };
  }

  private enqueue(body: Json): number {
    const update: Update = { update_id: ++this.lastUpdateId, ...body };
    this.history.set(update.update_id, update);
    this.push({ update, redelivered: false, delivered: false });
    return update.update_id;
  }

  /** Try the webhook deliveries that failed again, as Telegram does after a while. */
  retryDeliveries(): void {
    if (this.hook) void this.pump();
  }

  private push(entry: Queued): void {
    this.queue.push(entry);
    this.queue.sort((a, b) => a.update.update_id - b.update.update_id);
    this.changes.changed();
    if (this.hook) void this.pump();
    else if (this.poll) {
      const ready = this.take(this.poll.limit);
      if (ready.length > 0) this.endPoll(ready);
    }
  }

  private take(limit: number): Update[] {
    if (this.allowedUpdates) {
      const allowed = this.allowedUpdates;
      this.queue = this.queue.filter((e) => Object.keys(e.update).some((k) => allowed.includes(k)));
    }
    const batch = this.queue.slice(0, limit);
    for (const e of batch) e.delivered = true;
    return batch.map((e) => e.update);
  }

  private endPoll(result: Update[] | ApiError): void {
    const poll = this.poll;
    if (!poll) return;
    this.poll = null;
    clearTimeout(poll.timer);
    poll.finish(result);
  }

  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      while (this.hook && !this.stopped) {
        const entry = this.queue[0];
        if (!entry) break;
        const delivered = await this.deliver(this.hook, entry.update);
        if (delivered) this.queue = this.queue.filter((e) => e !== entry);
        else this.failedDeliveries += 1;
        this.changes.changed();
        // Telegram retries a failed delivery after a while; here the retry waits for `retryDeliveries()`, a new update
        // or a setWebhook, so no test depends on the clock.
        if (!delivered) break;
      }
    } catch {
      // aborted by stop()
    } finally {
      this.pumping = false;
    }
  }

  private async deliver(hook: { url: string; secret?: string }, update: Update): Promise<boolean> {
    try {
      const headers: Record<string, string> = { "content-type": "application/json" };
      if (hook.secret !== undefined) headers["X-Telegram-Bot-Api-Secret-Token"] = hook.secret;
      const res = await fetch(hook.url, { method: "POST", headers, body: JSON.stringify(update), signal: this.abort.signal });
      const text = await res.text();
      if (!res.ok) return false;
      let reply: unknown = undefined;
      try {
        reply = JSON.parse(text) as unknown;
      } catch {
        // not a webhook reply
      }
      if (isObject(reply) && typeof reply.method === "string") {
        const { method, ...params } = reply;
        this.record(method, params);
        await this.call(method, params).catch(() => undefined); // a webhook reply's errors are not reported, as on Telegram
      }
      return true;
    } catch {
      return false;
    }
  }

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const rawBytes = Buffer.concat(chunks);
    const raw = rawBytes.toString("utf8");
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const download = /^\/file\/bot([^/]+)\/(.+)$/.exec(url.pathname);
    if (download) return this.serveFile(download[1]!, download[2]!, res);
    const path = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(url.pathname);
    let status = 200;
    let body: Json;
    if (!path) {
      status = 404;
      body = { ok: false, error_code: 404, description: "Not Found" };
    } else {
      const type = (req.headers["content-type"] ?? "").toLowerCase();
      const params: Json = Object.fromEntries(url.searchParams);
      let invalid = false;
      try {
        if (type.startsWith("application/json") && raw.trim() !== "") {
          const parsed = JSON.parse(raw) as unknown;
          if (isObject(parsed)) Object.assign(params, parsed);
        } else if (type.startsWith("application/x-www-form-urlencoded")) Object.assign(params, Object.fromEntries(new URLSearchParams(raw)));
        else if (type.startsWith("multipart/form-data")) {
          // An upload (sendPhoto with a file): fields as text (JSON ones as Telegram reads them), files as UploadedFile.
          const form = await new Response(rawBytes, { headers: { "content-type": req.headers["content-type"]! } }).formData();
          for (const [key, value] of form) {
            params[key] = typeof value === "string" ? value : new UploadedFile(value.name, new Uint8Array(await value.arrayBuffer()));
          }
        }
      } catch {
        invalid = true;
      }
      const method = path[2] ?? "";
      this.record(method, params);
      res.on("close", () => {
        if (!res.writableFinished && this.poll?.owner === res) this.endPoll([]); // the client gave up its long poll
      });
      try {
        if (path[1] !== this.options.token) throw new ApiError(401, "Unauthorized");
        if (type.startsWith("multipart/") && method !== "sendPhoto") throw bad("multipart is supported by the emulator only for sendPhoto");
        if (invalid) throw bad("can't parse request JSON object");
        const failure = this.#failures.get(method)?.shift();
        if (failure) throw new ApiError(failure.status, failure.description);
        body = { ok: true, result: await this.call(method, params, res) };
      } catch (caught) {
        const err = caught instanceof ApiError ? caught : new ApiError(500, `Internal Server Error: emulator bug: ${String(caught)}`);
        status = err.code;
        body = { ok: false, error_code: err.code, description: err.description };
        if (err.retryAfter !== undefined) body.parameters = { retry_after: err.retryAfter };
      }
    }
    if (res.destroyed) return;
    res.writeHead(status, { "content-type": "application/json" });
    res.end(JSON.stringify(body));
    await finished(res).catch(() => undefined);
  }

  /** A file's bytes, as Telegram serves them at /file/bot<token>/<file_path>. */
  private serveFile(token: string, filePath: string, res: ServerResponse): void {
    const file = [...this.files.values()].find((one) => one.path === filePath);
    if (token !== this.options.token || !file) {
      res.writeHead(404).end();
      return;
    }
    this.fileDownloads += 1;
    res.writeHead(200, { "content-type": "application/octet-stream" });
    res.end(Buffer.from(file.bytes));
  }

  private record(method: string, params: Json): void {
    this.calls.push({ method, params, at: this.now() });
    this.changes.changed();
  }

  private async call(method: string, params: Json, owner?: ServerResponse): Promise<unknown> {
    switch (method.toLowerCase()) {
      case "getme":
        return { ...this.botUser };
      case "getupdates":
        return this.getUpdates(params, owner);
      case "setwebhook": {
        const url = str(params.url) ?? "";
        const secret = str(params.secret_token);
        if (jsonField(params, "drop_pending_updates") === true) this.queue = [];
        this.setAllowed(params);
        this.hook = url === "" ? null : { url, ...(secret === undefined ? {} : { secret }) };
        if (this.hook) {
          this.endPoll(new ApiError(409, "Conflict: terminated by setWebhook request"));
          void this.pump();
        }
        return true;
      }
      case "deletewebhook":
        if (jsonField(params, "drop_pending_updates") === true) this.queue = [];
        this.hook = null;
        return true;
      case "getwebhookinfo":
        return { url: this.hook?.url ?? "", has_custom_certificate: false, pending_update_count: this.queue.length };
      case "sendmessage":
        return this.send("sendMessage", params);
      case "senddocument":
        return this.send("sendDocument", params);
      case "sendphoto":
        return this.send("sendPhoto", params);
      case "editmessagetext":
        return this.edit(params);
      case "answercallbackquery": {
        const id = str(params.callback_query_id) ?? "";
        if (!this.callbackIds.has(id)) throw bad("query is too old and response timeout expired or query ID is invalid");
        this.answeredCallbacks.push(id);
        return true;
      }
      case "getchatadministrators": {
        const chatId = this.chatId(params);
        if (typeof chatId === "number") this.adminCallCount.set(chatId, this.adminCalls(chatId) + 1);
        if (typeof chatId === "number" && chatId > 0) throw bad("there are no administrators in the private chat");
        const ids = typeof chatId === "number" ? this.admins.get(chatId) ?? [] : [];
        return ids.map((id, i) => ({ status: i === 0 ? "creator" : "administrator", user: { id, is_bot: false, first_name: `User${id}` } }));
      }
      case "setmycommands": {
        const commands = jsonField(params, "commands");
        if (!Array.isArray(commands)) throw bad("parameter \"commands\" is required");
        const scope = jsonField(params, "scope");
        const language_code = str(params.language_code);
        this.commands.push({ commands, ...(language_code === undefined ? {} : { language_code }), ...(scope === undefined ? {} : { scope }) });
        this.myCommands.set(this.commandsKey(params), commands);
        return true;
      }
      case "deletemycommands":
        this.myCommands.delete(this.commandsKey(params));
        return true;
      case "getmycommands":
        return this.myCommands.get(this.commandsKey(params)) ?? [];
      case "sendchataction":
        return true;
      case "getfile": {
        const file = this.files.get(String(params.file_id));
        if (!file) throw bad("wrong file_id or the file is temporarily unavailable");
        return { file_id: params.file_id, file_unique_id: `u${String(params.file_id)}`, file_size: file.bytes.length, file_path: file.path };
      }
      default:
        throw new ApiError(404, "Not Found: method not found");
    }
  }

  private async getUpdates(params: Json, owner?: ServerResponse): Promise<Update[]> {
    if (this.hook) throw new ApiError(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
    const offset = int(params.offset) ?? 0;
    if (offset < 0) this.queue = this.queue.slice(offset);
    else this.queue = this.queue.filter((e) => e.update.update_id >= offset || (e.redelivered && !e.delivered));
    this.setAllowed(params);
    const limit = Math.min(100, Math.max(1, int(params.limit) ?? 100));
    const ready = this.take(limit);
    const timeout = Math.max(0, int(params.timeout) ?? 0);
    if (ready.length > 0 || timeout === 0 || this.stopped) return ready;
    this.endPoll(new ApiError(409, "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running"));
    const result = await new Promise<Update[] | ApiError>((finish) => {
      this.poll = { limit, finish, owner, timer: setTimeout(() => this.endPoll([]), timeout * 1000) };
    });
    if (result instanceof ApiError) throw result;
    return result;
  }

  private setAllowed(params: Json): void {
    const allowed = jsonField(params, "allowed_updates");
    if (Array.isArray(allowed)) this.allowedUpdates = allowed.length === 0 ? null : allowed.filter((a): a is string => typeof a === "string");
  }

  private commandsKey(params: Json): string {
    return `${JSON.stringify(jsonField(params, "scope") ?? { type: "default" })}|${str(params.language_code) ?? ""}`;
  }

  private chatId(params: Json): number | string {
    const id = int(params.chat_id) ?? str(params.chat_id);
    if (id === undefined || id === "") throw bad("chat_id is empty");
    return id;
  }

  /** Validates a reply_markup (object or JSON string); returns it parsed. */
  private markup(params: Json): Json | undefined {
    const markup = jsonField(params, "reply_markup");
    if (markup === undefined) return undefined;
    if (!isObject(markup)) throw bad("can't parse reply keyboard markup JSON object");
    const rows = markup.inline_keyboard;
    if (rows !== undefined) {
      if (!Array.isArray(rows) || !rows.every(Array.isArray)) throw bad("field \"inline_keyboard\" of the InlineKeyboardMarkup should be an Array of Arrays");
      for (const button of rows.flat() as unknown[]) {
        if (!isObject(button) || typeof button.text !== "string") throw bad("can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard");
        const data = button.callback_data;
        if (data !== undefined && (typeof data !== "string" || Buffer.byteLength(data) < 1 || Buffer.byteLength(data) > 64)) throw bad("BUTTON_DATA_INVALID");
      }
    }
    return markup;
  }

  private checkText(text: string | undefined): string {
    if (text === undefined || text.trim() === "") throw bad("message text is empty");
    if (text.length > 4096) throw bad("message is too long");
    return text;
  }

  /** Throws 429 if a send to `chatId` now would exceed a limit; otherwise counts it. */
  private throttle(chatId: number | string): void {
    const t = this.now();
    while (this.sendTimes.length > 0 && (this.sendTimes[0]?.at ?? t) <= t - 60_000) this.sendTimes.shift();
    const within = (ms: number, same: boolean) => this.sendTimes.filter((s) => s.at > t - ms && (!same || s.chatId === chatId));
    const checks: Array<[SendTime[], number, number]> = [[within(1000, true), this.limits.perChat, 1000], [within(1000, false), this.limits.overall, 1000]];
    if (typeof chatId === "number" && chatId < 0) checks.push([within(60_000, true), this.limits.perGroup, 60_000]);
    let retry = 0;
    for (const [list, limit, windowMs] of checks) {
      const freeing = list[list.length - limit];
      if (list.length >= limit && freeing) retry = Math.max(retry, Math.max(1, Math.ceil((freeing.at + windowMs - t) / 1000)));
    }
    if (retry > 0) {
      this.refused++;
      throw new ApiError(429, `Too Many Requests: retry after ${retry}`, retry);
    }
    this.sendTimes.push({ chatId, at: t });
  }

  private send(method: "sendMessage" | "sendDocument" | "sendPhoto", params: Json): Json {
    const chatId = this.chatId(params);
    let text: string | undefined;
    let extra: Json;
    let photo: string | undefined;
    let upload: UploadedFile | undefined;
    if (method === "sendMessage") {
      text = this.checkText(str(params.text));
      extra = { text };
    } else if (method === "sendPhoto") {
      // By file id, or uploaded (multipart): then an image Telegram can read (PNG or JPEG, at most 10 MB) gets a file id.
      if (params.photo instanceof UploadedFile) {
        upload = params.photo;
        if (upload.bytes.length > 10 * 1024 * 1024) throw bad("file is too big");
        const png = [0x89, 0x50, 0x4e, 0x47].every((byte, index) => upload!.bytes[index] === byte);
        const jpeg = upload.bytes[0] === 0xff && upload.bytes[1] === 0xd8;
        if (!png && !jpeg) throw bad("IMAGE_PROCESS_FAILED");
        photo = `upload-${++this.lastPhoto}`;
        this.photoIds.add(photo);
      } else photo = str(params.photo);
      if (photo === undefined || photo === "") throw bad("there is no photo in the request");
      if (!this.photoIds.has(photo)) throw bad("wrong file identifier/HTTP URL specified");
      text = str(params.caption);
      if (text !== undefined && text.length > 1024) throw bad("message caption is too long");
      extra = { photo: [{ file_id: photo, file_unique_id: `u${photo}`, width: 1280, height: 960 }], ...(text === undefined ? {} : { caption: text }) };
    } else {
      const document = str(params.document);
      if (document === undefined || document === "") throw bad("there is no document in the request");
      text = str(params.caption);
      if (text !== undefined && text.length > 1024) throw bad("message caption is too long");
      extra = { document: { file_id: document, file_unique_id: `u${document.length}` }, ...(text === undefined ? {} : { caption: text }) };
    }
    const markup = this.markup(params);
    if (typeof chatId === "number" && this.blocked.has(chatId)) throw new ApiError(403, "Forbidden: bot can't initiate conversation with a user");
    this.throttle(chatId);
    const replyTo = this.messages.get(`${chatId}:${int(params.reply_to_message_id) ?? ""}`);
    const message: Json = {
      message_id: this.messageId(chatId),
      from: { ...this.botUser },
      chat: this.chatOf(chatId),
      date: Math.floor(this.now() / 1000),
      ...extra,
      ...(replyTo ? { reply_to_message: replyTo } : {}),
      ...(markup?.inline_keyboard ? { reply_markup: markup } : {}),
    };
    this.messages.set(`${chatId}:${String(message.message_id)}`, message);
    this.sent.push({
      method,
      chatId,
      ...(text === undefined ? {} : { text }),
      ...(photo === undefined ? {} : { photo }),
      ...(upload === undefined ? {} : { upload }),
      ...(markup === undefined ? {} : { replyMarkup: markup }),
      messageId: Number(message.message_id),
      at: this.now(),
    });
    this.recordGroupMessage(chatId, text, markup);
    return message;
  }

  private edit(params: Json): Json {
    const chatId = this.chatId(params);
    const text = this.checkText(str(params.text));
    const markup = this.markup(params);
    const key = `${chatId}:${int(params.message_id) ?? ""}`;
    const message = this.messages.get(key);
    if (!message) throw bad("message to edit not found");
    const newMarkup = markup?.inline_keyboard ? markup : undefined;
    if (message.text === text && JSON.stringify(message.reply_markup) === JSON.stringify(newMarkup))
      throw bad("message is not modified: specified new message content and reply markup are exactly the same as a content and reply markup of the current message");
    this.throttle(chatId);
    const { reply_markup: _old, ...rest } = message;
    const edited: Json = { ...rest, text, edit_date: Math.floor(this.now() / 1000), ...(newMarkup ? { reply_markup: newMarkup } : {}) };
    this.messages.set(key, edited);
    this.recordGroupMessage(chatId, text, markup);
    return edited;
  }

  /** Keeps a text sent to a group (or channel), with its buttons' labels, for the privacy scan. */
  private recordGroupMessage(chatId: number | string, text: string | undefined, markup: Json | undefined): void {
    if (this.chatOf(chatId).type === "private") return;
    const rows = Array.isArray(markup?.inline_keyboard) ? (markup.inline_keyboard as unknown[][]) : [];
    const labels = rows.flat().flatMap((button) => (isObject(button) && typeof button.text === "string" ? [button.text] : []));
    const all = [text ?? "", ...labels].filter((one) => one !== "").join("\n");
    if (all !== "") this.groupMessages.push({ chat: String(chatId), text: all, group: true });
  }
}
