/**
 * The Telegram adapter, on telegraf: long polling or a webhook on Linli's own HTTP server (telegraf's
 * `launch({ webhook })` insists on https, see platform-facts.md), updates translated into InboundMessages (stable ids
 * from update and message ids, the sender's admin status from getChatAdministrators, cached), and sends paced to
 * Telegram's limits, with expected failures (429, a user who never pressed Start) answered as values.
 * Only this folder imports telegraf.
 */
import { createServer, type Server } from "node:http";
import { Telegraf, TelegramError } from "telegraf";
import type { Update, Message, User, Chat } from "telegraf/types";
import type { AdapterCapabilities, ChatAdapter, ChatRef, InboundHandler, InboundMessage, RenderedMessage, SendResult, UserRef } from "../../src/chat/types.ts";
import type { Logger } from "../../src/logger.ts";
import { Pacer, TELEGRAM_LIMITS, type PaceLimits } from "./pacer.ts";
import { botCommands } from "./commands.ts";

/** How to reach Telegram and how updates arrive. */
export interface TelegramOptions {
  token: string;
  apiRoot?: string;
  mode: "polling" | "webhook";
  webhook?: { url: string; port: number; secret: string; host?: string } | undefined;
  log: Logger;
  /** Long-poll timeout in seconds (Telegram's default is 50; tests use less). */
  pollTimeout?: number;
  limits?: PaceLimits;
  now?: () => number;
  /** How long a chat's admin list is trusted. */
  adminTtlMs?: number;
}

const ADMIN_TTL_MS = 10 * 60_000;

/** The Telegram ChatAdapter. */
export class TelegramAdapter implements ChatAdapter {
  readonly platform = "telegram" as const;
  readonly capabilities: AdapterCapabilities = {
    buttons: true,
    privateToNonContacts: false,
    mentions: true,
    edits: true,
    files: false,
    maxTextLength: 4096,
    format: "plain",
  };
  readonly #bot: Telegraf;
  readonly #pacer: Pacer;
  readonly #admins = new Map<string, { ids: Set<number>; until: number }>();
  readonly #groups = new Set<string>();
  #server: Server | undefined;
  #username = "";
  #polling: Promise<void> | undefined;

  constructor(private readonly options: TelegramOptions) {
    this.#bot = new Telegraf(options.token, { telegram: { apiRoot: options.apiRoot ?? "https://api.telegram.org" }, handlerTimeout: 60_000 });
    this.#pacer = new Pacer(options.limits ?? TELEGRAM_LIMITS, options.now ?? Date.now);
  }

  /** The bot's @username, known after start. */
  get username(): string {
    return this.#username;
  }

  async start(onMessage: InboundHandler): Promise<void> {
    const me = await this.#bot.telegram.getMe();
    this.#username = me.username;
    this.#bot.on("message", (ctx) => this.#safely(() => this.#message(ctx.update as Update.MessageUpdate, onMessage)));
    this.#bot.on("callback_query", (ctx) => this.#safely(() => this.#callback(ctx.update as Update.CallbackQueryUpdate, onMessage)));
    this.#bot.catch((error) => this.options.log.error({ err: this.#scrub(error) }, "telegram update failed"));
    await this.#setCommands();
    if (this.options.mode === "webhook") await this.#startWebhook();
    else await this.#startPolling();
  }

  async stop(): Promise<void> {
    if (this.#polling) {
      try {
        this.#bot.stop("linli stopping");
      } catch {
        // polling had already ended (telegraf throws "Bot is not running!")
      }
      // The loop ends when its long poll is aborted; never wait on it for long (a poll may be starting just now).
      await Promise.race([this.#polling.catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 2000).unref())]);
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
    const wait = this.#pacer.reserve(chatId, group);
    if (wait > 0) return { ok: false, reason: "rate-limited", retryAfterMs: wait };
    const text = withMentions(message);
    try {
      const sent = await this.#bot.telegram.sendMessage(chatId, text, {
        ...(message.buttons?.length
          ? { reply_markup: { inline_keyboard: message.buttons.map((button) => [{ text: button.label, callback_data: button.reply.slice(0, 64) }]) } }
          : {}),
      });
      return { ok: true, platformMessageId: String(sent.message_id) };
    } catch (error) {
      return failure(error);
    }
  }

  async #startPolling(): Promise<void> {
    await this.#bot.telegram.deleteWebhook();
    let launched!: () => void;
    const ready = new Promise<void>((resolve) => (launched = resolve));
    // launch() never resolves while polling (telegraf 4.16.3): its onLaunch callback says when it has started.
    this.#polling = this.#bot.launch({ dropPendingUpdates: false, allowedUpdates: ["message", "callback_query"] }, () => launched());
    this.#polling.catch((error: unknown) => this.options.log.error({ err: this.#scrub(error) }, "telegram polling stopped"));
    await ready;
  }

  async #startWebhook(): Promise<void> {
    const webhook = this.options.webhook!;
    const path = new URL(webhook.url).pathname;
    const callback = this.#bot.webhookCallback(path, { secretToken: webhook.secret });
    this.#server = createServer((req, res) => void callback(req, res));
    await new Promise<void>((resolve) => this.#server!.listen(webhook.port, webhook.host ?? "127.0.0.1", () => resolve()));
    await this.#bot.telegram.setWebhook(webhook.url, { secret_token: webhook.secret, allowed_updates: ["message", "callback_query"] });
  }

