/**
 * The parser's slot helpers timed alone on the dev corpus texts: findHours, findCount, findWhen (p50 and p99 per
 * call, microseconds, 30 rounds after a warm-up). findWhen is also timed on the texts with a clock time or a month-day
 * (its slower path) and on the texts where it finds nothing.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { findCount } from "../src/parse/counts.ts";
import { findWhen } from "../src/parse/dates.ts";
import { findHours } from "../src/parse/durations.ts";

/** p50 and p99 microseconds per call. */
export interface CallTimes {
  p50: number;
  p99: number;
}

const ref = { now: new Date("2026-11-25T10:00:00+08:00"), timeZone: "Asia/Shanghai" };

function hasClockOrMonthDay(text: string): boolean {
  return /[\d零〇一二两三四五六七八九十][点點时時]|\d[:：]\d\d|\d\s*(?:am|pm)\b|\bat\s+\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s*\d|\b\d{1,2}\/\d{1,2}\b/iu.test(text);
}

/** Times `call` on every text, 30 rounds after 3 warm-up rounds. */
function time(texts: string[], call: (text: string) => unknown): CallTimes {
  for (let i = 0; i < 3; i += 1) texts.forEach(call);
  const samples: number[] = [];
  for (let round = 0; round < 30; round += 1) {
    for (const text of texts) {
      const t0 = process.hrtime.bigint();
      call(text);
      samples.push(Number(process.hrtime.bigint() - t0) / 1000);
    }
  }
  samples.sort((a, b) => a - b);
  return { p50: samples[Math.floor(samples.length / 2)]!, p99: samples[Math.floor(samples.length * 0.99)]! };
}

/** The helpers' times on corpus/training/dev.jsonl. */
export function parseHelperFigures() {
  const texts = readFileSync(fileURLToPath(new URL("../corpus/training/dev.jsonl", import.meta.url)), "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => (JSON.parse(line) as { text: string }).text);
  const when = (text: string) => findWhen(text, ref);
  const timed = texts.filter(hasClockOrMonthDay);
  const nothing = texts.filter((text) => when(text) === undefined);
  return {
    messages: texts.length,
    findHours: time(texts, findHours),
    findCount: time(texts, findCount),
    findWhen: time(texts, when),
    findWhenTimed: { ...time(timed, when), messages: timed.length },
    findWhenNothing: { ...time(nothing, when), messages: nothing.length },
  };
}
