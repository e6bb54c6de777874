/**
 * The figures a labelled set is judged by (corpus/README.md): intent accuracy, chatter false alarms (a `none` message
 * given an intent), SOS recall and false SOS, and labelled slots right. One definition, used by the corpus test, the
 * score command and the first-sight log.
 */
import type { Intent, ParseContext } from "../intent.ts";
import { toRecord, type ParseRecord } from "../record.ts";
import type { Labelled } from "./labels.ts";
import { CORPUS_BOT_NAMES } from "./train-heads.ts";

/** The moment and place every corpus message is read at (corpus/README.md). */
export const CORPUS_CONTEXT: ParseContext = {
  now: new Date("2026-11-25T10:00:00+08:00"),
  timeZone: "Asia/Shanghai",
  botNames: CORPUS_BOT_NAMES,
};

/** A set's figures. Rates are fractions (0..1), rounded to 4 places. */
export interface Figures {
  size: number;
  intentAccuracy: number;
  chatter: { messages: number; falseAlarms: number; rate: number };
  sos: { messages: number; caught: number; recall: number; falseSos: number };
  slots: { labelled: number; right: number; accuracy: number };
}

/** One message the parser got wrong (intent or a slot). */
export interface Miss {
  id: string;
  what: string;
  want: unknown;
  got: unknown;
  text: string;
}

/**
 * The slots scored for each labelled intent: those the bot acts on (a date on chatter or on thanks is labelled by some
 * writers, but nothing uses it, so it is not scored).
 */
const SLOTS_OF: Record<Labelled["intent"], ReadonlyArray<"category" | "when" | "hours" | "count">> = {
  request: ["category", "when"],
  offer: ["when"],
  signup: ["when", "count"],
  cancel_signup: ["when"],
  service_log: ["when", "hours"],
  thanks: [],
  sos: [],
  report: [],
  dispute: [],
  checkin: [],
  query: [],
  none: [],
};

const round = (value: number) => Math.round(value * 10_000) / 10_000;

/** Parse every item and compare with its labels. */
export function evaluate(items: readonly Labelled[], parse: (text: string, context: ParseContext) => Intent, context = CORPUS_CONTEXT): { figures: Figures; misses: Miss[] } {
  const misses: Miss[] = [];
  let right = 0;
  let chatter = 0;
  let falseAlarms = 0;
  let sos = 0;
  let caught = 0;
  let falseSos = 0;
  let labelled = 0;
  let slotsRight = 0;
  for (const item of items) {
    const got: ParseRecord = toRecord(parse(item.text, context));
    if (got.intent === item.intent) right += 1;
    else misses.push({ id: item.id, what: "intent", want: item.intent, got: got.intent, text: item.text });
    if (item.intent === "none") {
      chatter += 1;
      if (got.intent !== "none") falseAlarms += 1;
    }
    if (item.intent === "sos") {
      sos += 1;
      if (got.intent === "sos") caught += 1;
    } else if (got.intent === "sos") falseSos += 1;
    for (const slot of ["category", "when", "hours", "count"] as const) {
      if (item[slot] === undefined || !SLOTS_OF[item.intent].includes(slot)) continue;
      labelled += 1;
      const ok = slot === "hours" ? Math.abs(Number(got.hours) - item.hours!) < 0.01 : got[slot] === item[slot];
      if (ok) slotsRight += 1;
      else misses.push({ id: item.id, what: slot, want: item[slot], got: got[slot], text: item.text });
    }
  }
  return {
    figures: {
      size: items.length,
      intentAccuracy: round(right / Math.max(1, items.length)),
      chatter: { messages: chatter, falseAlarms, rate: round(falseAlarms / Math.max(1, chatter)) },
      sos: { messages: sos, caught, recall: round(sos ? caught / sos : 1), falseSos },
      slots: { labelled, right: slotsRight, accuracy: round(labelled ? slotsRight / labelled : 1) },
    },
    misses,
  };
}

/** One line of figures for people: "intent 91.3% · chatter false alarms 2/40 · SOS 12/12, 0 false · slots 88.0%". */
export function describeFigures(figures: Figures): string {
  const pct = (value: number) => `${(value * 100).toFixed(1)}%`;
  return `${figures.size} messages: intent ${pct(figures.intentAccuracy)} · chatter false alarms ${figures.chatter.falseAlarms}/${figures.chatter.messages} (${pct(figures.chatter.rate)}) · SOS caught ${figures.sos.caught}/${figures.sos.messages}, false SOS ${figures.sos.falseSos} · slots ${pct(figures.slots.accuracy)} (${figures.slots.right}/${figures.slots.labelled})`;
}
