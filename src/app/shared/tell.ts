/** Reaching people outside the chat a message came from: privately, in their language; and who leads a grid. */
import type { OutboundMessage } from "../../chat/types.ts";
import type { Lang } from "../../kernel/lang.ts";
import type { Platform } from "../../kernel/platform.ts";
import type { Repositories } from "../ports.ts";
import type { Reach } from "../../features/requests/ports.ts";
import { t } from "./texts.ts";

/** The chat something (a request, an event) started in: its platform and language are the defaults for telling. */
export interface ChatOfOrigin {
  chat: { platform: Platform; lang: Lang } | null;
  chatId: number | null;
}

/**
 * Message a person privately, in their language (else the request's chat's), on the platform of the chat it is about (a request's, an event's) where they have
 * an identity there; if the platform cannot deliver it, a group they share gets a mention without the details.
 * Returns the language used, or null when the person has no identity at all.
 */
export async function tell(
  repos: Pick<Repositories, "people" | "outboxes">,
  personId: number,
  request: ChatOfOrigin,
  message: (lang: Lang) => OutboundMessage | string,
  priority = 5,
): Promise<Lang | null> {
  const reach = await reachOf(repos, personId, request);
  return reach ? tellReached(repos, reach, request, message, priority) : null;
}

/** How a person can be messaged about something from this chat, or null when they have no identity at all. */
export function reachOf(repos: Pick<Repositories, "people">, personId: number, request: ChatOfOrigin): Promise<Reach | null> {
  return repos.people.reach(personId, request.chat?.platform, request.chatId);
}

/**
 * `tell`, for a person already looked up with `reachOf`. Returns the language used. A guardian's reach (guardian mode)
 * gets the message opened with whom it is about ("（代李奶奶）…"), so they know it is not their own.
 */
export async function tellReached(
  repos: Pick<Repositories, "outboxes">,
  reach: Reach,
  request: ChatOfOrigin,
  message: (lang: Lang) => OutboundMessage | string,
  priority = 5,
): Promise<Lang> {
  const lang = reach.lang ?? request.chat?.lang ?? "zh-CN";
  const body = onBehalf(reach, lang, message(lang));
  await repos.outboxes.enqueue(
    {
      kind: "user",
      platform: reach.platform,
      userId: reach.userId,
      displayName: reach.displayName,
      ...(reach.fallbackChatId ? { fallbackChatId: reach.fallbackChatId } : {}),
    },
    typeof body === "string" ? { text: body } : body,
    { lang, priority },
  );
  return lang;
}

function onBehalf(reach: Reach, lang: Lang, body: OutboundMessage | string): OutboundMessage | string {
  if (!reach.onBehalfOf) return body;
  const prefix = t(lang).onBehalfOf(reach.onBehalfOf.displayName);
  return typeof body === "string" ? prefix + body : { ...body, text: prefix + body.text };
}

/** The grid captains of a grid (a request's) and the community's coordinators (who may take any request). */
export async function leadersOf(repos: Pick<Repositories, "people">, request: { gridId: number | null; communityId: number }): Promise<number[]> {
  const captains = request.gridId === null ? [] : await repos.people.captainsOf(request.gridId);
  return [...new Set([...captains, ...(await repos.people.coordinatorsOf(request.communityId))])];
}
