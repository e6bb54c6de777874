/**
 * The Telegram adapter, on telegraf: long polling or a webhook on Linli's own HTTP server (telegraf's
 * `launch({ webhook })` insists on https, see platform-facts.md), updates translated into InboundMessages (stable ids
 * from update and message ids, the sender's admin status from getChatAdministrators, cached), and sends paced to
 * Telegram's limits, with expected failures (429, a user who never pressed Start) answered as values. Photos arrive by
 * their largest size's file_id and are sent on by it (sendPhoto after the text).
 * Only this folder imports telegraf.
 */
import { createServer, type Server } from "node:http";
import { Input, Telegraf, TelegramError } from "telegraf";
import type { Update, Message, User, Chat, PhotoSize } from "telegraf/types";
import type { AdapterCapabilities, ChatAdapter, ChatRef, InboundHandler, InboundMessage, PictureFile, RenderedMessage, SendResult, UserRef } from "../../src/chat/types.ts";
import type { Logger } from "../../src/logger.ts";
import { Pacer, TELEGRAM_LIMITS, type PaceLimits } from "./pacer.ts";
import { botCommands, type BotCommand } from "./commands.ts";
import { realDelay, retrying, startupWaitMs, type Delay, type Verdict } from "../../src/infra/backoff.ts";

/** How to reach Telegram and how updates arrive. */
export interface TelegramOptions {
  token: string;
  apiRoot?: string;
  mode: "polling" | "webhook";
  webhook?: { url: string; port: number; secret: string; host?: string | undefined } | undefined;
  log: Logger;
  /** Long-poll timeout in seconds (Telegram's default is 50; tests use less). */
  pollTimeout?: number;
  limits?: PaceLimits;
  now?: () => number;
  /** How long a chat's admin list is trusted. */
  adminTtlMs?: number;
  /** Waits between start-up retries (tests resolve it at once; the real one honours `signal`). */
  delay?: Delay;
  /** How long a getChatAdministrators call may take before the message goes on without it (default 5 s). */
  adminLookupTimeoutMs?: number;
}

/** The menu is cosmetic: a few tries, then it is left as it is. */
const MENU_ATTEMPTS = 5;

/** Whether a failed call may succeed if tried again: a 5xx, a 429, a timeout or a network error; not a 4xx. */
function transient(error: unknown): boolean {
  if (error instanceof TelegramError) return error.code >= 500 || error.code === 429;
  return true; // no answer from the server at all: refused, reset, timed out
}

const ADMIN_TTL_MS = 10 * 60_000;
/** The most texts remembered as sent with their photo still to go (the oldest are forgotten first). */
const OWED_PHOTOS = 1000;

/** The Telegram ChatAdapter. */
export class TelegramAdapter implements ChatAdapter {
  readonly platform = "telegram" as const;
  readonly capabilities: AdapterCapabilities = {
    buttons: true,
    privateToNonContacts: false,
    mentions: true,
    edits: true,
    files: false,
    photos: true,
    maxTextLength: 4096,
    format: "plain",
  };
  readonly #bot: Telegraf;
  readonly #pacer: Pacer;
  readonly #admins = new Map<string, { ids: Set<number>; until: number }>();
  /** Chats whose admin list could not be fetched: how often in a row, and not to be asked again before `retryAt`. */
  readonly #adminFailures = new Map<string, { failures: number; retryAt: number }>();
  readonly #groups = new Set<string>();
  /**
   * Texts sent whose photo is still to go (the photo was paced, or failed in a way that may pass), by chat, file id and
   * text, with the text's message id: the outbox tries the same part again, and then only the photo is sent.
   */
  readonly #owedPhotos = new Map<string, string>();
  #server: Server | undefined;
  #username = "";
  #polling: Promise<void> | undefined;
  #menu: Promise<void> | undefined;
  #webhookRetries: Promise<void> | undefined;
  /** Ends start-up's retries (getMe, the menu, the webhook) when the bot stops. */
  #starting: AbortController | undefined;
  #abort: AbortController | undefined;

