import { describe, expect, it } from "vitest";
import type { MessageOption, UserRef } from "../../src/chat/types.ts";
import { render, splitText } from "../../src/chat/render.ts";
import { capabilities } from "../support/fake-adapter.ts";

const caps = capabilities;

const zhOptions: MessageOption[] = [
  { label: "接单", reply: "/accept 12" },
  { label: "不方便", reply: "/decline 12" },
];
const enOptions: MessageOption[] = [
  { label: "Accept", reply: "/accept 12" },
  { label: "Not now", reply: "/decline 12" },
];
const emma: UserRef = { platform: "console", id: "Emma", displayName: "Emma" };

const codePoints = (text: string): number => [...text].length;

/** Whether `chunks` joined with one of "", "\n", " " at each joint give `original` back. */
function reassembles(original: string, chunks: string[], index = 0, at = 0): boolean {
  const chunk = chunks[index]!;
  if (!original.startsWith(chunk, at)) return false;
  const end = at + chunk.length;
  if (index === chunks.length - 1) return end === original.length;
  return ["", "\n", " "].some((separator) => original.startsWith(separator, end) && reassembles(original, chunks, index + 1, end + separator.length));
}

describe("render", () => {
  it("keeps options as buttons, on the last part, when the platform has buttons", () => {
    const result = render({ text: "李奶奶需要帮忙买菜", options: zhOptions }, caps({ buttons: true }), "zh-CN");
    expect(result).toEqual({ parts: [{ text: "李奶奶需要帮忙买菜", buttons: zhOptions }] });
  });

  it("turns options into a numbered reply in Chinese when there are no buttons", () => {
    const result = render({ text: "李奶奶需要帮忙买菜", options: zhOptions }, caps(), "zh-CN");
    expect(result).toEqual({
      parts: [{ text: "李奶奶需要帮忙买菜\n请回复数字：1 接单 / 2 不方便" }],
      numbered: ["/accept 12", "/decline 12"],
    });
  });

  it("turns options into a numbered reply in English", () => {
    const result = render({ text: "Can you help?", options: enOptions }, caps(), "en");
    expect(result.parts.map((part) => part.text)).toEqual(["Can you help?\nReply with a number: 1 Accept / 2 Not now"]);
    expect(result.numbered).toEqual(["/accept 12", "/decline 12"]);
  });

  it("leaves a message without options as it is", () => {
    expect(render({ text: "你好", options: [] }, caps({ buttons: true }), "zh-CN")).toEqual({ parts: [{ text: "你好" }] });
    expect(render({ text: "你好" }, caps(), "zh-CN")).toEqual({ parts: [{ text: "你好" }] });
  });

  it("keeps mentions only where the platform has them", () => {
    expect(render({ text: "@Emma hi", mentions: [emma] }, caps(), "en").parts).toEqual([{ text: "@Emma hi", mentions: [emma] }]);
    expect(render({ text: "@Emma hi", mentions: [emma] }, caps({ mentions: false }), "en").parts).toEqual([{ text: "@Emma hi" }]);
    expect(render({ text: "hi", mentions: [] }, caps(), "en").parts).toEqual([{ text: "hi" }]);
  });

  it("puts mentions on the first part and buttons on the last when a long text is split", () => {
    const text = "第一行很长很长\n第二行也很长很\n第三行";
    const result = render({ text, mentions: [emma], options: zhOptions }, caps({ buttons: true, maxTextLength: 8 }), "zh-CN");
    expect(result.parts).toEqual([
      { text: "第一行很长很长", mentions: [emma] },
      { text: "第二行也很长很" },
      { text: "第三行", buttons: zhOptions },
    ]);
  });

  it("splits the numbered line with the text when there are no buttons", () => {
    const result = render({ text: "要帮忙吗？", options: zhOptions }, caps({ maxTextLength: 20 }), "zh-CN");
    expect(result.parts).toEqual([{ text: "要帮忙吗？" }, { text: "请回复数字：1 接单 / 2 不方便" }]);
    expect(result.parts.every((part) => part.buttons === undefined)).toBe(true);
  });
});

describe("splitText", () => {
  it.each<[string, number, string[]]>([
    ["", 5, [""]],
    ["short", 5, ["short"]],
    ["ab cd ef", 5, ["ab cd", "ef"]],
    ["ab\ncd ef gh", 8, ["ab", "cd ef gh"]], // a line break wins over a later space
    ["one two\nthree", 9, ["one two", "three"]],
    ["abcdefghij", 4, ["abcd", "efgh", "ij"]], // no separator: a hard cut
    ["一二三四五六七", 3, ["一二三", "四五六", "七"]],
    ["😀😀😀😀😀", 2, ["😀😀", "😀😀", "😀"]],
    ["😀😀 😀😀", 3, ["😀😀", "😀😀"]],
    ["\nabcdef", 3, ["\nab", "cde", "f"]], // a separator at the very start is no place to cut
  ])("splitText(%j, %d) → %j", (text, max, expected) => {
    expect(splitText(text, max)).toEqual(expected);
  });

  it("counts code points, not UTF-16 units", () => {
    const text = "👍".repeat(10);
    const chunks = splitText(text, 4);
    expect(chunks.map(codePoints)).toEqual([4, 4, 2]);
    expect(chunks.join("")).toBe(text);
  });

  it("refuses a maximum below 1", () => {
    expect(() => splitText("abc", 0)).toThrow(RangeError);
  });

  it("keeps every chunk within the maximum and loses nothing, for a few hundred random texts", () => {
    const random = lcg(20261125);
    const alphabet = ["a", "b", "Z", "7", "邻", "里", "帮", "忙", "😀", "👍🏽", " ", " ", "\n", "，", "。"];
    for (let round = 0; round < 400; round += 1) {
      const length = Math.floor(random() * 120);
      let text = "";
      for (let i = 0; i < length; i += 1) text += alphabet[Math.floor(random() * alphabet.length)];
      text = text.trimEnd(); // a separator at the very end is a known open question (see the report)
      const max = 1 + Math.floor(random() * 30);
      const chunks = splitText(text, max);
      const where = `text ${JSON.stringify(text)}, max ${max}, chunks ${JSON.stringify(chunks)}`;
      expect(chunks.length, where).toBeGreaterThan(0);
      for (const chunk of chunks) expect(codePoints(chunk), where).toBeLessThanOrEqual(max);
      if (text.length > 0) for (const chunk of chunks) expect(chunk.length, where).toBeGreaterThan(0);
      expect(reassembles(text, chunks), where).toBe(true);
    }
  });

  it("never cuts a word in two when every word fits, in random texts", () => {
    const random = lcg(7);
    for (let round = 0; round < 200; round += 1) {
      const words = Array.from({ length: 2 + Math.floor(random() * 10) }, () => "字".repeat(1 + Math.floor(random() * 5)));
      const text = words.join(random() < 0.5 ? " " : "\n");
      const chunks = splitText(text, 6);
      // every word fits in 6, so no word is ever cut in two
      for (const chunk of chunks) for (const word of chunk.split(/[ \n]/u)) expect(words).toContain(word);
      expect(reassembles(text, chunks)).toBe(true);
    }
  });
});

/** A tiny linear congruential generator (Numerical Recipes constants): the same sequence every run. */
function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}
