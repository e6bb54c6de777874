/**
 * Lanes and open questions. A lane is where messages keep their order: one chat, or one person's private chat.
 * Every message the bot sent with options is remembered as a question of its lane, under `choices:<lane>:<outbox id>`,
 * until it expires or is asked again. A bare "1", an answer word ("我去"), a quote (WeChat) or a reply (Telegram) is
 * bound to its question here, never silently to the newest one: a reply or quote names its question; otherwise the
 * questions put to this person and not yet answered come first, then questions to anyone in the chat (an event card),
 * then the ones already answered (a confirmation tried again). Within the first of those that has any, one question is
 * answered and several are asked about ("您是回复哪一个？1 借梯子 #2 / 2 紧急求助 #1"), that question's answers being
 * remembered under `which:<lane>:<person>`.
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

/** The state-key prefix under which a lane's open questions are remembered. */
export function choicesPrefix(laneKey: string): string {
  return `choices:${laneKey}:`;
}

/** The state key of the "which one?" question asked of `personId` in a lane. */
export function whichKey(laneKey: string, personId: string): string {
  return `which:${laneKey}:${personId}`;
}

/**
 * Whether a state key holds questions put to a person (their private lanes) or their "which one?" questions anywhere:
 * what forgetting them removes. `privateChats` are the ids of their private chats on `platform`.
 */
export function isQuestionOf(key: string, platform: Platform, userId: string, privateChats: string[]): boolean {
  const { prefixes, which } = questionKeysOf(platform, userId, privateChats);
  return prefixes.some((prefix) => key.startsWith(prefix)) || (key.startsWith(which.prefix) && key.endsWith(which.suffix));
}

/** How the keys of the questions put to a person start (their private lanes), and how their "which one?" keys look. */
export function questionKeysOf(platform: Platform, userId: string, privateChats: string[]) {
  const lanes = [lane(platform, "user", userId), ...privateChats.map((id) => lane(platform, "chat", id))];
  return { prefixes: lanes.map(choicesPrefix), which: { prefix: `which:${platform}:`, suffix: `:${userId}` } };
}

/** A question the bot asked with options, as remembered. */
export interface OpenQuestion {
  /** The state key it is remembered under. */
  key: string;
  /** What it is about, short ("借梯子 #2"): how the "which one?" question names it. */
  subject: string;
  /** Each option's reply (what choosing it means). */
  replies: string[];
  /** Words that choose an option when typed on their own ("我去" / "on my way"), per option. */
  words?: string[][];
  /** Whether the options were shown as numbers (a bare number answers only those; buttons show none). */
  numbered: boolean;
  /** The platform id of the message, as a reply to it names it ("<chat>:<message>" on Telegram). */
  messageId?: string;
  /** The start of its text, as a quote of it shows (WeChat quotes carry no id). */
  excerpt: string;
  /** The same question asked before in the lane (an alert repeated): a reply or quote of those names this one. */
  earlier?: Array<{ messageId?: string; excerpt: string }>;
  /** Only this person may answer it (a group question asked of one person); absent: anyone in the lane. */
  askedOf?: string;
  /** Put to one person (privately, or `askedOf` in a group): answering marks it answered. A question to anyone (an
   * event card) never is. */
  closable: boolean;
  /** Answered already: it yields to the questions still waiting for an answer. */
  answered?: boolean;
  sentAt: string;
  expiresAt: string;
}

/** The "which one?" question pending for a person: the reply each number stands for, and the question it answers. */
export interface WhichQuestion {
  replies: string[];
  answers: string[];
  expiresAt: string;
}

/** How long a "which one?" question may be answered. */
export const WHICH_TTL_MS = 30 * 60_000;

/** The lanes an answer arriving in this message's chat may be for: a group's; for a private chat also the person's. */
export function answerLanes(message: InboundMessage): string[] {
  const chatLane = lane(message.chat.platform, "chat", message.chat.id);
  return message.chat.kind === "private" ? [lane(message.chat.platform, "user", message.sender.id), chatLane] : [chatLane];
}

/** What a short message is, as an answer: a number, a word (normalised), or neither (no lookup needed). */
export function answerShape(text: string, answerWords: ReadonlySet<string>): { number: number } | { word: string } | null {
  const number = /^\s*(\d{1,2})\s*$/u.exec(text);
  if (number) return { number: Number(number[1]) };
  const word = normalizeWord(text);
  return word && answerWords.has(word) ? { word } : null;
}

