/**
 * The parser never throws and always answers with a known intent on random and adversarial text (fast-check, plus
 * seeded worst cases up to 4,096 characters). How fast it answers is measured in `npm run bench` (parse_worst_ms),
 * not asserted here.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { parse } from "../../src/app/parser.ts";
import { adversarialTexts } from "../../bench/adversarial-texts.ts";

const context = { now: new Date("2026-11-25T10:00:00+08:00"), timeZone: "Asia/Shanghai", botNames: ["邻里小助手", "linli_bot"] };
const KINDS = new Set(["none", "command", "unknown_command", "register", "request", "offer", "signup", "cancel_signup",
  "service_log", "thanks", "sos", "report", "dispute", "checkin", "query"]);

function understood(text: string): void {
  expect(KINDS.has(parse(text, context).kind)).toBe(true);
}

const mixed = fc.array(
  fc.oneof(
    fc.string({ unit: "grapheme", maxLength: 40 }),
    fc.constantFrom("救命", "谁家有", "报名", "+2", "3栋502", "周六", "2小时", "#接龙\n", "1. ", "[强]", "😂", "((((", "))))",
      "「a：b」\n- - - - - - - -\n", "@邻里小助手 ", "/", "#", "１２３４５６７８９０", "thanks ", "help!", "\n\n"),
    fc.stringMatching(/^\d{1,60}$/),
  ),
  { maxLength: 200 },
).map((parts) => parts.join("").slice(0, 4096));

describe("parser robustness", () => {
  it("never throws and answers every random message with a known intent", () => {
    fc.assert(fc.property(mixed, understood), { numRuns: 500, seed: 42 });
  });

  it("answers adversarial messages up to 4,096 characters with a known intent", () => {
    for (const text of adversarialTexts(300)) understood(text);
  });
});
