/** Platform ids and what the core asks to be said: the chat types the domain and the ports may name. */
import type { Lang } from "./lang.ts";

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
  lang?: Lang;
}

/** An option the resident can pick: a button where the platform has them, else a numbered reply. */
export interface MessageOption {
  label: string;
  /** What the bot receives when it is chosen: the reply text the parser understands ("1", "/accept 12" ...). */
  reply: string;
  /** Words that choose this option when typed on their own, besides its number ("我去", "on my way"). */
  words?: string[];
}

/** A file to attach (an event's .ics): text content, since everything Linli sends as a file is text. */
export interface OutboundFile {
  name: string;
  mime: string;
  content: string;
}

/**
 * A photo as its platform keeps it (a Telegram file id, a WeChat message id, a console number): Linli never downloads
 * it, and sends it on by reference on the same platform.
 */
export interface PhotoRef {
  platform: Platform;
  ref: string;
}

/**
 * A picture the bot makes itself (a certificate card): an SVG, drawn to PNG by the outbox dispatcher when it sends
 * (outside any transaction) and uploaded as a photo. `fallback` is said instead of the text when it cannot be made
 * here (no font on this server) or the platform cannot take photos.
 */
export interface OutboundPicture {
  /** The file name it is sent under ("certificate.png"). */
  name: string;
  svg: string;
  fallback: string;
}

/** What the core wants said, before it is degraded for a platform. */
export interface OutboundMessage {
  text: string;
  options?: MessageOption[];
  /** A file, where the platform can send files; elsewhere the text says it could not be attached. */
  file?: OutboundFile;
  /** A photo to send with the text, where the platform can send it on (the same platform it came from). */
  photo?: PhotoRef;
  /** A picture made for this message (a certificate), sent after the text where the platform takes photos. */
  picture?: OutboundPicture;
  /** People to @mention (a group message). */
  mentions?: UserRef[];
  /** With options: what the question is about, short ("借梯子 #2"), for when the bot must ask which one is answered. */
  subject?: string;
  /** With options: who may answer (a platform user id); a reply to a person's message is theirs unless `audience`. */
  askedOf?: string;
  /** With options: "anyone" in the chat may answer (an event card's sign-up). */
  audience?: "anyone";
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