/** An answer word as compared: lower case, without spaces and trailing punctuation ("我去！" → "我去"). */
export function normalizeWord(text: string): string {
  return text.toLowerCase().replace(/[\s\p{P}\p{Emoji_Presentation}]+/gu, "");
}

/** What an answer turned out to be. */
export type Binding =
  /** Not an answer to any open question: read the text as it is. */
  | { kind: "text" }
  /** The reply it stands for, and the keys of the questions it answers (to be marked answered). */
  | { kind: "answer"; reply: string; answers: string[] }
  /** Several questions could be meant: ask which, each choice standing for `replies[i]` of `questions[i]`. */
  | { kind: "ask"; questions: OpenQuestion[]; replies: string[] };

/** The facts an answer is bound with. */
export interface AnswerFacts {
  shape: { number: number } | { word: string };
  senderId: string;
  /** The lanes' open questions (expired ones are ignored). */
  questions: OpenQuestion[];
  which?: WhichQuestion | undefined;
  replyToId?: string | undefined;
  quoted?: string | undefined;
  now: Date;
}

/** Bind an answer to its question: pure, so every rule is tested without a database. */
export function bindAnswer(facts: AnswerFacts): Binding {
  const { shape, now } = facts;
  const which = facts.which && new Date(facts.which.expiresAt) > now ? facts.which : undefined;
  if (which && "number" in shape && !facts.replyToId && !facts.quoted) {
    const reply = which.replies[shape.number - 1];
    if (reply !== undefined) return { kind: "answer", reply, answers: which.answers[shape.number - 1] ? [which.answers[shape.number - 1]!] : [] };
  }
  const fitting = facts.questions
    .filter((question) => new Date(question.expiresAt) > now)
    .filter((question) => !question.askedOf || question.askedOf === facts.senderId)
    .map((question) => ({ question, reply: replyFor(question, shape) }))
    .filter((candidate): candidate is { question: OpenQuestion; reply: string } => candidate.reply !== undefined)
    .sort((a, b) => b.question.sentAt.localeCompare(a.question.sentAt));
  const named = fitting.filter(({ question }) => names(question, facts.replyToId, facts.quoted));
  const tiers = named.length
    ? [named.slice(0, 1)]
    : [
        fitting.filter(({ question }) => question.closable && !question.answered),
        fitting.filter(({ question }) => !question.closable),
        fitting.filter(({ question }) => question.answered),
      ];
  const candidates = tiers.find((tier) => tier.length > 0);
  if (!candidates) return { kind: "text" };
  // Questions the answer means the same for (an alert repeated) are one question.
  const replies = [...new Set(candidates.map(({ reply }) => reply))];
  if (replies.length === 1) return { kind: "answer", reply: replies[0]!, answers: closing(candidates.map(({ question }) => question)) };
  const distinct = replies.map((reply) => candidates.find((candidate) => candidate.reply === reply)!);
  const shown = distinct.slice(0, 9).reverse(); // the newest nine, listed in the order they were asked
  return { kind: "ask", questions: shown.map(({ question }) => question), replies: shown.map(({ reply }) => reply) };
}

/** The keys of the questions an answer marks answered (a question to anyone stays as it is). */
export function closing(questions: OpenQuestion[]): string[] {
  return questions.filter((question) => question.closable).map((question) => question.key);
}

function replyFor(question: OpenQuestion, shape: AnswerFacts["shape"]): string | undefined {
  if ("number" in shape) return question.numbered ? question.replies[shape.number - 1] : undefined;
  const index = (question.words ?? []).findIndex((words) => words.some((word) => normalizeWord(word) === shape.word));
  return index < 0 ? undefined : question.replies[index];
}

/** Does a reply (by id) or a quote (by its text) name this question, or the same question asked before? */
function names(question: OpenQuestion, replyToId: string | undefined, quoted: string | undefined): boolean {
  return [question, ...(question.earlier ?? [])].some((sent) => namesSent(sent, replyToId, quoted));
}

function namesSent(sent: { messageId?: string; excerpt: string }, replyToId: string | undefined, quoted: string | undefined): boolean {
  if (replyToId && sent.messageId) return replyToId === sent.messageId;
  if (!quoted) return false;
  const a = compact(quoted).replace(/(?:…|\.\.\.)$/u, ""); // a long quote is shown cut, with an ellipsis
  const b = compact(sent.excerpt);
  const length = Math.min(a.length, b.length, 20);
  return length >= 4 && a.slice(0, length) === b.slice(0, length);
}

const compact = (text: string) => text.replace(/\s+/gu, "");
