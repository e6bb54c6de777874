/** Where the numbered options last sent to a chat are remembered, so "1" can be read as the first option. */
import type { InboundMessage, OutboundTarget } from "./types.ts";

/** The key for replies arriving in this message's chat (a private chat is keyed by the user). */
export function numberedChoiceKey(message: InboundMessage): string {
  return message.chat.kind === "private"
    ? `choices:${message.chat.platform}:user:${message.sender.id}`
    : `choices:${message.chat.platform}:chat:${message.chat.id}`;
}

/** The key for options sent to a target. */
export function numberedChoiceKeyForTarget(target: OutboundTarget): string {
  return target.kind === "user"
    ? `choices:${target.platform}:user:${target.userId}`
    : `choices:${target.platform}:chat:${target.chatId}`;
}
