/** Binding a bare answer to its question: a reply or a quote names it; one open question is answered; several are asked about. */
import { describe, expect, it } from "vitest";
import type { OpenQuestion } from "../../src/chat/numbered-choices.ts";
import { answerShape, bindAnswer, normalizeWord } from "../../src/chat/numbered-choices.ts";
import { splitQuote } from "../../src/chat/quote.ts";
import { SOS_ANSWER_WORDS } from "../../src/features/requests/texts.ts";

const now = new Date("2026-12-03T10:00:00Z");
const later = "2026-12-10T10:00:00Z";
const words = new Set(SOS_ANSWER_WORDS.map(normalizeWord));

function question(key: string, over: Partial<OpenQuestion> = {}): OpenQuestion {
  return { key, subject: key, replies: [`/accept ${key}`, `/decline ${key}`], numbered: true, excerpt: `求助 ${key}：王秀英需要帮忙`, closable: true, sentAt: "2026-12-03T09:00:00Z", expiresAt: later, ...over };
}
const ladder = question("ladder", { subject: "借梯子 #2", sentAt: "2026-12-03T09:00:00Z", messageId: "42:7", excerpt: "求助 #2：王秀英（3栋）需要帮忙——借梯子" });
const sos = question("sos", {
  subject: "紧急求助 #1",
  replies: ["/ack 1"],
  words: [[...SOS_ANSWER_WORDS]],
  sentAt: "2026-12-03T09:05:00Z",
  excerpt: "🚨 紧急求助 #1：5栋有人摔倒",
});

describe("answer shapes", () => {
  it("reads bare numbers and answer words, and nothing else", () => {
    expect(answerShape(" 2 ", words)).toEqual({ number: 2 });
    expect(answerShape("我去！", words)).toEqual({ word: "我去" });
    expect(answerShape("On my way!", words)).toEqual({ word: "onmyway" });
    expect(answerShape("我去看看", words)).toBeNull();
    expect(answerShape("100", words)).toBeNull();
    expect(answerShape("+1", words)).toBeNull();
  });
});

