/** Platform-neutral chat types: what adapters translate platform events into, and what the core asks them to send. */
import type { VoiceAttachment } from "./understanding.ts";

/** A chat platform Linli can sit in. */
export type Platform = "console" | "telegram" | "wechat";

/** The group or private chat a message was posted in. */
export interface ChatRef {
  platform: Platform;
  /** The platform's id of the chat (stable). */
  id: string;
  kind: "group" | "private";
  title: string;
}

/** A person as the platform shows them. */
export interface UserRef {
  platform: Platform;
  /** The platform's id of the user (stable). */
  id: string;
  displayName: string;
  /** Group admin (or owner) of the chat the message came from, when the platform tells. */
  isAdmin?: boolean;
  /** The language the person's app is set to, when the platform tells (Telegram's language_code): a new private chat
   * with them starts in it; groups keep their own language. */
  lang?: "zh-CN" | "en";
}

/** A message a resident sent, translated at the adapter's edge. */
export interface InboundMessage {
  /** Stable id for dedupe: a redelivered message carries the same id. */
  id: string;
  chat: ChatRef;
  sender: UserRef;
  /** The text, with any @mention of the bot stripped. */
  text: string;
  /** The bot was @mentioned, replied to, or this is a private chat. */
  addressedToBot: boolean;
  mentions: UserRef[];
  /** A button press (callback data) instead of typed text. */
  action?: { data: string };
  replyToId?: string;
  sentAt: Date;
  /** A voice message (its text is empty until it is transcribed). */
  voice?: VoiceAttachment;
  /** The text is a transcript of `voice`: replies quote it, so the speaker sees what was understood. */
  transcribed?: boolean;
}

/** An option the resident can pick: a button where the platform has them, else a numbered reply. */
export interface MessageOption {
  label: string;
  /** What the bot receives when it is chosen: the reply text the parser understands ("1", "/accept 12" ...). */
  reply: string;
}

/** A file to attach (an event's .ics): text content, since everything Linli sends as a file is text. */
export interface OutboundFile {
  name: string;
  mime: string;
  content: string;
}

/** What the core wants said, before it is degraded for a platform. */
export interface OutboundMessage {
  text: string;
  options?: MessageOption[];
  /** A file, where the platform can send files; elsewhere the text says it could not be attached. */
  file?: OutboundFile;
  /** People to @mention (a group message). */
  mentions?: UserRef[];
}

/** Where an outbox message goes: a chat, or privately to a user with a group to fall back to. */
export type OutboundTarget =
  | { kind: "chat"; platform: Platform; chatId: string }
  | {
      kind: "user";
      platform: Platform;
      userId: string;
      displayName: string;
      /** The group to mention the person in if the private message cannot be delivered. */
      fallbackChatId?: string;
    };

/** What a platform can do; the render step degrades messages to fit. */
export interface AdapterCapabilities {
  buttons: boolean;
  /** Can the bot message privately someone who never contacted it? */
  privateToNonContacts: boolean;
  mentions: boolean;
  edits: boolean;
  /** Can the bot send a file (a calendar)? */
  files: boolean;
  /** The longest text one message may carry, in UTF-16 units (as Telegram counts: 4,096); longer text is split. */
  maxTextLength: number;
  format: "plain" | "markdown" | "html";
}

/** A message ready for one platform: text within its limits, options only if it has buttons. */
export interface RenderedMessage {
  text: string;
  buttons?: MessageOption[];
  mentions?: UserRef[];
  file?: OutboundFile;
}

/** The result of one send. Expected failures are values, not exceptions. */
export type SendResult =
  | { ok: true; platformMessageId?: string }
  | { ok: false; reason: "rate-limited"; retryAfterMs: number }
  | { ok: false; reason: "not-contact" | "blocked" | "unsupported" | "error"; detail?: string };

/** Receives inbound messages from an adapter. Never rejects: the pipeline has its own error boundary. */
export type InboundHandler = (message: InboundMessage) => Promise<void>;

/** A chat platform, reduced to translation. Platform objects never leave the adapter. */
export interface ChatAdapter {
  readonly platform: Platform;
  readonly capabilities: AdapterCapabilities;
  start(onMessage: InboundHandler): Promise<void>;
  stop(): Promise<void>;
  send(chatId: string, message: RenderedMessage): Promise<SendResult>;
  sendPrivate(userId: string, message: RenderedMessage): Promise<SendResult>;
}
