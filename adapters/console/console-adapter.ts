/**
 * The console adapter: the embedded default, as good as the real ones. Anyone can post as any person in any chat,
 * and the bot's group and private messages print as they would appear, one per line:
 *   [<chat title>] <bot name>: <text>     a group message
 *   [dm <person>] <bot name>: <text>      a private message
 * Continuation lines are indented by two spaces. Chat ids are the group's title, or "dm:<name>" for a private chat;
 * user ids are names. A photo is a marker: a line "📎 photo 楼道灯坏了" (or "📎 照片", "[图片]", "[photo]") is a photo with
 * that caption, and a photo the bot sends on prints as a line "📎 photo" under its text.
 */
import { randomUUID } from "node:crypto";
import type {
  AdapterCapabilities,
  ChatAdapter,
  InboundHandler,
  InboundMessage,
  RenderedMessage,
  SendResult,
  UserRef,
} from "../../src/chat/types.ts";
import { escapeRegExp } from "../../src/parse/normalize.ts";
import { splitQuote } from "../../src/chat/quote.ts";

/** The console adapter's settings. */
export interface ConsoleAdapterOptions {
  botName: string;
  /** Where output lines go (stdout in the app). */
  write: (line: string) => void;
  maxTextLength?: number;
  now: () => Date;
}

/** The id of a private chat with `person`. */
export const privateChatId = (person: string): string => `dm:${person}`;

/** A chat adapter on the terminal. */
export class ConsoleAdapter implements ChatAdapter {
  readonly platform = "console" as const;
  readonly capabilities: AdapterCapabilities;
  readonly #options: ConsoleAdapterOptions;
  readonly #admins = new Set<string>();
  #onMessage: InboundHandler | undefined;
  #last: InboundMessage | undefined;

  constructor(options: ConsoleAdapterOptions) {
    this.#options = options;
    this.capabilities = {
      buttons: false,
      privateToNonContacts: true,
      mentions: true,
      edits: false,
      files: true,
      photos: true,
      maxTextLength: options.maxTextLength ?? 4096,
      format: "plain",
    };
  }

  async start(onMessage: InboundHandler): Promise<void> {
    this.#onMessage = onMessage;
  }

  async stop(): Promise<void> {
    this.#onMessage = undefined;
  }

  /** Make `person` an admin of group `chat`. */
  makeAdmin(chat: string, person: string): void {
    this.#admins.add(`${chat}\u0000${person}`);
  }

  /** People join or leave group `chat`. */
  async members(chat: string, kind: "members_joined" | "members_left", people: string[]): Promise<void> {
    if (!this.#onMessage) throw new Error("the console adapter is not started");
    await this.#onMessage({
      kind,
      id: randomUUID(),
      chat: { platform: "console", id: chat, kind: "group", title: chat },
      members: people.map((name) => ({ platform: "console", id: name, displayName: name })),
      at: this.#options.now(),
    });
  }

  /** `person` posts `text` in group `chat`. */
  post(chat: string, person: string, text: string): Promise<void> {
    return this.#deliver({ platform: "console", id: chat, kind: "group", title: chat }, person, text);
  }

  /** `person` writes privately to the bot. */
  dm(person: string, text: string): Promise<void> {
    return this.#deliver({ platform: "console", id: privateChatId(person), kind: "private", title: person }, person, text);
  }

  /** Deliver the last message again with the same id, as a platform redelivering it would. */
  async redeliver(): Promise<boolean> {
    if (!this.#last || !this.#onMessage) return false;
    await this.#onMessage(this.#last);
    return true;
  }

  async send(chatId: string, message: RenderedMessage): Promise<SendResult> {
    const label = chatId.startsWith("dm:") ? `dm ${chatId.slice(3)}` : chatId;
    this.#print(label, withFile(message));
    return { ok: true };
  }

  async sendPrivate(userId: string, message: RenderedMessage): Promise<SendResult> {
    this.#print(`dm ${userId}`, withFile(message));
    return { ok: true };
  }

  async #deliver(chat: InboundMessage["chat"], person: string, raw: string): Promise<void> {
    if (!this.#onMessage) throw new Error("the console adapter is not started");
    const mention = new RegExp(`@${escapeRegExp(this.#options.botName)}[\\u2005\\s]*`, "gu");
    const addressed = chat.kind === "private" || mention.test(raw);
    const unmentioned = raw.replace(mention, "").trim();
    const quote = splitQuote(unmentioned);
    const said = quote ? quote.reply : unmentioned;
    const photo = PHOTO_MARKER.exec(said);
    const text = photo ? photo[1]!.trim() : said;
    const id = randomUUID();
    const mentions: UserRef[] = [...text.matchAll(/@([^\s@:：，,]+)/gu)].map((match) => ({
      platform: "console",
      id: match[1]!,
      displayName: match[1]!,
    }));
    const message: InboundMessage = {
      id,
      chat,
      sender: {
        platform: "console",
        id: person,
        displayName: person,
        // The console knows only the admins made with !admin; for everyone else the recorded flag (the demo's) stands.
        ...(chat.kind === "group" && this.#admins.has(`${chat.id}\u0000${person}`) ? { isAdmin: true } : {}),
      },
      text,
      ...(quote ? { quoted: quote.quoted } : {}),
      addressedToBot: addressed,
      mentions,
      sentAt: this.#options.now(),
      // The photo is known by its message's id: stable, so a redelivered copy names the same photo.
      ...(photo ? { photo: { platform: "console" as const, ref: id } } : {}),
    };
    this.#last = message;
    await this.#onMessage(message);
  }

  #print(label: string, text: string): void {
    const [first, ...rest] = text.split("\n");
    this.#options.write([`[${label}] ${this.#options.botName}: ${first}`, ...rest.map((line) => `  ${line}`)].join("\n"));
  }
}

/**
 * A line that is a photo: a marker at its start ("📎 photo", "📎 照片", "📎 图片", "[图片]" as WeChat copies one, "[photo]"),
 * then its caption, if any.
 */
export const PHOTO_MARKER = /^(?:📎\s*(?:photo(?![a-z])|照片|图片)|\[(?:图片|照片|photo)\])([\s\S]*)$/iu;

/**
 * A file prints as a line under the text: its name and size (the console shows, it does not save); a photo sent on
 * prints as a line "📎 photo"; a picture the bot made (a certificate) as its name, size and where it was saved
 * ("📎 certificate.png (32 KB) data/pictures/outbox-7-certificate.png").
 */
function withFile(message: RenderedMessage): string {
  const lines = [message.text];
  if (message.file) lines.push(`📎 ${message.file.name} (${new TextEncoder().encode(message.file.content).length} bytes)`);
  if (message.photo) lines.push("📎 photo");
  if (message.picture) lines.push(`📎 ${message.picture.name} (${Math.max(1, Math.round(message.picture.bytes.length / 1024))} KB) ${message.picture.path}`);
  return lines.filter((line, index) => line !== "" || index > 0 || lines.length === 1).join("\n");
}
