/**
 * The WeChat adapter, on Wechaty with any puppet (wechaty-puppet-service for PadLocal, WorkPro and the like). Room and
 * private text messages (and images, as photos) become InboundMessages (the message id as the dedupe key, the bot's
 * @mention stripped, mentionSelf as "addressed", the room owner as a group admin); the bot's own messages are
 * dropped. Sends are paced per account (a minimum gap with jitter and a daily cap), answered as "rate-limited" so the
 * outbox keeps order; a non-contact cannot be messaged privately ("not-contact": the outbox mentions them in the group
 * instead). A photo is sent on after its text as the image's file, fetched from the message it came in.
 * Only this folder imports wechaty. With wechaty-puppet-service, the connection is supervised (recovery.ts).
 */
import { ScanStatus, WechatyBuilder, type Contact, type Message, type Room, type Wechaty } from "wechaty";
import { FileBox } from "file-box";
import { showQrCode } from "./qr-code.ts";
import type { AdapterCapabilities, ChatAdapter, InboundHandler, PictureFile, RenderedMessage, SendResult } from "../../src/chat/types.ts";
import type { Logger } from "../../src/logger.ts";
import { patchPuppet, superviseConnection } from "./recovery.ts";
import { splitQuote } from "../../src/chat/quote.ts";
import { retrying, type Delay } from "../../src/infra/backoff.ts";

/** How to reach WeChat. */
export interface WechatOptions {
  puppet: string;
  puppetOptions: Record<string, unknown>;
  botName: string;
  log: Logger;
  /** At least this long between two sends of the account, plus up to `jitterMs` (WeChat bans bursts). */
  minGapMs?: number;
  jitterMs?: number;
  dailyCap?: number;
  now?: () => number;
  random?: () => number;
  /** How long start() waits for the login before it gives up with a clear error (a QR scan needs minutes). */
  loginTimeoutMs?: number;
  /** Where the login QR code is saved as a PNG. */
  qrPngPath?: string;
  /** Waits between tries to start the puppet (tests resolve it at once; the real one honours `signal`). */
  delay?: Delay;
}

/** The puppet did not start (the service refused the connection, timed out, or failed); `errors` are what it emitted. */
class PuppetStartError extends Error {
  constructor(readonly errors: string[]) {
    super(`the WeChat puppet did not start${errors.length ? `: ${errors.join("; ")}` : ""}`);
  }
}

type PuppetState = { state: { active: () => boolean | "pending" } };

/** The most texts remembered as sent with their photo still to go (the oldest are forgotten first). */
const OWED_PHOTOS = 1000;

/** A send's result, with the message id when the puppet gave one. */
function sentAs(messageId: string): SendResult {
  return messageId ? { ok: true, platformMessageId: messageId } : { ok: true };
}

/** The WeChat ChatAdapter. */
export class WechatAdapter implements ChatAdapter {
  readonly platform = "wechat" as const;
  readonly capabilities: AdapterCapabilities = {
    buttons: false,
    privateToNonContacts: false,
    mentions: true,
    edits: false,
    files: false,
    photos: true,
    maxTextLength: 2000,
    format: "plain",
  };
  #bot: Wechaty | undefined;
  #closeCache: (() => Promise<void>) | undefined;
  #stopSupervising: (() => void) | undefined;
  /** Ends the start-up retries when the bot stops. */
  #starting: AbortController | undefined;
  #nextSendAt = 0;
  /**
   * Texts sent whose photo is still to go (the pace held it back), by conversation, photo and text, with the text's
   * message id ("" for none): the outbox tries the same part again, and then only the photo is sent.
   */
  readonly #owedPhotos = new Map<string, string>();
  #day = "";
  #sentToday = 0;

  constructor(private readonly options: WechatOptions) {}

