/**
 * The inbound pipeline: error boundary → dedupe → rate limit → parse → route → resolve person, chat and membership
 * → the use case, in one transaction with the processed-message record and the outbound messages.
 * Chatter (no route) costs no I/O and writes nothing. Resolution is read through a cache of known ids.
 */
import type { ButtonPressed, ChatRef, InboundEvent, InboundMessage, MembersEvent } from "../chat/types.ts";
import type { ClarifyIntent, Intent, NaturalKind, NoneIntent, ParseContext, Parser } from "../parse/intent.ts";
import type { Lang } from "../kernel/lang.ts";
import type { SecondOpinion, Transcriber } from "../features/understanding/ports.ts";
import { build } from "../parse/classify.ts";
import { normalize } from "../parse/normalize.ts";
import { understandingTexts } from "../features/understanding/texts.ts";
import { quotableInGroup } from "../features/understanding/domain/quote.ts";
import type { Clock } from "../kernel/clock.ts";
import type { KnownChat, KnownPerson, Repositories, UnitOfWork } from "./ports.ts";
import { AlreadyProcessed } from "./ports.ts";
import type { BoundHandler, MessageBase } from "./shared/context.ts";
import type { Router } from "./routes.ts";
import type { Logger } from "../logger.ts";
import { reply } from "./shared/context.ts";
import { handlerFor, routeName } from "./routes.ts";
import { keepUnsureMessage } from "../features/understanding/clarify.ts";
import { membersChanged } from "../features/community/welcome.ts";
import { detectLang } from "../parse/normalize.ts";
import { t } from "./shared/texts.ts";
import { RateLimiter } from "../chat/rate-limiter.ts";
import { RecentSet } from "../chat/recent-set.ts";
import { numberedChoiceKeys } from "../chat/numbered-choices.ts";

/** What happened to one message. */
export type Outcome = "handled" | "ignored" | "duplicate" | "rate-limited" | "failed";

/** The pipeline's settings and collaborators. */
export interface PipelineDeps {
  uow: UnitOfWork;
  parser: Parser;
  router: Router;
  clock: Clock;
  log: Logger;
  botName: string;
  botNames: string[];
  timeZone: string;
  rateLimitPerMinute: number;
  /** Called after a transaction that wrote outbound messages commits (wakes the dispatcher). */
  onCommitted?: () => void;
  /** A language model asked about messages the embedded model is unsure of (UNDERSTANDING=openai). */
  secondOpinion?: SecondOpinion;
  /** Speech to text for voice messages (STT_BASE_URL). */
  transcriber?: Transcriber;
}

/** Turns inbound messages into effects, each exactly once. */
export class Pipeline {
  readonly #deps: PipelineDeps;
  readonly #limiter: RateLimiter;
  readonly #recent = new RecentSet(10_000);
  readonly #chats = new Map<string, KnownChat>();
  readonly #people = new Map<string, KnownPerson>();
  readonly #admins = new Map<string, boolean>();

  constructor(deps: PipelineDeps) {
    this.#deps = deps;
    this.#limiter = new RateLimiter(deps.rateLimitPerMinute);
  }

  /** Handle whatever an adapter hands on: a message, people joining or leaving, a button pressed. Never throws. */
  receive(event: InboundEvent): Promise<Outcome> {
    if (!("kind" in event)) return this.handle(event);
    return event.kind === "button_pressed" ? this.handle(pressed(event)) : this.members(event);
  }

