/**
 * The inbound pipeline: error boundary → dedupe → rate limit → parse → route → resolve person, chat and membership
 * → the use case, in one transaction with the processed-message record and the outbound messages.
 * Chatter (no route) costs no I/O and writes nothing. Resolution is read through a cache of known ids. A sender over
 * the rate limit costs a parse and no database use; their emergencies still go through.
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
import { handlerFor, photoHandlerFor, routeName } from "./routes.ts";
import { keepUnsureMessage } from "../features/understanding/clarify.ts";
import { membersChanged } from "../features/community/welcome.ts";
import { detectLang } from "../parse/normalize.ts";
import { t } from "./shared/texts.ts";
import { RateLimiter } from "../chat/rate-limiter.ts";
import { RecentSet } from "../chat/recent-set.ts";
import type { Binding, OpenQuestion, WhichQuestion } from "../chat/numbered-choices.ts";
import { WHICH_TTL_MS, answerLanes, answerShape, bindAnswer, choicesPrefix, closing, normalizeWord, whichKey } from "../chat/numbered-choices.ts";
import { SOS_ANSWER_WORDS } from "../features/requests/texts.ts";

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
  readonly #answerWords: ReadonlySet<string> = new Set(SOS_ANSWER_WORDS.map(normalizeWord));
  /** The identities of people enrolled in daily check-ins, read once and again after a check-in command. */
  #enrolled: Promise<ReadonlySet<string>> | undefined;

  constructor(deps: PipelineDeps) {
    this.#deps = deps;
    this.#limiter = new RateLimiter(deps.rateLimitPerMinute);
  }

  /** Handle whatever an adapter hands on: a message, people joining or leaving, a button pressed. Never throws. */
  receive(event: InboundEvent): Promise<Outcome> {
    if (!("kind" in event)) return this.handle(event);
    return event.kind === "button_pressed" ? this.handle(pressed(event)) : this.members(event);
  }

  /** The identities enrolled in daily check-ins (read from the database when not known). */
  #enrolledSet(): Promise<ReadonlySet<string>> {
    this.#enrolled ??= this.#deps.uow.run((repos) => repos.checkins.enrolledIdentities()).then(
      (keys) => new Set(keys),
      (error: unknown) => {
        this.#enrolled = undefined;
        throw error;
      },
    );
    return this.#enrolled;
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
      const throttled = !this.#limiter.allow(senderKey(message), now.getTime());
      if (message.voice && !message.text.trim()) {
        const heard = await this.#hear(message);
        if (heard === undefined) return throttled ? "rate-limited" : this.#voiceNotUnderstood(message, now);
        message = { ...message, text: heard, transcribed: true };
      }
      if (throttled) {
        const outcome = await this.#throttled(message, now);
        if (outcome) return outcome;
      }
      const bound = await this.#bind(message, now);
      if (bound.kind === "ask") return await this.#askWhich(message, bound, now);
      const text = bound.kind === "answer" ? bound.reply : message.text;
      const answers = bound.kind === "answer" ? [...bound.answers, ...("settles" in bound ? [bound.settles] : [])] : [];
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
      // Check-ins read every message without I/O: an enrolled sender's (known from an in-memory set) is their check-in.
      const read = this.#deps.router.presence;
      const facts = { enrolled: (await this.#enrolledSet()).has(senderKey(message)), privateChat: message.chat.kind === "private" };
      const presence = read ? read(intent, text, facts) : undefined;
      if (presence?.intent) intent = presence.intent;
      // A photo whose caption says nothing to act on may still belong to a report made just before or after it.
      const routed = presence?.only ? undefined : (handlerFor(this.#deps.router, intent) ?? (message.photo ? photoHandlerFor(this.#deps.router, intent) : undefined));
      const handler = before(presence?.before, presence?.around ? presence.around(routed) : routed);
      if (!handler) return "ignored";
      const outcome = await this.#run(message, intent, text, now, handler, answers);
      if (presence?.only || intent.kind === "checkin" || (intent.kind === "command" && intent.name === "checkin")) this.#enrolled = undefined;
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
    answers: string[] = [],
  ): Promise<Outcome> {
    const learned: Array<() => void> = [];
    try {
      // The language of what the person typed; an option's reply ("/meant 3 request", "/reports 1 acknowledged") is in
      // no resident's language.
      const typed = (intent.kind === "command" && intent.name === "meant") || message.action ? "" : message.text;
      const outcome = await this.#deps.uow.run(async (repos): Promise<Outcome> => {
        const chat = await this.#resolveChat(repos, message.chat, typed, learned, message.sender.lang);
        // Recorded first: a redelivery fails on the unique key here and the whole transaction rolls back.
        await repos.processed.record(message.chat.platform, message.id, chat.id, intent.kind);
        // The question answered is marked so with the answer's effects, or not at all.
        await markAnswered(repos, answers);
        const person = await this.#resolvePerson(repos, message, chat, learned);
        const isAdmin = await this.#resolveMembership(repos, message, chat, person, learned);
        const lang: Lang = detectLang(typed) ?? person.lang ?? chat.lang;
        const forgetSender = () => learned.push(() => this.#forgetPerson(person.id));
        const base: MessageBase = { message, chat, person, isAdmin, lang, now, botName: this.#deps.botName, forgetSender };
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

  /** A person was forgotten: whoever writes from their identities again is resolved afresh, as someone new. */
  #forgetPerson(personId: number): void {
    for (const [key, known] of this.#people) if (known.id === personId) this.#people.delete(key);
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

  /**
   * A button's data; a bare number, an answer word, a quote or a reply bound to the open question it answers
   * (src/chat/numbered-choices.ts). Anything else is read as typed, without a lookup.
   */
  async #bind(message: InboundMessage, now: Date): Promise<Binding | (Extract<Binding, { kind: "answer" }> & { settles: string })> {
    const lanes = answerLanes(message);
    if (message.action) {
      if (!message.replyToId) return { kind: "answer", reply: message.action.data, answers: [] };
      const questions = await this.#deps.uow.run((repos) => openQuestions(repos, lanes));
      const pressed = questions.filter((question) => question.messageId === message.replyToId && question.replies.includes(message.action!.data));
      return { kind: "answer", reply: message.action.data, answers: closing(pressed) };
    }
    const shape = answerShape(message.text, this.#answerWords);
    if (!shape) return { kind: "text" };
    const which = whichKey(lanes[0]!, message.sender.id);
    const [questions, pending] = await this.#deps.uow.run((repos) => Promise.all([openQuestions(repos, lanes), repos.states.get(which)]));
    const bound = bindAnswer({
      shape,
      senderId: message.sender.id,
      questions,
      which: pending ? (JSON.parse(pending) as WhichQuestion) : undefined,
      replyToId: message.replyToId,
      quoted: message.quoted,
      now,
    });
    // Any answer settles a pending "which one?" question.
    return bound.kind === "answer" && pending ? { ...bound, settles: which } : bound;
  }

  /** Several questions could be meant: ask which (by their subjects), never guess. */
  async #askWhich(message: InboundMessage, bound: Extract<Binding, { kind: "ask" }>, now: Date): Promise<Outcome> {
    const key = whichKey(answerLanes(message)[0]!, message.sender.id);
    const which: WhichQuestion = {
      replies: bound.replies,
      answers: bound.questions.map((question) => (question.closable ? question.key : "")),
      expiresAt: new Date(now.getTime() + WHICH_TTL_MS).toISOString(),
    };
    return this.#answerOnly(message, now, async (context, repos) => {
      await repos.states.set(key, JSON.stringify(which));
      const question = t(context.lang).whichOne(bound.questions.map((one) => one.subject));
      await reply(context, repos, message.chat.kind === "group" ? { text: question, mentions: [message.sender] } : question);
    });
  }

  /** Handle a message with `handler` alone, not through the router (a question about it, a note that it cannot be read). */
  async #answerOnly(message: InboundMessage, now: Date, handler: BoundHandler): Promise<Outcome> {
    const outcome = await this.#run(message, { kind: "none" }, message.text, now, handler);
    this.#recent.add(`${message.chat.platform}:${message.id}`);
    if (outcome === "handled") this.#deps.onCommitted?.();
    return outcome;
  }

  /**
   * A message from a sender over the rate limit, read by the parser alone (pure, no database, no language model): an
   * emergency, or an answer to one, goes on as usual (undefined); anything else is dropped without touching the
   * database, and the first one in a throttle period that the bot would have acted on gets one short notice.
   */
  async #throttled(message: InboundMessage, now: Date): Promise<Outcome | undefined> {
    const text = message.action?.data ?? message.text;
    const intent = this.#deps.parser(text, {
      now,
      timeZone: this.#deps.timeZone,
      botNames: this.#deps.botNames,
      addressedToBot: message.addressedToBot,
      ...optional("lang", detectLang(text)),
    });
    // An emergency's answer word ("我去") is let through too: it answers an alert (a bare number needs a lookup to tell).
    const shape = answerShape(text, this.#answerWords);
    const answersAlert = shape !== null && "word" in shape;
    if (intent.kind === "sos" || (intent.kind === "command" && intent.name === "ack") || answersAlert) return undefined;
    if (!handlerFor(this.#deps.router, intent) || !this.#limiter.notice(senderKey(message))) return "rate-limited";
    this.#deps.log.warn({ sender: message.sender.id, chat: message.chat.id }, "sender over rate limit; messages dropped");
    try {
      const learned: Array<() => void> = [];
      await this.#deps.uow.run(async (repos) => {
        const chat = await this.#resolveChat(repos, message.chat, text, learned, message.sender.lang);
        const { platform, id, displayName } = message.sender;
        const inGroup = chat.kind === "group";
        await repos.outboxes.enqueue(
          { kind: "chat", platform: message.chat.platform, chatId: message.chat.id },
          { text: t(chat.lang).slowDown(inGroup ? displayName : null), ...(inGroup ? { mentions: [{ platform, id, displayName }] } : {}) },
          { lang: chat.lang },
        );
      });
      for (const learn of learned) learn();
      this.#deps.onCommitted?.();
    } catch (error) {
      this.#deps.log.error({ err: error, messageId: message.id }, "could not tell a sender to slow down");
    }
    return "rate-limited";
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
    return this.#answerOnly(message, now, (context, repos) => reply(context, repos, understandingTexts(context.lang)[note]));
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

/** The questions remembered in these lanes. */
async function openQuestions(repos: Repositories, lanes: string[]): Promise<OpenQuestion[]> {
  const stored = await Promise.all(lanes.map((one) => repos.states.list(choicesPrefix(one))));
  return stored.flat().map(({ key, value }) => ({ ...(JSON.parse(value) as Omit<OpenQuestion, "key">), key }));
}

/** Mark the questions answered; a "which one?" question answered is forgotten. */
async function markAnswered(repos: Repositories, keys: string[]): Promise<void> {
  for (const key of keys) {
    if (key.startsWith("which:")) {
      await repos.states.delete([key]);
      continue;
    }
    const value = await repos.states.get(key);
    if (value) await repos.states.set(key, JSON.stringify({ ...(JSON.parse(value) as OpenQuestion), answered: true }));
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

/** Run `first` and then `then` in one transaction (either may be missing). */
function before(first: BoundHandler | undefined, then: BoundHandler | undefined): BoundHandler | undefined {
  if (!first || !then) return first ?? then;
  return async (base, repos) => {
    await first(base, repos);
    await then(base, repos);
  };
}

/** Whose rate a message counts against. */
function senderKey(message: InboundMessage): string {
  return `${message.sender.platform}:${message.sender.id}`;
}

/** The embedded model was unsure: a clarifying question, or a group message left alone. */
function isUnsure(intent: Intent): intent is ClarifyIntent | NoneIntent {
  return (intent.kind === "clarify" && intent.understood?.by === "model") || (intent.kind === "none" && intent.unsure === true);
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