  async start(onMessage: InboundHandler): Promise<void> {
    const bot = WechatyBuilder.build({ name: "linli", puppet: this.options.puppet as never, puppetOptions: this.options.puppetOptions as never });
    this.#bot = bot;
    let errors: string[] | undefined; // what the puppet reported during the current start attempt (only then)
    bot.on("error", (error) => {
      errors?.push(this.#scrub(error));
      this.options.log.warn({ err: this.#scrub(error) }, "wechat error");
    });
    bot.on("message", (message) => {
      this.#inbound(message, onMessage).catch((error: unknown) => this.options.log.error({ err: String(error) }, "wechat message failed"));
    });
    bot.on("scan", (qrcode, status) => {
      if (!qrcode || status === ScanStatus.Scanned || status === ScanStatus.Confirmed) return;
      showQrCode(qrcode, this.options.qrPngPath ?? "data/wechat-login.png").catch((error: unknown) =>
        this.options.log.error({ err: String(error) }, "could not show the login QR code"),
      );
    });
    // Login and logout can repeat (a reset logs out and in again; "ready" fires twice): they are only logged.
    bot.on("login", (user) => this.options.log.info({ user: user.name() }, "wechat logged in"));
    bot.on("logout", (user) => this.options.log.warn({ user: user.name() }, "wechat logged out"));
    bot.on("room-join", (room, invitees) => {
      this.#membersChanged(room, "members_joined", invitees, onMessage).catch((error: unknown) => this.options.log.error({ err: String(error) }, "wechat room-join failed"));
    });
    bot.on("room-leave", (room, leavers) => {
      this.#membersChanged(room, "members_left", leavers, onMessage).catch((error: unknown) => this.options.log.error({ err: String(error) }, "wechat room-leave failed"));
    });
    const loggedIn = new Promise<void>((resolve) => bot.once("login", () => resolve()));
    try {
      await bot.init();
    } catch (error) {
      // A wrong configuration (no token, an unknown puppet): trying again would not help.
      throw new Error(`WeChat could not be set up (${this.#scrub(error).split("\n")[0]}): check WECHATY_PUPPET and WECHATY_PUPPET_SERVICE_TOKEN`);
    }
    const endpoint = this.options.puppetOptions.endpoint;
    const service = this.options.puppet === "wechaty-puppet-service" && typeof endpoint === "string";
    if (service) this.#closeCache = patchPuppet(bot);
    // The puppet's start fails softly (errors as events, the puppet left off) while the service refuses connections,
    // times out or fails: tried again with backoff (1 s, 2 s, 4 s ... a minute, with jitter) until it runs. A refused
    // token stops the bot with what to check.
    this.#starting = new AbortController();
    const signal = this.#starting.signal;
    const started = retrying(
      async (attempt) => {
        const reported: string[] = (errors = []);
        if (attempt === 0) await bot.start();
        else await bot.puppet.start();
        if ((bot.puppet as unknown as PuppetState).state.active() !== true) throw new PuppetStartError(reported);
      },
      {
        signal,
        ...(this.options.delay ? { delay: this.options.delay } : {}),
        verdict: (error) => {
          const text = error instanceof PuppetStartError ? error.errors.join("; ") : this.#scrub(error);
          if (/UNAUTHENTICATED|Invalid Wechaty TOKEN/iu.test(text)) return new Error("The WeChat puppet service refused the token (UNAUTHENTICATED): check WECHATY_PUPPET_SERVICE_TOKEN");
          return signal.aborted ? new Error("stopped while waiting for the WeChat puppet to start") : "retry";
        },
        onRetry: ({ attempt, error, retryInMs }) => this.options.log.warn({ err: this.#scrub(error), attempt, retryInMs }, "WeChat puppet did not start; retrying"),
      },
    );
    await started.finally(() => (errors = undefined));
    if (service) this.#stopSupervising = superviseConnection(bot, endpoint, this.options.log);
    const timeout = this.options.loginTimeoutMs ?? 30_000;
    const timer = new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), timeout).unref());
    if ((await Promise.race([loggedIn, timer])) === "timeout") {
      throw new Error(`WeChat did not log in within ${timeout / 1000} s: check WECHATY_PUPPET_SERVICE_TOKEN and the endpoint`);
    }
  }

  async stop(): Promise<void> {
    this.#starting?.abort();
    const bot = this.#bot;
    this.#bot = undefined;
    this.#stopSupervising?.();
    await bot?.stop().catch(() => undefined);
    await this.#closeCache?.().catch(() => undefined);
  }

  async send(chatId: string, message: RenderedMessage): Promise<SendResult> {
    const owed = this.#owed(chatId, message);
    const wait = owed.textId === undefined ? this.#pace() : 0;
    if (wait > 0) return { ok: false, reason: "rate-limited", retryAfterMs: wait };
    try {
      const room = await this.#bot?.Room.find({ id: chatId });
      if (!room) return { ok: false, reason: "error", detail: `room ${chatId} not found` };
      let textId = owed.textId;
      if (textId === undefined) {
        const mentioned = [];
        for (const user of message.mentions ?? []) {
          const contact = await this.#bot!.Contact.find({ id: user.id });
          if (contact) mentioned.push(contact);
        }
        textId = (await room.say(message.text, ...mentioned))?.id ?? "";
      }
      return photoOf(message) ? await this.#sendPhoto(room, photoOf(message)!, owed.key, textId) : sentAs(textId);
    } catch (error) {
      return { ok: false, reason: "error", detail: String(error) };
    }
  }

  async sendPrivate(userId: string, message: RenderedMessage): Promise<SendResult> {
    const contact = await this.#bot?.Contact.find({ id: userId });
    if (!contact || contact.friend() === false) return { ok: false, reason: "not-contact" };
    const owed = this.#owed(userId, message);
    const wait = owed.textId === undefined ? this.#pace() : 0;
    if (wait > 0) return { ok: false, reason: "rate-limited", retryAfterMs: wait };
    try {
      const textId = owed.textId ?? (await contact.say(message.text))?.id ?? "";
      return photoOf(message) ? await this.#sendPhoto(contact, photoOf(message)!, owed.key, textId) : sentAs(textId);
    } catch (error) {
      return { ok: false, reason: "error", detail: String(error) };
    }
  }

  /** Whether this part's text already went to `conversation` and only its photo is owed (then the text's message id). */
  #owed(conversation: string, message: RenderedMessage): { key: string; textId: string | undefined } {
    const photo = photoOf(message);
    const key = photo ? `${conversation}\u0000${typeof photo === "string" ? photo : photo.path}\u0000${message.text}` : "";
    return { key, textId: photo ? this.#owedPhotos.get(key) : undefined };
  }

  /**
   * The photo after its text: the image's file, fetched from the message it came in (`ref` is its id), said to the same
   * conversation. (Message.forward would be cheaper on a real account, but wechaty-puppet-mock's messageForward does
   * nothing, so no test could see it; the file works on both.) It is a send of the account's like any other: when the
   * pace holds it back, the text is remembered as sent and the part answers "rate-limited", so the outbox tries it
   * again later and only the photo goes then. A photo that cannot be fetched or sent is logged; the text stands.
   * A picture the bot made (a certificate) goes as a file from its bytes (FileBox.fromBuffer; wechaty-puppet-service
   * streams one over 20 KB to the service by UUID).
   */
  async #sendPhoto(conversation: Room | Contact, photo: string | PictureFile, key: string, textId: string): Promise<SendResult> {
    this.#owedPhotos.delete(key);
    const wait = this.#pace();
    if (wait > 0) {
      this.#owedPhotos.set(key, textId);
      for (const oldest of this.#owedPhotos.keys()) {
        if (this.#owedPhotos.size <= OWED_PHOTOS) break;
        this.#owedPhotos.delete(oldest);
      }
      return { ok: false, reason: "rate-limited", retryAfterMs: wait };
    }
    const ref = typeof photo === "string" ? photo : photo.name;
    try {
      if (typeof photo === "string") {
        const original = await this.#bot?.Message.find({ id: ref });
        if (!original) throw new Error(`message ${ref} not found`);
        await conversation.say(await original.toFileBox());
      } else await conversation.say(FileBox.fromBuffer(Buffer.from(photo.bytes), photo.name));
    } catch (error) {
      this.options.log.warn({ err: this.#scrub(error), ref }, "could not send a photo on; its text went out without it");
    }
    return sentAs(textId);
  }

  /** An error as text fit for a log line: the service's token (which its errors quote) hidden. */
  #scrub(error: unknown): string {
    const text = error instanceof Error ? error.message : String(error);
    const token = this.options.puppetOptions.token;
    return typeof token === "string" && token ? text.split(token).join("<token>") : text;
  }

  /** 0 when a send may go now (and it is counted), else the wait. */
  #pace(): number {
    const now = (this.options.now ?? Date.now)();
    const day = new Date(now).toISOString().slice(0, 10);
    if (day !== this.#day) {
      this.#day = day;
      this.#sentToday = 0;
    }
    if (this.#sentToday >= (this.options.dailyCap ?? 500)) return Date.parse(`${day}T00:00:00Z`) + 86_400_000 - now;
    if (now < this.#nextSendAt) return this.#nextSendAt - now;
    const gap = (this.options.minGapMs ?? 1500) + Math.floor((this.options.random ?? Math.random)() * (this.options.jitterMs ?? 500));
    this.#nextSendAt = now + gap;
    this.#sentToday += 1;
    return 0;
  }

  /** People who joined or left a room, as a membership event (the pipeline records them and greets newcomers). */
  async #membersChanged(room: Room, kind: "members_joined" | "members_left", contacts: Contact[], onEvent: InboundHandler): Promise<void> {
    const people = contacts.filter((contact) => !contact.self());
    if (people.length === 0) return;
    const at = new Date();
    await onEvent({
      kind,
      // WeChat gives these events no id: who, where and when (to the second) stands in for one.
      id: `${kind === "members_joined" ? "join" : "leave"}:${room.id}:${people.map((contact) => contact.id).join(",")}:${Math.floor(at.getTime() / 1000)}`,
      chat: { platform: "wechat", id: room.id, kind: "group", title: await room.topic() },
      members: people.map((contact) => ({ platform: "wechat", id: contact.id, displayName: contact.name() })),
      at,
    });
  }

  async #inbound(message: Message, onMessage: InboundHandler): Promise<void> {
    const types = this.#bot!.Message.Type;
    // Text, 接龙 (GroupNote) posts, whose text is the list, voice messages (Audio: handed on to be transcribed) and
    // images (photos, known by their message's id: the adapter sends one on by fetching its file from there).
    const type = message.type();
    const voice = type === types.Audio;
    const image = type === types.Image;
    if (message.self() || (type !== types.Text && type !== types.GroupNote && !voice && !image)) return;
    const talker = message.talker();
    const room = message.room();
    const raw = voice || image ? "" : message.text();
    const mention = new RegExp(`@${this.options.botName.replace(/[.*+?^${}()|[\]\\]/gu, "\\$&")}[\\u2005\\s]*`, "gu");
    const addressed = room ? await message.mentionSelf() : true;
    const unmentioned = raw.replace(mention, "").trim();
    // A quote's text arrives with the reply (WeChat gives no id): handed on apart, so "1" quoting a question is "1".
    const quote = splitQuote(unmentioned);
    const text = quote ? quote.reply : unmentioned;
    const owner = room ? room.owner() : undefined;
    // The room's admins are in its payload (wechaty-puppet's RoomPayload.adminIdList); the owner counts as one too.
    const admins = room ? ((room as unknown as { payload?: { adminIdList?: string[] } }).payload?.adminIdList ?? []) : [];
    await onMessage({
      id: message.id,
      chat: room
        ? { platform: "wechat", id: room.id, kind: "group", title: await room.topic() }
        : { platform: "wechat", id: talker.id, kind: "private", title: talker.name() },
      sender: {
        platform: "wechat",
        id: talker.id,
        displayName: (room ? await room.alias(talker) : undefined) ?? talker.name(),
        ...(owner || admins.length ? { isAdmin: owner?.id === talker.id || admins.includes(talker.id) } : {}),
      },
      text,
      ...(quote ? { quoted: quote.quoted } : {}),
      addressedToBot: addressed,
      mentions: [],
      sentAt: message.date(),
      ...(voice ? { voice: { kind: "voice" as const, mime: "audio/silk", fetch: async () => new Uint8Array(await (await message.toFileBox()).toBuffer()) } } : {}),
      ...(image ? { photo: { platform: "wechat" as const, ref: message.id } } : {}),
    });
  }
}

/** What goes after a part's text: a photo sent on (its message id) or a picture the bot made. */
function photoOf(message: RenderedMessage): string | PictureFile | undefined {
  return message.photo?.ref ?? message.picture;
}
