/** What a use case knows about the message it handles, and helpers to answer through the outbox. */
import type { InboundMessage, OutboundMessage } from "../../chat/types.ts";
import type { Intent } from "../../parse/intent.ts";
import type { Lang } from "../../kernel/lang.ts";
import type { KnownChat, KnownPerson, Repositories } from "../ports.ts";
import { t } from "./texts.ts";

/** The resolved message: who wrote, where, what it means. */
export interface MessageContext<I extends Intent = Intent> {
  message: InboundMessage;
  intent: I;
  chat: KnownChat;
  person: KnownPerson;
  isAdmin: boolean;
  /** The language to answer in. */
  lang: Lang;
  now: Date;
  botName: string;
  /** Drop the sender from the pipeline's caches once this message's transaction commits (they were just forgotten). */
  forgetSender?: () => void;
}

/** A use case for one kind of intent: writes its domain change and its replies through `repos`, in one transaction. */
/** `R`: the ports the use case uses (its feature's `repos.ts`); it is given the whole set, typed down to those. */
export type Handler<I extends Intent = Intent, R = Repositories> = (context: MessageContext<I>, repos: R) => Promise<void>;

/** What a use case knows of a message before its intent is attached. */
export type MessageBase = Omit<MessageContext, "intent">;

/** A use case with its intent bound. */
export type BoundHandler = (base: MessageBase, repos: Repositories) => Promise<void>;

/** The router as use cases that re-route see it (a clarification answered is handled as the meaning chosen). */
export interface Dispatcher {
  /** Whether intents of this kind have a use case. */
  handles(kind: Intent["kind"]): boolean;
  /** The use case an intent goes to, with the intent bound. */
  handlerFor(intent: Intent): BoundHandler | undefined;
}

/**
 * Answer in the chat the message came from. A question with options is the sender's to answer (a bare "1" from
 * someone else in the group is not taken for theirs) unless its audience is "anyone".
 */
export function reply(context: MessageBase, repos: Pick<Repositories, "outboxes">, message: OutboundMessage | string, priority?: number) {
  const body = typeof message === "string" ? { text: message } : asked(message, context.message.sender.id);
  return repos.outboxes.enqueue(
    { kind: "chat", platform: context.chat.platform, chatId: context.chat.externalId },
    body,
    { lang: context.lang, ...(priority === undefined ? {} : { priority }) },
  );
}

function asked(message: OutboundMessage, senderId: string): OutboundMessage {
  return message.options?.length && message.audience !== "anyone" && message.askedOf === undefined ? { ...message, askedOf: senderId } : message;
}

/** Answer the sender privately; if that cannot be delivered, the group gets a mention without the details. */
export function replyPrivately(context: MessageBase, repos: Pick<Repositories, "outboxes">, message: OutboundMessage | string) {
  const body = typeof message === "string" ? { text: message } : message;
  const { sender } = context.message;
  return repos.outboxes.enqueue(
    {
      kind: "user",
      platform: sender.platform,
      userId: sender.id,
      displayName: sender.displayName,
      ...(context.chat.kind === "group" ? { fallbackChatId: context.chat.externalId } : {}),
    },
    body,
    { lang: context.lang },
  );
}

/**
 * Answer something private (a contact card, one's requests, a balance, a digest): as a reply in a private chat; from a
 * group, by private message, with only "已私信发给您" in the group.
 */
export async function answerPrivately(context: MessageBase, repos: Pick<Repositories, "outboxes">, message: OutboundMessage | string) {
  if (context.chat.kind === "private") return reply(context, repos, message);
  await replyPrivately(context, repos, message);
  await reply(context, repos, t(context.lang).sentPrivately);
}
