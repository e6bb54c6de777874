/** Platform-neutral chat types: what adapters translate platform events into, and what the core asks them to send. */
import type { ChatRef, MessageOption, OutboundFile, PhotoRef, Platform, UserRef } from "../kernel/platform.ts";

export type { ChatRef, MessageOption, OutboundFile, OutboundMessage, OutboundPicture, OutboundTarget, PhotoRef, Platform, UserRef } from "../kernel/platform.ts";

/** A picture made by the bot, ready to upload: PNG bytes, and where the dispatcher saved them (under the data folder). */
export interface PictureFile {
  name: string;
  mime: "image/png";
  bytes: Uint8Array;
  path: string;
}

/** A voice message as an adapter hands it on: its bytes are fetched only when there is someone to transcribe them. */
export interface VoiceAttachment {
  kind: "voice";
  mime: string;
  seconds?: number;
  fetch(): Promise<Uint8Array>;
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
  /** A button press (its data) instead of typed text: how the pipeline hands on a `ButtonPressed`. */
  action?: { data: string };
  /** The platform id of the message this one replies to (Telegram: "<chat>:<message>"). */
  replyToId?: string;
  /** The text of the message this one quotes, where a quote carries no id (WeChat's 「name：text」). */
  quoted?: string;
  sentAt: Date;
  /** A voice message (its text is empty until it is transcribed). */
  voice?: VoiceAttachment;
  /** A photo (Telegram photo, WeChat image, console "📎 photo"); `text` is its caption, or empty. */
  photo?: PhotoRef;
  /** The text is a transcript of `voice`: replies quote it, so the speaker sees what was understood. */
  transcribed?: boolean;
}

/** What a platform can do; the render step degrades messages to fit. */
export interface AdapterCapabilities {
  buttons: boolean;
  /** Can the bot message privately someone who never contacted it? */
  privateToNonContacts: boolean;
  mentions: boolean;
  edits: boolean;
  /** Can the bot send a file (a calendar)? */
  files: boolean;
  /** Can the bot send on a photo it received on this platform (by its reference)? */
  photos: boolean;
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
  /** A photo to send after the text (only where `photos` and it is this platform's). */
  photo?: PhotoRef;
  /** A picture the bot made, uploaded after the text (only where `photos`). */
  picture?: PictureFile;
}

/** The result of one send. Expected failures are values, not exceptions. */
export type SendResult =
  | { ok: true; platformMessageId?: string }
  | { ok: false; reason: "rate-limited"; retryAfterMs: number }
  | { ok: false; reason: "not-contact" | "blocked" | "unsupported" | "error"; detail?: string };

/** People joining or leaving a group, as the platform reports it (not a text message: nobody can type one). */
export interface MembersEvent {
  kind: "members_joined" | "members_left";
  /** Stable id for dedupe, like a message's. */
  id: string;
  chat: ChatRef;
  members: UserRef[];
  at: Date;
}

/** A button under one of the bot's messages pressed (Telegram's inline keyboard): its data is the option's reply. */
export interface ButtonPressed {
  kind: "button_pressed";
  /** Stable id for dedupe, like a message's. */
  id: string;
  chat: ChatRef;
  sender: UserRef;
  /** The option's reply ("/accept 12"). */
  data: string;
  /** The platform's id of the message the button was under. */
  messageId?: string;
  at: Date;
}

/** What an adapter hands the core: a message, people joining or leaving, or a button pressed. */
export type InboundEvent = InboundMessage | MembersEvent | ButtonPressed;

/** Receives inbound events from an adapter. Never rejects: the pipeline has its own error boundary. */
export type InboundHandler = (event: InboundEvent) => Promise<void>;

/** A chat platform, reduced to translation. Platform objects never leave the adapter. */
export interface ChatAdapter {
  readonly platform: Platform;
  readonly capabilities: AdapterCapabilities;
  start(onEvent: InboundHandler): Promise<void>;
  stop(): Promise<void>;
  send(chatId: string, message: RenderedMessage): Promise<SendResult>;
  sendPrivate(userId: string, message: RenderedMessage): Promise<SendResult>;
}
