import fc from "fast-check";
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

const SEPARATORS = ["", "\n", " "];

/**
 * Where each chunk lies in `original` ([from, to) in UTF-16 units), when the chunks joined with one of "", "\n", " "
 * at each joint, and one "\n" or " " dropped at the end, give `original` back; otherwise null.
 */
function locate(original: string, chunks: string[], index = 0, at = 0): Array<[number, number]> | null {
  const chunk = chunks[index]!;
  if (!original.startsWith(chunk, at)) return null;
  const end = at + chunk.length;
  if (index === chunks.length - 1) {
    const tail = original.slice(end);
    return SEPARATORS.includes(tail) ? [[at, end]] : null;
  }
  for (const separator of SEPARATORS) {
    if (!original.startsWith(separator, end)) continue;
    const rest = locate(original, chunks, index + 1, end + separator.length);
    if (rest) return [[at, end], ...rest];
  }
  return null;
}

const reassembles = (original: string, chunks: string[]): boolean => locate(original, chunks) !== null;

const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/** The graphemes of `text` as [from, to) in UTF-16 units. */
function graphemeSpans(text: string): Array<[number, number]> {
  return [...segmenter.segment(text)].map(({ index, segment }): [number, number] => [index, index + segment.length]);
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

describe("render: photos", () => {
  const lamp = "问题 #7：3栋2单元楼道灯坏了";
  const fromTelegram = { platform: "telegram" as const, ref: "AgACAgUAAxkBAAIB" };
  const fromWechat = { platform: "wechat" as const, ref: "cmx7uzwk3000d0h7d91fw5lvy" };

  it("sends a photo on to the platform it came from, with the text", () => {
    expect(render({ text: lamp, photo: fromTelegram }, caps({ photos: true }), "zh-CN", "telegram")).toEqual({ parts: [{ text: lamp, photo: fromTelegram }] });
    expect(render({ text: lamp, photo: fromWechat }, caps({ photos: true }), "zh-CN", "wechat")).toEqual({ parts: [{ text: lamp, photo: fromWechat }] });
  });

  it("says in the reader's language that a photo from another platform can't be sent here", () => {
    expect(render({ text: lamp, photo: fromWechat }, caps({ photos: true }), "zh-CN", "telegram")).toEqual({
      parts: [{ text: `${lamp}\n（附有照片，这里发不了，请到原群里看。）` }],
    });
    expect(render({ text: "Report #7: the stairwell light is out", photo: fromTelegram }, caps({ photos: true }), "en", "console").parts).toEqual([
      { text: "Report #7: the stairwell light is out\n(A photo came with this; it can't be sent here, see the group it was posted in.)" },
    ]);
  });

  it("says so too where the platform sends no photos at all, even its own", () => {
    expect(render({ text: lamp, photo: fromTelegram }, caps({ photos: false }), "zh-CN", "telegram").parts).toEqual([
      { text: `${lamp}\n（附有照片，这里发不了，请到原群里看。）` },
    ]);
  });

  it("puts the photo on the last part of a long text, after the numbered options", () => {
    const result = render({ text: "第一行很长很长\n第二行", photo: fromTelegram, options: zhOptions }, caps({ photos: true, maxTextLength: 20 }), "zh-CN", "telegram");
    expect(result.parts).toEqual([{ text: "第一行很长很长\n第二行" }, { text: "请回复数字：1 接单 / 2 不方便", photo: fromTelegram }]);
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
    ["😀😀😀😀😀", 4, ["😀😀", "😀😀", "😀"]],
    ["😀😀😀", 3, ["😀", "😀", "😀"]], // never half a surrogate pair
    ["😀😀 😀😀", 6, ["😀😀", "😀😀"]],
    ["\nabcdef", 3, ["\nab", "cde", "f"]], // a separator at the very start is no place to cut
    ["ab cd ", 5, ["ab cd"]], // the separator at the cut is dropped, also at the very end
    ["ab\r\ncd", 3, ["ab", "\r\nc", "d"]], // CR LF is one grapheme: no cut between them
    ["ab \u0301cd", 3, ["ab", " \u0301c", "d"]], // a space carrying an accent is no separator
    ["ab👍🏽", 4, ["ab", "👍🏽"]], // the limit falls between 👍 and its skin tone
    ["你好👨‍👩‍👧", 8, ["你好", "👨‍👩‍👧"]], // the limit falls inside a family (man ZWJ woman ZWJ girl)
    ["abc🇨🇳🇺🇸", 5, ["abc", "🇨🇳", "🇺🇸"]], // the limit falls between a flag's two letters
    ["cafe\u0301s", 4, ["caf", "e\u0301s"]], // e and its combining accent stay together
    ["👨‍👩‍👧", 4, ["👨‍", "👩‍", "👧"]], // a grapheme longer than the limit: cut between code points
  ])("splitText(%j, %d) → %j", (text, max, expected) => {
    expect(splitText(text, max)).toEqual(expected);
  });

  it("counts UTF-16 units, as Telegram does (4,096 per message)", () => {
    const text = "👍".repeat(3000);
    const chunks = splitText(text, 4096);
    expect(chunks.map((chunk) => chunk.length)).toEqual([4096, 1904]);
    expect(chunks.join("")).toBe(text);
  });

  it("keeps a skin tone and a family whole where the Telegram limit falls inside them", () => {
    const thumbs = `${"a".repeat(4095)}👍🏽`;
    expect(splitText(thumbs, 4096)).toEqual(["a".repeat(4095), "👍🏽"]);
    const family = `${"邻".repeat(4090)}👨‍👩‍👧‍👦`;
    expect(splitText(family, 4096)).toEqual(["邻".repeat(4090), "👨‍👩‍👧‍👦"]);
  });

  it("refuses a maximum below 1", () => {
    expect(() => splitText("abc", 0)).toThrow(RangeError);
  });

  it("keeps every chunk within the maximum, loses nothing and cuts only between graphemes, on random text", () => {
    const tricky = fc.constantFrom(
      "👍🏽", "👩🏿‍💻", "👨‍👩‍👧", "👨‍👩‍👧‍👦", "🏳️‍🌈", "🇨🇳", "🇺🇸", "🇯", "e\u0301", "a\u0301\u0302", "\u0301", "\u200d", "\ufe0f",
      "한", "\u1112\u1161\u11ab", "ก่", "नि", "邻", "里", "帮忙", "𠀀", "😀", "\r\n", "\r", "\n", "\n\n", " ", "  ", " \u0301", "，", "。",
    );
    const piece = fc.oneof(tricky, fc.string({ unit: "grapheme", maxLength: 6 }), fc.string({ unit: "binary", maxLength: 4 }), fc.constantFrom("a", "Z", "7"));
    const text = fc.array(piece, { maxLength: 60 }).map((pieces) => pieces.join(""));
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 40 }), (text, max) => {
        const chunks = splitText(text, max);
        expect(chunks.length).toBeGreaterThan(0);
        // within the limit; one code point goes whole even when it is longer (an emoji with max 1)
        for (const chunk of chunks) expect(chunk.length <= max || [...chunk].length === 1).toBe(true);
        if (text.length > 0) for (const chunk of chunks) expect(chunk.length).toBeGreaterThan(0);
        const spans = locate(text, chunks);
        expect(spans).not.toBeNull();
        // every chunk starts and ends between graphemes, except inside a grapheme longer than the limit
        const graphemes = graphemeSpans(text);
        const between = (at: number) =>
          at === text.length || graphemes.some(([from, to]) => from === at || (from < at && at < to && to - from > max));
        for (const [from, to] of spans!) {
          expect(between(from)).toBe(true);
          expect(between(to)).toBe(true);
        }
      }),
      { numRuns: 1000 },
    );
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