  constructor(private readonly options: TelegramOptions) {
    this.#bot = new Telegraf(options.token, { telegram: { apiRoot: options.apiRoot ?? "https://api.telegram.org" }, handlerTimeout: 60_000 });
    this.#pacer = new Pacer(options.limits ?? TELEGRAM_LIMITS, options.now ?? Date.now);
  }

  /** The bot's @username, known after start. */
  get username(): string {
    return this.#username;
  }

  async start(onMessage: InboundHandler): Promise<void> {
    this.#starting = new AbortController();
    const me = await this.#getMe(this.#starting.signal);
    this.#username = me.username;
    this.#bot.botInfo = me; // so telegraf never calls getMe again on its own, outside any error handling
    this.#bot.on("message", (ctx) => this.#safely(() => this.#message(ctx.update as Update.MessageUpdate, onMessage)));
    this.#bot.on("callback_query", (ctx) => this.#safely(() => this.#callback(ctx.update as Update.CallbackQueryUpdate, onMessage)));
    this.#bot.catch((error) => this.options.log.error({ err: this.#scrub(error) }, "telegram update failed"));
    // The menu is cosmetic: a failure is logged and retried in the background, and never stops the bot.
    this.#menu = (await this.#setCommands(this.#starting.signal)).retries;
    if (this.options.mode === "webhook") await this.#startWebhook(this.#starting.signal);
    else await this.#startPolling();
  }