  /** People joined or left a chat: their memberships, and a greeting for newcomers to a group. Never throws. */
  async members(event: MembersEvent): Promise<Outcome> {
    const key = `${event.chat.platform}:${event.id}`;
    try {
      if (this.#recent.has(key)) return "duplicate";
      if (!event.members.length) return "ignored";
      const learned: Array<() => void> = [];
      await this.#deps.uow.run(async (repos) => {
        const chat = await this.#resolveChat(repos, event.chat, "", learned);
        await repos.processed.record(event.chat.platform, event.id, chat.id, event.kind);
        await membersChanged(repos, chat, event.kind, event.members);
      });
      for (const learn of learned) learn();
      this.#recent.add(key);
      this.#deps.onCommitted?.();
      return "handled";
    } catch (error) {
      if (error instanceof AlreadyProcessed) return "duplicate";
      this.#deps.log.error({ err: error, event: event.id, chat: event.chat.id }, "membership event failed");
      return "failed";
    }
  }

  /** Handle one message. Never throws: one bad message never stops the bot. */
  async handle(message: InboundMessage): Promise<Outcome> {
    const original = message;
    const key = `${message.chat.platform}:${message.id}`;
    try {
      if (this.#recent.has(key)) return "duplicate";
      const now = this.#deps.clock.now();
      if (!this.#limiter.allow(`${message.sender.platform}:${message.sender.id}`, now.getTime())) {
        this.#deps.log.warn({ sender: message.sender.id, chat: message.chat.id }, "sender over rate limit; message dropped");
        return "rate-limited";
      }
      if (message.voice && !message.text.trim()) {
        const heard = await this.#hear(message);
        if (heard === undefined) return this.#voiceNotUnderstood(message, now);
        message = { ...message, text: heard, transcribed: true };
      }
      const text = await this.#choiceOrText(message);
      const parseContext: ParseContext = {
        now,
        timeZone: this.#deps.timeZone,
        botNames: this.#deps.botNames,
        addressedToBot: message.addressedToBot,
        ...optional("lang", detectLang(text)),
      };
      let intent = this.#deps.parser(text, parseContext);
      // A second opinion only where the embedded model was unsure: never for an SOS, a command or a rule's match.
      if (this.#deps.secondOpinion && isUnsure(intent)) intent = await this.#askSecondOpinion(text, intent, parseContext);
      const handler = handlerFor(this.#deps.router, intent);
      if (!handler) return "ignored";
      const outcome = await this.#run(message, intent, text, now, handler);
      this.#recent.add(key);
      if (outcome === "handled") this.#deps.onCommitted?.();
      return outcome;
    } catch (error) {
      this.#deps.log.error({ err: error, messageId: message.id, chat: message.chat.id }, "message failed");
      await this.#apologise(original);
      return "failed";
    }
  }

  async #run(
    message: InboundMessage,
    intent: Intent,
    text: string,
    now: Date,
    handler: BoundHandler,
  ): Promise<Outcome> {
    const learned: Array<() => void> = [];
    try {
      const outcome = await this.#deps.uow.run(async (repos): Promise<Outcome> => {
        const chat = await this.#resolveChat(repos, message.chat, text, learned, message.sender.lang);
        // Recorded first: a redelivery fails on the unique key here and the whole transaction rolls back.
        await repos.processed.record(message.chat.platform, message.id, chat.id, intent.kind);
        const person = await this.#resolvePerson(repos, message, chat, learned);
        const isAdmin = await this.#resolveMembership(repos, message, chat, person, learned);
        // The language of what the person typed; an option's reply ("/meant 3 request") is in no resident's language.
        const typed = intent.kind === "command" && intent.name === "meant" ? "" : message.action ? text : message.text;
        const lang: Lang = detectLang(typed) ?? person.lang ?? chat.lang;
        const base: MessageBase = { message, chat, person, isAdmin, lang, now, botName: this.#deps.botName };
        const context = { ...base, intent };
        // A message the language model decided is kept with its answer, like every unsure message.
        if (intent.kind !== "none" && "understood" in intent && intent.understood?.by === "llm") await keepUnsureMessage(context, repos, "llm", intent.kind);
        if (message.transcribed && routeName(intent) !== "unsure")
          await reply(context, repos, understandingTexts(lang).heard(chat.kind === "group" ? quotableInGroup(message.text) : message.text));
        await handler(base, repos);
        return "handled";
      });
      if (outcome === "handled") for (const learn of learned) learn();
      return outcome;
    } catch (error) {
      if (error instanceof AlreadyProcessed) return "duplicate"; // redelivered, or a concurrent copy committed first
      throw error;
    }
  }

  async #resolveChat(repos: Repositories, ref: ChatRef, text: string, learned: Array<() => void>, senderLang?: Lang) {
    const key = `${ref.platform}:${ref.id}`;
    const cached = this.#chats.get(key);
    if (cached) return cached;
    let chat = await repos.directories.findChat(ref.platform, ref.id);
    if (!chat) {
      const community = await repos.directories.defaultCommunity();
      const lang = ref.kind === "private" ? (detectLang(text) ?? senderLang) : detectLang(ref.title);
      chat = await repos.directories.createChat(ref, community.id, lang ?? community.lang);
    }
    const found = chat;
    learned.push(() => this.#chats.set(key, found));
    return found;
  }

  async #resolvePerson(repos: Repositories, message: InboundMessage, chat: KnownChat, learned: Array<() => void>) {
    const key = `${message.sender.platform}:${message.sender.id}`;
    const cached = this.#people.get(key);
    if (cached) return cached;
    const person =
      (await repos.directories.findPerson(message.sender.platform, message.sender.id)) ??
      (await repos.directories.createPerson(message.sender, chat.communityId));
    learned.push(() => this.#people.set(key, person));
    return person;
  }

  async #resolveMembership(
    repos: Repositories,
    message: InboundMessage,
    chat: KnownChat,
    person: KnownPerson,
    learned: Array<() => void>,
  ): Promise<boolean> {
    const key = `${chat.id}:${person.id}`;
    const cached = this.#admins.get(key);
    const reported = message.sender.isAdmin;
    if (cached !== undefined && (reported === undefined || reported === cached)) return cached;
    const { isAdmin } = await repos.directories.upsertMembership(chat.id, person.id, reported);
    learned.push(() => this.#admins.set(key, isAdmin));
    return isAdmin;
  }

  /** A bare number answers the numbered options last sent to this chat (degraded buttons). */
  async #choiceOrText(message: InboundMessage): Promise<string> {
    if (message.action) return message.action.data;
    const number = /^\s*(\d{1,2})\s*$/u.exec(message.text);
    if (!number) return message.text;
    const stored = await this.#deps.uow.run((repos) =>
      Promise.all(numberedChoiceKeys(message).map((key) => repos.states.get(key))),
    );
    const offers = stored
      .filter((value): value is string => value !== null)
      .map((value) => JSON.parse(value) as { replies: string[]; expiresAt: string; sentAt: string })
      .filter((offer) => new Date(offer.expiresAt) > this.#deps.clock.now())
      .sort((a, b) => b.sentAt.localeCompare(a.sentAt));
    return offers[0]?.replies[Number(number[1]) - 1] ?? message.text;
  }

  /** The words of a voice message, when a transcriber is configured and it answers. */
  async #hear(message: InboundMessage): Promise<string | undefined> {
    const transcriber = this.#deps.transcriber;
    if (!transcriber || !message.voice) return undefined;
    try {
      return await transcriber.transcribe(await message.voice.fetch(), message.voice.mime);
    } catch (error) {
      this.#deps.log.warn({ err: error, messageId: message.id }, "could not fetch a voice message");
      return undefined;
    }
  }

  /** A voice message the bot cannot read: a kind note to whoever addressed it; silence in a group. */
  async #voiceNotUnderstood(message: InboundMessage, now: Date): Promise<Outcome> {
    if (!message.addressedToBot) return "ignored";
    const note = this.#deps.transcriber ? "couldNotHear" : "textOnly";
    const outcome = await this.#run(message, { kind: "none" }, "", now, (context, repos) => reply(context, repos, understandingTexts(context.lang)[note]));
    this.#recent.add(`${message.chat.platform}:${message.id}`);
    if (outcome === "handled") this.#deps.onCommitted?.();
    return outcome;
  }

  /** The language model's reading of an unsure message, or the parser's own when it has none (in time). */
  async #askSecondOpinion(text: string, intent: ClarifyIntent | NoneIntent, context: ParseContext): Promise<Intent> {
    const understood = intent.understood!;
    const label = await this.#deps.secondOpinion!.ask(text, understood.guesses);
    if (!label) return intent;
    const decided = { ...understood, by: "llm" as const };
    if (label === "none") return { kind: "none", unsure: true, understood: decided };
    const built = build(label as NaturalKind, normalize(text, context.botNames), context);
    return built ? { ...built, understood: decided } : intent;
  }

  /** Tell the sender something went wrong, when the message was meant for the bot. Never throws. */
  async #apologise(message: InboundMessage): Promise<void> {
    if (!message.addressedToBot && !/^\s*[/#]/u.test(message.text)) return;
    try {
      const chat = this.#chats.get(`${message.chat.platform}:${message.chat.id}`);
      const lang = detectLang(message.text) ?? chat?.lang ?? "zh-CN";
      await this.#deps.uow.run((repos) =>
        repos.outboxes.enqueue(
          { kind: "chat", platform: message.chat.platform, chatId: message.chat.id },
          { text: t(lang).somethingWentWrong },
          { lang },
        ),
      );
      this.#deps.onCommitted?.();
    } catch (error) {
      this.#deps.log.error({ err: error }, "could not send the apology");
    }
  }
}

/** A pressed button as the message it stands for: the option's reply, addressed to the bot, from the presser. */
function pressed(event: ButtonPressed): InboundMessage {
  return {
    id: event.id,
    chat: event.chat,
    sender: event.sender,
    text: event.data,
    addressedToBot: true,
    mentions: [],
    action: { data: event.data },
    ...(event.messageId ? { replyToId: event.messageId } : {}),
    sentAt: event.at,
  };
}

/** The embedded model was unsure: a clarifying question, or a group message left alone. */
function isUnsure(intent: Intent): intent is ClarifyIntent | NoneIntent {
  return (intent.kind === "clarify" && intent.understood?.by === "model") || (intent.kind === "none" && intent.unsure === true);
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