  async #setCommands(): Promise<void> {
    for (const lang of ["zh", "en"] as const) {
      await this.#bot.telegram.setMyCommands(botCommands(lang), { language_code: lang });
    }
    await this.#bot.telegram.setMyCommands(botCommands("zh"));
  }

  async #message(update: Update.MessageUpdate, onMessage: InboundHandler): Promise<void> {
    const message = update.message as Message & Partial<Message.TextMessage> & Partial<Message.NewChatMembersMessage>;
    const chat = chatRef(message.chat);
    if (chat.kind === "group") this.#groups.add(chat.id);
    if (message.new_chat_members?.length) return this.#welcome(message.new_chat_members, chat);
    if (typeof message.text !== "string" || !message.from || message.from.is_bot) return;
    const { text, addressed } = stripBotName(message.text, this.#username);
    const repliedToBot = message.reply_to_message?.from?.username === this.#username;
    const inbound: InboundMessage = {
      id: `${chat.id}:${message.message_id}`,
      chat,
      sender: { ...userRef(message.from), ...(chat.kind === "group" ? { isAdmin: await this.#isAdmin(chat.id, message.from.id) } : {}) },
      text,
      addressedToBot: chat.kind === "private" || addressed || repliedToBot,
      mentions: mentionsOf(message),
      ...(message.reply_to_message ? { replyToId: `${chat.id}:${message.reply_to_message.message_id}` } : {}),
      sentAt: new Date(message.date * 1000),
    };
    await onMessage(inbound);
  }

  async #callback(update: Update.CallbackQueryUpdate, onMessage: InboundHandler): Promise<void> {
    const query = update.callback_query;
    // Always answered, so the button stops spinning, whatever happens next.
    await this.#bot.telegram.answerCbQuery(query.id).catch((error: unknown) => this.options.log.warn({ err: this.#scrub(error) }, "answerCallbackQuery failed"));
    if (!("data" in query) || !query.message) return;
    const chat = chatRef(query.message.chat as Chat);
    // A private ping's buttons are used once: they go, so an old ping can't be pressed again by mistake.
    if (chat.kind === "private" && "text" in query.message) {
      await this.#bot.telegram
        .editMessageText(chat.id, query.message.message_id, undefined, query.message.text)
        .catch((error: unknown) => this.options.log.warn({ err: this.#scrub(error) }, "could not remove the buttons"));
    }
    await onMessage({
      id: `cb:${query.id}`,
      chat,
      sender: { ...userRef(query.from), ...(chat.kind === "group" ? { isAdmin: await this.#isAdmin(chat.id, query.from.id) } : {}) },
      text: query.data,
      addressedToBot: true,
      mentions: [],
      action: { data: query.data },
      replyToId: `${chat.id}:${query.message.message_id}`,
      sentAt: new Date(),
    });
  }

  async #welcome(members: User[], chat: ChatRef): Promise<void> {
    const people = members.filter((member) => !member.is_bot);
    if (people.length === 0) return;
    const names = people.map((member) => member.first_name).join("、");
    const lang = people[0]!.language_code?.startsWith("en") ? "en" : "zh";
    const text =
      lang === "en"
        ? `Welcome, ${names}! I'm the neighbourhood helper: ask for help, sign up for events or send /help. Press Start in a private chat with me so I can message you.`
        : `欢迎${names}！我是邻里小助手：有事需要帮忙直接说，报名活动说“报名”，发 /帮助 看说明。请私聊我点一下“开始”，方便我私信您。`;
    await this.send(chat.id, { text });
  }

  async #isAdmin(chatId: string, userId: number): Promise<boolean> {
    const now = (this.options.now ?? Date.now)();
    let cached = this.#admins.get(chatId);
    if (!cached || cached.until <= now) {
      try {
        const admins = await this.#bot.telegram.getChatAdministrators(chatId);
        cached = { ids: new Set(admins.map((member) => member.user.id)), until: now + (this.options.adminTtlMs ?? ADMIN_TTL_MS) };
        this.#admins.set(chatId, cached);
      } catch (error) {
        this.options.log.warn({ err: this.#scrub(error), chatId }, "getChatAdministrators failed");
        return false;
      }
    }
    return cached.ids.has(userId);
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
  return { platform: "telegram", id: String(user.id), displayName: name };
}

/** "/help@linli_bot" → "/help", "@linli_bot 谁有梯子" → "谁有梯子"; `addressed` when the bot's name was there. */
export function stripBotName(text: string, username: string): { text: string; addressed: boolean } {
  if (!username) return { text, addressed: false };
  const at = new RegExp(`@${username}\\b`, "giu");
  const addressed = at.test(text);
  return { text: addressed ? text.replace(at, "").replace(/\s{2,}/gu, " ").trim() : text, addressed };
}

function mentionsOf(message: Message & Partial<Message.TextMessage>): UserRef[] {
  return (message.entities ?? []).flatMap((entity) =>
    entity.type === "text_mention" && "user" in entity ? [userRef(entity.user)] : [],
  );
}

/** Telegram has no @mention by id in plain text for users without a username: names are written out. */
function withMentions(message: RenderedMessage): string {
  const names = (message.mentions ?? []).map((user) => `@${user.displayName}`).filter((name) => !message.text.includes(name));
  return names.length ? `${names.join(" ")} ${message.text}` : message.text;
}

function failure(error: unknown): SendResult {
  if (error instanceof TelegramError) {
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