  async stop(): Promise<void> {
    this.#starting?.abort();
    await this.#menu;
    await this.#webhookRetries;
    if (this.#polling) {
      this.#abort?.abort();
      await this.#polling; // the loop ends as soon as its long poll is aborted, after the update in hand
      this.#polling = undefined;
    }
    if (this.#server) {
      const server = this.#server;
      this.#server = undefined;
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  }

  async send(chatId: string, message: RenderedMessage): Promise<SendResult> {
    return this.#send(chatId, message, this.#groups.has(chatId) || chatId.startsWith("-"));
  }

  async sendPrivate(userId: string, message: RenderedMessage): Promise<SendResult> {
    return this.#send(userId, message, false);
  }

  async #send(chatId: string, message: RenderedMessage, group: boolean): Promise<SendResult> {
    // A photo sent on by its file id, or a picture the bot made (uploaded): known by its saved path.
    const photo = message.photo?.ref ?? message.picture;
    const owed = photo === undefined ? undefined : owedKey(chatId, typeof photo === "string" ? photo : photo.path, message.text);
    const textId = owed === undefined ? undefined : this.#owedPhotos.get(owed);
    if (photo !== undefined && owed !== undefined && textId !== undefined) return this.#sendPhoto(chatId, photo, owed, textId, group);
    const wait = this.#pacer.reserve(chatId, group);
    if (wait > 0) return { ok: false, reason: "rate-limited", retryAfterMs: wait };
    const { text, entities } = withMentions(message, this.capabilities.maxTextLength);
    // callback_data is at most 64 bytes; every reply Linli offers is a short command, so a longer one is a bug, not cut.
    const buttons = (message.buttons ?? []).filter((button) => new TextEncoder().encode(button.reply).length <= 64);
    try {
      const sent = await this.#bot.telegram.sendMessage(chatId, text, {
        ...(entities.length ? { entities } : {}),
        ...(buttons.length ? { reply_markup: { inline_keyboard: buttons.map((button) => [{ text: button.label, callback_data: button.reply }]) } } : {}),
      });
      // As a reply to it names it: "<chat>:<message>".
      const sentId = `${chatId}:${sent.message_id}`;
      return photo !== undefined && owed !== undefined ? await this.#sendPhoto(chatId, photo, owed, sentId, group) : { ok: true, platformMessageId: sentId };
    } catch (error) {
      return failure(error, !group && !chatId.startsWith("-"));
    }
  }

  /**
   * The photo after its text, by file id (Telegram keeps the file: nothing is uploaded), paced like any send. The text
   * is out, so it is never sent again for this part: when the photo must wait (pacing, a 429) or failed in a way that
   * may pass (5xx, no answer), the text is remembered as sent and the part's result is that wait or error, so the
   * outbox tries the part again later and only the photo goes then (after a restart, the text may go once more: the
   * outbox delivers at least once). A refusal that would never pass (a 400 for a file id Telegram does not know, a 403)
   * is logged, and the text counts as delivered: the photo is lost, the message is not. A picture the bot made (a
   * certificate) is uploaded the same way (sendPhoto as multipart/form-data).
   */
  async #sendPhoto(chatId: string, photo: string | PictureFile, owed: string, textId: string, group: boolean): Promise<SendResult> {
    const owe = <T extends SendResult>(result: T): T => {
      this.#owedPhotos.delete(owed);
      this.#owedPhotos.set(owed, textId);
      for (const oldest of this.#owedPhotos.keys()) {
        if (this.#owedPhotos.size <= OWED_PHOTOS) break;
        this.#owedPhotos.delete(oldest);
      }
      return result;
    };
    const wait = this.#pacer.reserve(chatId, group);
    if (wait > 0) return owe({ ok: false, reason: "rate-limited", retryAfterMs: wait });
    try {
      await this.#bot.telegram.sendPhoto(chatId, typeof photo === "string" ? photo : Input.fromBuffer(Buffer.from(photo.bytes), photo.name));
      this.#owedPhotos.delete(owed);
      return { ok: true, platformMessageId: textId };
    } catch (error) {
      if (transient(error)) {
        const result = failure(error, false); // rate-limited (a 429) or an error
        return owe(!result.ok && result.reason === "error" ? { ...result, detail: `the text went out, its photo did not: ${result.detail ?? ""}` } : result);
      }
      this.#owedPhotos.delete(owed);
      this.options.log.warn({ err: this.#scrub(error), chatId }, "Telegram refused to send a photo on; its text went out without it");
      return { ok: true, platformMessageId: textId };
    }
  }

  /**
   * Long polling, by our own loop rather than telegraf's launch() (which never resolves in 4.16.3, starts polling after
   * its onLaunch callback, and handles a batch's updates all at once): updates are handled one at a time, in order,
   * and an update is confirmed (the next offset) only after it was handled. Errors back off and retry (the first call,
   * deleteWebhook, too: polling cannot work while a webhook is set); stop() aborts.
   */
  async #startPolling(): Promise<void> {
    const abort = new AbortController();
    this.#abort = abort;
    this.#polling = (async () => {
      let offset = 0;
      let backoff = 500;
      try {
        await retrying(() => this.#bot.telegram.deleteWebhook(), { ...this.#retryOptions("deleteWebhook", abort.signal), verdict: (error) => this.#startupVerdict("deleteWebhook", error) });
      } catch (error) {
        if (abort.signal.aborted) return;
        this.options.log.error({ err: this.#scrub(error) }, "Telegram deleteWebhook failed: polling may be refused while a webhook is set");
      }
      while (!abort.signal.aborted) {
        try {
          const updates = await this.#bot.telegram.callApi(
            "getUpdates",
            { offset, timeout: this.options.pollTimeout ?? 50, allowed_updates: ["message", "callback_query"] },
            // telegraf types its signal as the abort-controller shim; node-fetch takes the native one.
            { signal: abort.signal as never },
          );
          for (const update of updates) {
            if (abort.signal.aborted) return;
            await this.#safely(() => this.#bot.handleUpdate(update));
            offset = update.update_id + 1;
          }
          backoff = 500;
        } catch (error) {
          if (abort.signal.aborted) return;
          this.options.log.warn({ err: this.#scrub(error) }, "telegram getUpdates failed; retrying");
          await new Promise((resolve) => setTimeout(resolve, backoff).unref());
          backoff = Math.min(backoff * 2, 30_000);
        }
      }
    })();
  }

  /**
   * The webhook: Linli's HTTP server listens first (a webhook set by an earlier run delivers at once), then setWebhook.
   * A refused token or a 404 stops the bot; a failure that may pass is logged and retried in the background with
   * backoff, while the bot already sends (and receives, if the webhook was set before).
   */
  async #startWebhook(signal: AbortSignal): Promise<void> {
    const webhook = this.options.webhook!;
    const path = new URL(webhook.url).pathname;
    const callback = this.#bot.webhookCallback(path, { secretToken: webhook.secret });
    this.#server = createServer((req, res) => {
      callback(req, res).catch((error: unknown) => {
        this.options.log.error({ err: this.#scrub(error) }, "telegram webhook update failed");
        if (!res.headersSent) res.writeHead(500).end(); // Telegram delivers it again; the dedupe keeps the effect once
      });
    });
    const server = this.#server;
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(webhook.port, webhook.host ?? "127.0.0.1", () => {
        server.off("error", reject);
        resolve();
      });
    });
    const setWebhook = () => this.#bot.telegram.setWebhook(webhook.url, { secret_token: webhook.secret, allowed_updates: ["message", "callback_query"] });
    try {
      await setWebhook();
    } catch (error) {
      const verdict = this.#startupVerdict("setWebhook", error);
      if (verdict !== "retry") throw verdict;
      const delay = this.options.delay ?? realDelay;
      this.options.log.warn({ err: this.#scrub(error), attempt: 1 }, "Telegram setWebhook failed; retrying in the background");
      this.#webhookRetries = (async () => {
        await delay(startupWaitMs(0), signal);
        if (signal.aborted) return;
        await retrying(setWebhook, { ...this.#retryOptions("setWebhook", signal), verdict: (failure) => this.#startupVerdict("setWebhook", failure) });
        this.options.log.info("Telegram webhook set");
      })().catch((failure: unknown) => {
        if (!signal.aborted) this.options.log.error({ err: this.#scrub(failure) }, "Telegram setWebhook failed for good: no updates arrive until it is set");
      });
    }
  }

  /** A start-up call's failure: retried when it may pass; a refused token or a wrong address stops with what to check. */
  #startupVerdict(method: string, error: unknown): Verdict {
    if (error instanceof TelegramError && error.code === 401) return new Error("Telegram refused the bot token (401 Unauthorized): check TELEGRAM_BOT_TOKEN");
    if (error instanceof TelegramError && error.code === 404) return new Error(`Telegram answered 404 to ${method}: check TELEGRAM_API_ROOT and TELEGRAM_BOT_TOKEN`);
    return transient(error) ? "retry" : error instanceof Error ? error : new Error(String(error));
  }

  #retryOptions(method: string, signal: AbortSignal) {
    return {
      signal,
      ...(this.options.delay ? { delay: this.options.delay } : {}),
      onRetry: ({ attempt, error, retryInMs }: { attempt: number; error: unknown; retryInMs: number }) =>
        this.options.log.warn({ err: this.#scrub(error), attempt, retryInMs }, `Telegram ${method} failed; retrying`),
    };
  }

  /** Who the bot is: retried while the server fails or cannot be reached; a refused token or a wrong address stops it. */
  async #getMe(signal: AbortSignal) {
    return retrying(() => this.#bot.telegram.getMe(), {
      ...this.#retryOptions("getMe", signal),
      verdict: (error) => (signal.aborted ? new Error("stopped while waiting for Telegram to answer getMe") : this.#startupVerdict("getMe", error)),
    });
  }

  /**
   * The command menu in Chinese, English and by default, each tried once; the ones that failed for a passing reason are
   * retried in the background a few times (`retries`). Failures are logged, never thrown.
   */
  async #setCommands(signal: AbortSignal): Promise<{ retries: Promise<void> }> {
    const menus = [
      { commands: botCommands("zh"), extra: { language_code: "zh" } },
      { commands: botCommands("en"), extra: { language_code: "en" } },
      { commands: botCommands("zh"), extra: {} },
    ];
    const failed: typeof menus = [];
    for (const menu of menus) if (!(await this.#setMenu(menu.commands, menu.extra, 0))) failed.push(menu);
    const retries = (async () => {
      for (const menu of failed) {
        for (let attempt = 1; attempt < MENU_ATTEMPTS && !signal.aborted; attempt += 1) {
          await (this.options.delay ?? realDelay)(startupWaitMs(attempt - 1), signal);
          if (signal.aborted || (await this.#setMenu(menu.commands, menu.extra, attempt))) break;
        }
      }
    })();
    return { retries };
  }

  /** One try at one menu: true when it is set, or when trying again would not help. */
  async #setMenu(commands: BotCommand[], extra: { language_code?: string }, attempt: number): Promise<boolean> {
    try {
      await this.#bot.telegram.setMyCommands(commands, extra);
      return true;
    } catch (error) {
      const again = transient(error) && attempt + 1 < MENU_ATTEMPTS;
      this.options.log.warn({ err: this.#scrub(error), attempt: attempt + 1, again }, "Telegram setMyCommands failed; the command menu may be missing");
      return !again;
    }
  }

  async #message(update: Update.MessageUpdate, onMessage: InboundHandler): Promise<void> {
    const message = update.message as Message &
      Partial<Message.TextMessage> &
      Partial<Message.NewChatMembersMessage> &
      Partial<Message.LeftChatMemberMessage> &
      Partial<Message.VoiceMessage> &
      Partial<Message.PhotoMessage>;
    const chat = chatRef(message.chat);
    if (chat.kind === "group") this.#groups.add(chat.id);
    if (message.new_chat_members?.length) return this.#membersChanged(message, "members_joined", message.new_chat_members, chat, onMessage);
    if (message.left_chat_member) return this.#membersChanged(message, "members_left", [message.left_chat_member], chat, onMessage);
    const voice = message.voice;
    const photo = largest(message.photo);
    // A photo's caption is its text (entities and the bot's @name as in a text message); none is "".
    const said = photo ? (message.caption ?? "") : message.text;
    if ((typeof said !== "string" && !voice) || !message.from || message.from.is_bot) return;
    const { text, addressed } = voice ? { text: "", addressed: false } : stripBotName(said!, this.#username);
    const repliedToBot = message.reply_to_message?.from?.username === this.#username;
    const inbound: InboundMessage = {
      id: `${chat.id}:${message.message_id}`,
      chat,
      sender: await this.#sender(message.from, chat),
      text,
      addressedToBot: chat.kind === "private" || addressed || repliedToBot,
      mentions: voice ? [] : mentionsOf(message),
      ...(message.reply_to_message ? { replyToId: `${chat.id}:${message.reply_to_message.message_id}` } : {}),
      sentAt: new Date(message.date * 1000),
      ...(voice
        ? { voice: { kind: "voice" as const, mime: voice.mime_type ?? "audio/ogg", seconds: voice.duration, fetch: () => this.#download(voice.file_id) } }
        : {}),
      ...(photo ? { photo: { platform: "telegram" as const, ref: photo.file_id } } : {}),
    };
    await onMessage(inbound);
  }

  /** A file's bytes (a voice message): getFile, then the file URL (which holds the token: errors are scrubbed). */
  async #download(fileId: string): Promise<Uint8Array> {
    try {
      const link = await this.#bot.telegram.getFileLink(fileId);
      const response = await fetch(link);
      if (!response.ok) throw new Error(`file download answered ${response.status}`);
      return new Uint8Array(await response.arrayBuffer());
    } catch (error) {
      throw new Error(this.#scrub(error).message);
    }
  }

  async #callback(update: Update.CallbackQueryUpdate, onMessage: InboundHandler): Promise<void> {
    const query = update.callback_query;
    // Always answered, so the button stops spinning, whatever happens next.
    await this.#bot.telegram.answerCbQuery(query.id).catch((error: unknown) => this.options.log.warn({ err: this.#scrub(error) }, "answerCallbackQuery failed"));
    if (!("data" in query) || !query.message) return;
    const chat = chatRef(query.message.chat as Chat);
    await onMessage({
      kind: "button_pressed",
      id: `cb:${query.id}`,
      chat,
      sender: await this.#sender(query.from, chat),
      data: query.data,
      messageId: `${chat.id}:${query.message.message_id}`,
      at: new Date(),
    });
    // A private ping's buttons are used once: after the press is handled they go, so it can't be pressed by mistake.
    if (chat.kind === "private" && "text" in query.message) {
      await this.#bot.telegram
        .editMessageText(chat.id, query.message.message_id, undefined, query.message.text)
        .catch((error: unknown) => this.options.log.warn({ err: this.#scrub(error) }, "could not remove the buttons"));
    }
  }

  /** People who joined or left a group, as a membership event (the pipeline records them and greets newcomers). */
  async #membersChanged(message: Message, kind: "members_joined" | "members_left", members: User[], chat: ChatRef, onEvent: InboundHandler): Promise<void> {
    const people = members.filter((member) => !member.is_bot);
    if (people.length === 0) return;
    await onEvent({ kind, id: `${chat.id}:${message.message_id}`, chat, members: people.map(userRef), at: new Date(message.date * 1000) });
  }

  /** The sender, with their admin status in a group when Telegram could tell it (unknown is left out, never "no"). */
  async #sender(user: User, chat: ChatRef): Promise<UserRef> {
    const isAdmin = chat.kind === "group" ? await this.#isAdmin(chat.id, user.id) : undefined;
    return { ...userRef(user), ...(isAdmin === undefined ? {} : { isAdmin }) };
  }

  /**
   * Whether the sender is an admin of the group, from getChatAdministrators (cached). A failed lookup (5xx, timeout,
   * network) never fails the message: the last list known is used, or, with none, the status is left unknown (the
   * pipeline keeps the one it recorded); the chat is not asked again before a backoff (1 s, 2 s, 4 s … a minute).
   */
  async #isAdmin(chatId: string, userId: number): Promise<boolean | undefined> {
    const now = (this.options.now ?? Date.now)();
    const cached = this.#admins.get(chatId);
    if (cached && cached.until > now) return cached.ids.has(userId);
    const failed = this.#adminFailures.get(chatId);
    if (failed && failed.retryAt > now) return cached?.ids.has(userId);
    try {
      const admins = await this.#bot.telegram.callApi("getChatAdministrators", { chat_id: chatId }, { signal: AbortSignal.timeout(this.options.adminLookupTimeoutMs ?? 5000) as never });
      const fresh = { ids: new Set(admins.map((member) => member.user.id)), until: now + (this.options.adminTtlMs ?? ADMIN_TTL_MS) };
      this.#admins.set(chatId, fresh);
      this.#adminFailures.delete(chatId);
      return fresh.ids.has(userId);
    } catch (error) {
      const failures = (failed?.failures ?? 0) + 1;
      const retryInMs = Math.round(startupWaitMs(failures - 1));
      this.#adminFailures.set(chatId, { failures, retryAt: now + retryInMs });
      this.options.log.warn({ err: this.#scrub(error), chatId, failures, retryInMs, fallback: cached ? "last known list" : "unknown" }, "getChatAdministrators failed");
      return cached?.ids.has(userId); // a failed lookup must not take anyone's admin rights away
    }
  }

  async #safely(work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (error) {
      this.options.log.error({ err: this.#scrub(error) }, "telegram update failed");
    }
  }

  /** An error fit for a log line: network errors quote the request URL, which holds the token. */
  #scrub(error: unknown): { message: string; stack?: string } {
    const hide = (text: string) => text.split(this.options.token).join("<token>");
    if (!(error instanceof Error)) return { message: hide(String(error)) };
    return { message: hide(error.message), ...(error.stack ? { stack: hide(error.stack) } : {}) };
  }
}

function chatRef(chat: Chat): ChatRef {
  const kind = chat.type === "private" ? "private" : "group";
  const title = "title" in chat ? chat.title : "first_name" in chat ? chat.first_name : "";
  return { platform: "telegram", id: String(chat.id), kind, title };
}

function userRef(user: User): UserRef {
  const name = [user.first_name, user.last_name].filter(Boolean).join(" ") || user.username || String(user.id);
  const lang = user.language_code?.startsWith("zh") ? "zh-CN" : user.language_code?.startsWith("en") ? "en" : undefined;
  return { platform: "telegram", id: String(user.id), displayName: name, ...(lang ? { lang } : {}) };
}

/** "/help@linli_bot" → "/help", "@linli_bot 谁有梯子" → "谁有梯子"; `addressed` when the bot's name was there. */
export function stripBotName(text: string, username: string): { text: string; addressed: boolean } {
  if (!username) return { text, addressed: false };
  const at = new RegExp(`@${username}\\b`, "giu");
  const addressed = at.test(text);
  return { text: addressed ? text.replace(at, "").replace(/\s{2,}/gu, " ").trim() : text, addressed };
}

function mentionsOf(message: Message & Partial<Message.TextMessage> & Partial<Message.PhotoMessage>): UserRef[] {
  return (message.entities ?? message.caption_entities ?? []).flatMap((entity) =>
    entity.type === "text_mention" && "user" in entity ? [userRef(entity.user)] : [],
  );
}

/** The largest of a photo's sizes (Telegram sends several, smallest first): the one to send on. */
function largest(sizes: PhotoSize[] | undefined): PhotoSize | undefined {
  const area = (size: PhotoSize) => size.width * size.height;
  return sizes?.reduce<PhotoSize | undefined>((best, size) => (!best || area(size) > area(best) || (area(size) === area(best) && (size.file_size ?? 0) > (best.file_size ?? 0)) ? size : best), undefined);
}

/** Which text, to which chat, is owed its photo. */
function owedKey(chatId: string, fileId: string, text: string): string {
  return `${chatId}\u0000${fileId}\u0000${text}`;
}

/**
 * Mentions as Telegram notifies them: the names put before the text, each a `text_mention` entity for the user's id
 * (offsets in UTF-16 units, as Telegram counts). Left out when they would push the text over the limit.
 */
function withMentions(message: RenderedMessage, max: number): { text: string; entities: Array<{ type: "text_mention"; offset: number; length: number; user: { id: number; is_bot: false; first_name: string } }> } {
  const mentions = (message.mentions ?? []).filter((user) => /^\d+$/u.test(user.id));
  let prefix = "";
  const entities = [];
  for (const user of mentions) {
    const name = `@${user.displayName}`;
    entities.push({ type: "text_mention" as const, offset: prefix.length, length: name.length, user: { id: Number(user.id), is_bot: false as const, first_name: user.displayName } });
    prefix += `${name} `;
  }
  if (!prefix || prefix.length + message.text.length > max) return { text: message.text, entities: [] }; // UTF-16 units, as Telegram counts
  return { text: `${prefix}${message.text.startsWith("@") ? message.text.replace(/^(?:@\S+\s)+/u, "") : message.text}`, entities };
}

function failure(error: unknown, privateChat: boolean): SendResult {
  if (error instanceof TelegramError) {
    // Someone the bot has never seen (imported from a roster, never pressed Start): treat as not a contact.
    if (privateChat && error.code === 400 && /chat not found/iu.test(error.description)) return { ok: false, reason: "not-contact", detail: error.description };
    if (error.code === 429) return { ok: false, reason: "rate-limited", retryAfterMs: (error.parameters?.retry_after ?? 1) * 1000 };
    if (error.code === 403) {
      return /blocked/iu.test(error.description)
        ? { ok: false, reason: "blocked", detail: error.description }
        : { ok: false, reason: "not-contact", detail: error.description };
    }
    return { ok: false, reason: "error", detail: error.description };
  }
  return { ok: false, reason: "error", detail: error instanceof Error ? error.message : String(error) };
}
