/** Where the numbered options last sent to a chat are remembered, so "1" can be read as the first option. */
import type { InboundMessage, OutboundTarget } from "./types.ts";

/**
 * The keys to look up for a reply arriving in this message's chat: a group is keyed by the chat; a private chat by
 * the user (options sent with sendPrivate) and by the chat (options sent as a reply in that chat), newest wins.
 */
export function numberedChoiceKeys(message: InboundMessage): string[] {
  const chatKey = `choices:${message.chat.platform}:chat:${message.chat.id}`;
  return message.chat.kind === "private" ? [`choices:${message.chat.platform}:user:${message.sender.id}`, chatKey] : [chatKey];
}

/** The key for options sent to a target. */
export function numberedChoiceKeyForTarget(target: OutboundTarget): string {
  return target.kind === "user"
    ? `choices:${target.platform}:user:${target.userId}`
    : `choices:${target.platform}:chat:${target.chatId}`;
}
