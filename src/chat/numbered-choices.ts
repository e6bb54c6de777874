/**
 * Lanes and numbered choices. A lane is where messages keep their order: one chat, or one person's private chat.
 * The numbered options last sent down a lane are remembered under `choices:<lane>`, so a bare "1" arriving there is
 * read as the first option.
 */
import type { InboundMessage, OutboundTarget, Platform } from "./types.ts";

/** The lane of a chat or of a person's private messages. */
export function lane(platform: Platform, kind: "chat" | "user", id: string): string {
  return `${platform}:${kind}:${id}`;
}

/** The lane of an outbound target. */
export function laneOf(target: OutboundTarget): string {
  return target.kind === "chat" ? lane(target.platform, "chat", target.chatId) : lane(target.platform, "user", target.userId);
}

/** The state key under which the options sent down `laneKey` are remembered. */
export function choicesKey(laneKey: string): string {
  return `choices:${laneKey}`;
}

/**
 * The keys to look up for a reply arriving in this message's chat: a group's lane; for a private chat also the
 * person's private lane (options sent with sendPrivate). The newest offer wins.
 */
export function numberedChoiceKeys(message: InboundMessage): string[] {
  const chatKey = choicesKey(lane(message.chat.platform, "chat", message.chat.id));
  return message.chat.kind === "private"
    ? [choicesKey(lane(message.chat.platform, "user", message.sender.id)), chatKey]
    : [chatKey];
}