describe("binding an answer", () => {
  const base = { senderId: "王师傅", now };

  it("answers the one open question; reads the text as typed when none is open or the number is out of range", () => {
    expect(bindAnswer({ ...base, shape: { number: 1 }, questions: [ladder] })).toEqual({ kind: "answer", reply: "/accept ladder", answers: ["ladder"] });
    expect(bindAnswer({ ...base, shape: { number: 1 }, questions: [] })).toEqual({ kind: "text" });
    expect(bindAnswer({ ...base, shape: { number: 3 }, questions: [ladder] })).toEqual({ kind: "text" });
    expect(bindAnswer({ ...base, shape: { number: 1 }, questions: [{ ...ladder, expiresAt: "2026-12-03T09:59:00Z" }] })).toEqual({ kind: "text" });
  });

  it("asks which one when several are open, in the order they were asked, never guessing", () => {
    const bound = bindAnswer({ ...base, shape: { number: 1 }, questions: [sos, ladder] });
    expect(bound).toEqual({ kind: "ask", questions: [ladder, sos], replies: ["/accept ladder", "/ack 1"] });
    // "2" fits only the ladder's options: no question to ask.
    expect(bindAnswer({ ...base, shape: { number: 2 }, questions: [ladder, sos] })).toEqual({ kind: "answer", reply: "/decline ladder", answers: ["ladder"] });
  });

  it("binds a reply to the question it replies to, and a quote to the question it quotes", () => {
    expect(bindAnswer({ ...base, shape: { number: 1 }, questions: [ladder, sos], replyToId: "42:7" })).toMatchObject({ kind: "answer", reply: "/accept ladder" });
    expect(bindAnswer({ ...base, shape: { number: 1 }, questions: [ladder, sos], quoted: "🚨 紧急求助 #1：5栋有人摔…" })).toMatchObject({ kind: "answer", reply: "/ack 1" });
    // A reply to some other message names neither: still asked.
    expect(bindAnswer({ ...base, shape: { number: 1 }, questions: [ladder, sos], replyToId: "42:99" })).toMatchObject({ kind: "ask" });
  });

  it("takes questions the answer means the same for (an alert repeated) as one, closing them all", () => {
    const again = { ...sos, key: "sos-again", sentAt: "2026-12-03T09:07:00Z" };
    expect(bindAnswer({ ...base, shape: { number: 1 }, questions: [sos, again] })).toEqual({ kind: "answer", reply: "/ack 1", answers: ["sos-again", "sos"] });
    expect(bindAnswer({ ...base, shape: { number: 1 }, questions: [sos, ladder, again] })).toEqual({ kind: "ask", questions: [ladder, again], replies: ["/accept ladder", "/ack 1"] });
  });

  it("takes an emergency's answer word only for questions that have it; buttons shown take no bare number", () => {
    expect(bindAnswer({ ...base, shape: { word: "我去" }, questions: [ladder, sos] })).toEqual({ kind: "answer", reply: "/ack 1", answers: ["sos"] });
    const buttons = { ...sos, numbered: false };
    expect(bindAnswer({ ...base, shape: { number: 1 }, questions: [buttons] })).toEqual({ kind: "text" });
    expect(bindAnswer({ ...base, shape: { word: "onmyway" }, questions: [buttons] })).toMatchObject({ kind: "answer", reply: "/ack 1" });
  });

  it("leaves a question asked of someone else alone, and keeps a question to anyone open", () => {
    const hers = { ...ladder, askedOf: "李奶奶" };
    expect(bindAnswer({ ...base, shape: { number: 1 }, questions: [hers] })).toEqual({ kind: "text" });
    const card = { ...ladder, closable: false, replies: ["/join 3", "/leave 3"] };
    expect(bindAnswer({ ...base, shape: { number: 1 }, questions: [card] })).toEqual({ kind: "answer", reply: "/join 3", answers: [] });
  });

  it("puts the questions waiting for this person's answer first, then questions to anyone, then ones already answered", () => {
    const card = { ...ladder, key: "card", closable: false, replies: ["/join 3", "/leave 3"], sentAt: "2026-12-03T09:30:00Z" };
    const which = { ...ladder, key: "which-event", askedOf: "王师傅", replies: ["/join 3", "/join 4"], sentAt: "2026-12-03T09:20:00Z" };
    // Her question ("which event?") is answered, though an event card to anyone is newer.
    expect(bindAnswer({ ...base, shape: { number: 2 }, questions: [card, which] })).toEqual({ kind: "answer", reply: "/join 4", answers: ["which-event"] });
    // Answered, it yields: the card is what "2" now means.
    expect(bindAnswer({ ...base, shape: { number: 2 }, questions: [card, { ...which, answered: true }] })).toEqual({ kind: "answer", reply: "/leave 3", answers: [] });
    // The ladder taken, "1" is for the emergency still waiting.
    expect(bindAnswer({ ...base, shape: { number: 1 }, questions: [{ ...ladder, answered: true }, sos] })).toEqual({ kind: "answer", reply: "/ack 1", answers: ["sos"] });
    // Only answered questions left: the answer is given again (a confirmation that could not go through yet).
    expect(bindAnswer({ ...base, shape: { number: 1 }, questions: [{ ...ladder, answered: true }] })).toEqual({ kind: "answer", reply: "/accept ladder", answers: ["ladder"] });
  });

  it("answers the pending 'which one?' with the reply its number stands for, closing that question", () => {
    const which = { replies: ["/ack 1", "/accept ladder"], answers: ["sos", "ladder"], expiresAt: later };
    expect(bindAnswer({ ...base, shape: { number: 2 }, questions: [ladder, sos], which })).toEqual({ kind: "answer", reply: "/accept ladder", answers: ["ladder"] });
    // Expired, it is as if it was never asked.
    expect(bindAnswer({ ...base, shape: { number: 2 }, questions: [ladder, sos], which: { ...which, expiresAt: "2026-12-03T09:00:00Z" } })).toMatchObject({ kind: "answer", reply: "/decline ladder" });
  });
});

describe("WeChat quotes", () => {
  it("splits a quote from its reply, dashed or on one line", () => {
    expect(splitQuote("「邻里小助手：求助 #2：王秀英需要帮忙」\n- - - - - - - - - - - - - - -\n1")).toEqual({ quoted: "求助 #2：王秀英需要帮忙", reply: "1" });
    expect(splitQuote("「邻里小助手：求助 #2」1")).toEqual({ quoted: "求助 #2", reply: "1" });
    expect(splitQuote("我说「你好」")).toBeNull();
    expect(splitQuote("1")).toBeNull();
  });
});
