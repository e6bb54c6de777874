/**
 * Natural-language intents from normalised text. Structure first (a forward, a 接龙 list, a closing word, a bare head
 * count, thanks to someone by name), then emergencies (the detector of `sos.ts` and the model's probability of SOS
 * must agree enough: `isEmergency`), then the trained model (`model/`), which decides among the other intents and
 * says how sure it is. The rules in `rules.ts` then read the chosen intent's
 * slots. A guess below `CONFIDENT` is not acted on in a group (precision first); a message addressed to the bot gets
 * one short question with the likely meanings as numbered choices.
 */
import type {
  ClarifyIntent,
  EventRef,
  NaturalIntent,
  NaturalKind,
  NoneIntent,
  ParseContext,
  RequestCategory,
  Understanding,
} from "./intent.ts";
import type { Place } from "../kernel/place.ts";
import { chineseNumber } from "../kernel/place.ts";
import { findPlace } from "./place.ts";
import { findWhen } from "./dates.ts";
import { addDays, localDate } from "../kernel/zoned-time.ts";
import { findHours } from "./durations.ts";
import { findCount } from "./counts.ts";
import { parseGroupNote } from "./group-note.ts";
import { detectSos } from "./sos.ts";
import { offered } from "./offer.ts";
import { openingThanks, stripBuilding, thankedHelper } from "./thanked.ts";
import { guesses, type Guess } from "./model/index.ts";
import * as R from "./rules.ts";

/** The model's probability at or above which its intent is acted on (chosen on the training sets, corpus/LOG.md). */
export const CONFIDENT = 0.5;
/** A lower bar for a guess that a general cue of its intent agrees with (`R.CUES`), chosen the same way. */
export const CONFIRMED = 0.35;
/** The probability of "medical" at which a request is treated as medical (CV: no loss in accuracy, fewer medical missed). */
export const MEDICAL_FLOOR = 0.25;
/** How many meanings a clarifying question offers at most (besides "none of these"). */
const CHOICES = 3;

const NONE: NoneIntent = { kind: "none" };

/** Classify one message (already normalised, bot mention stripped, no command). */
export function classify(original: string, context: ParseContext): NaturalIntent | NoneIntent | ClarifyIntent {
  const text = R.lowerAscii(original);
  const rule = (intent: NaturalIntent | NoneIntent) => ({ ...intent, understood: { by: "rule", confidence: 1, guesses: [] } as Understanding });
  if (R.FORWARD.test(text)) return rule(NONE);
  const note = parseGroupNote(text);
  if (note) {
    const event: EventRef = { title: note.title };
    const date = findWhen(note.title, { now: context.now, timeZone: context.timeZone });
    if (date) event.when = date;
    return rule({ kind: "signup", event, count: 1, list: { title: note.title, entries: note.entries } });
  }
  const closing = R.CLOSING.done.test(text) ? "done" : R.CLOSING.withdrawn.test(text) ? "withdrawn" : undefined;
  if (closing) return rule({ kind: "none", closing });
  if (R.SIGNUP_PARTY.test(text)) return rule({ kind: "signup", event: {}, count: findCount(text) ?? 1 });
  // A message that opens by thanking someone by name ("谢谢王师傅…", "Thanks Emma for …") is thanks.
  const thanked = openingThanks(original);
  if (thanked && !build("service_log", original, context, text)) return rule({ kind: "thanks", ...thanked });

  const all = guesses("intent", original);
  const pSos = all.find((guess) => guess.label === "sos")!.p;
  const emergency = detectSos(text);
  if (isEmergency(emergency, pSos)) {
    return { kind: "sos", emergency: emergency.emergency, ...placeOf(text), understood: { by: "sos", confidence: pSos, guesses: [] } };
  }

  // The model chooses among the other intents: an SOS is raised above or not at all.
  const ranked = withoutSos(all);
  const understood: Understanding = { by: "model", confidence: ranked[0]!.p, guesses: ranked.slice(0, CHOICES + 1) };
  // Thanks that says how long the help took is a service log: the time bank needs it ("张阿姨帮我读报2小时，谢谢").
  const top = ranked[0]!.label === "thanks" && build("service_log", original, context, text) ? { label: "service_log", p: ranked[0]!.p } : ranked[0]!;
  if (top.p >= CONFIDENT || (top.p >= CONFIRMED && cueAgrees(top.label, text))) {
    if (top.label === "none") return { ...NONE, understood };
    const built = build(top.label as NaturalKind, original, context, text);
    if (built) return { ...built, understood };
  }
  // Unsure (or sure of an intent the text gives too little for): silence in a group; one question to whoever
  // addressed the bot, with the likely meanings as choices.
  if (!context.addressedToBot) return { kind: "none", unsure: true, understood };
  const choices = ranked
    .filter((guess) => guess.label !== "none" && build(guess.label as NaturalKind, original, context))
    .slice(0, CHOICES)
    .map((guess) => guess.label as NaturalKind);
  return { kind: "clarify", choices, understood };
}

/**
 * An emergency, read two ways that must agree enough: the detector's rules (emergency words, and the frames that
 * void them) and the model's probability of SOS. The detector raises it unless the model finds SOS wholly unlikely
 * (its words in a shape the model has only seen in chatter); the model raises it alone only when it is nearly sure
 * and the detector found no frame voiding an emergency word.
 */
export const SOS_DETECTOR_FLOOR = 0.05;
export const SOS_MODEL_ALONE = 0.7;

function isEmergency(reading: ReturnType<typeof detectSos>, pSos: number): boolean {
  if (reading.sos) return pSos >= SOS_DETECTOR_FLOOR;
  return pSos >= SOS_MODEL_ALONE && !reading.vetoed;
}

function cueAgrees(label: string, text: string): boolean {
  return R.CUES.some(([intent, cue]) => intent === label && cue.test(text));
}

/** The guesses without SOS, renormalised. */
function withoutSos(all: Guess[]): Guess[] {
  const rest = all.filter((guess) => guess.label !== "sos");
  const total = rest.reduce((sum, guess) => sum + guess.p, 0) || 1;
  return rest.map((guess) => ({ label: guess.label, p: guess.p / total }));
}

/**
 * The intent `kind` with the slots the text gives; undefined when an intent cannot stand without a slot the text
 * lacks (a service log with no duration, thanks with no one named, a query with no topic).
 */
export function build(kind: NaturalKind, original: string, context: ParseContext, lowered?: string): NaturalIntent | undefined {
  const text = lowered ?? R.lowerAscii(original);
  const ref = { now: context.now, timeZone: context.timeZone };
  // The date only for the intents that carry one: reading dates is the costliest slot.
  const dated = kind === "request" || kind === "offer" || kind === "signup" || kind === "cancel_signup" || kind === "service_log";
  const when = dated ? findWhen(text, ref) : undefined;
  const withWhen = when ? { when } : {};
  switch (kind) {
    case "request": {
      const categories = guesses("category", original);
      // Medical help goes only to the medically trained: a request that may well be medical is treated as one.
      const medical = categories.find((guess) => guess.label === "medical")!.p >= MEDICAL_FLOOR;
      const category = (medical ? "medical" : categories[0]!.label) as RequestCategory;
      return { kind, category, what: summary(original), ...withWhen, ...placeOf(text), ...(R.URGENT.test(text) ? { urgent: true } : {}) };
    }
    case "offer": {
      const { items, skills } = offered(text);
      return { kind, what: summary(original), ...(items.length ? { items } : {}), ...(skills.length ? { skills } : {}), ...withWhen };
    }
    case "signup":
      return { kind, event: eventRef(original, when), count: findCount(text) ?? 1 };
    case "cancel_signup":
      return { kind, event: eventRef(original, when) };
    case "service_log":
      return serviceLog(text, original, context, when);
    case "thanks": {
      const thanked = thankedHelper(original);
      return thanked ? { kind, ...thanked } : undefined;
    }
    case "sos":
      return { kind, emergency: detectSos(text).emergency, ...placeOf(text) };
    case "report":
      return { kind, problem: firstMatch(R.REPORT_KINDS, text, "other"), ...placeOf(text) };
    case "dispute":
      return { kind, issue: firstMatch(R.DISPUTE_KINDS, text, "other") };
    case "checkin":
      return { kind };
    case "query": {
      const topic = R.QUERY_TOPICS.find(([, pattern]) => pattern.test(text))?.[0];
      return topic ? { kind, topic } : undefined;
    }
  }
}

function serviceLog(text: string, original: string, context: ParseContext, date: ReturnType<typeof findWhen>): NaturalIntent | undefined {
  const hours = findHours(text) ?? clockSpanHours(text);
  if (hours === undefined) return undefined;
  // Service already given: a bare weekday ("周一帮…") means the last one, not the next.
  const past = date && date.date > localDate(context.now, context.timeZone) ? { date: addDays(date.date, -7) } : date;
  // "张阿姨帮我读报2小时": the beneficiary records it, naming the helper.
  const helper = HELPED_ME.exec(original)?.slice(1).find(Boolean);
  const beneficiary = helper ? undefined : BENEFICIARY.exec(original)?.slice(1).find(Boolean);
  return {
    kind: "service_log",
    hours,
    category: R.SERVICE_CATEGORY_C.test(text) ? "C" : R.SERVICE_CATEGORY_B.test(text) ? "B" : "A",
    ...(helper ? { helper: stripBuilding(helper) } : {}),
    ...(beneficiary ? { beneficiary: stripBuilding(beneficiary) } : {}),
    ...(past ? { when: past } : {}),
  };
}

/** Who was helped: "帮李奶奶读报", "陪8栋王阿姨", "给6栋的张阿姨打扫", "Helped Mrs. Chen", "Sat with Mrs. Ho". */
const BENEFICIARY =
  /(?:帮|陪|给)(?:了)?(?:(?:我们|咱们)?(?:楼|单元|楼里)的|隔壁的?|楼上的?|楼下的?|对门的?)?((?:\d+\s*(?:栋|号楼)的?)?[\u4e00-\u9fff]{1,2}(?:奶奶|爷爷|大爷|大妈|阿姨|叔叔|师傅|老师|大姐|大哥|姐|哥))|(?:helped|sat with|visited|drove|tutored|walked)\s+((?:mr|mrs|ms|miss|dr)\.?\s+[a-z][\w-]*|[A-Z][\w-]*)/iu;

/** Who helped the writer: "张阿姨帮我读报", "@王师傅 昨天帮我修水管", "Ann helped me with …". */
const HELPED_ME =
  /^\s*@?(?!今天|昨天|前天|上午|下午|晚上|刚才|刚刚|我们|我|早上|中午)((?:\d+\s*(?:栋|号楼)的?)?[\u4e00-\u9fff]{2,4}?)\s*(?:今天|昨天|前天|上午|下午|晚上|刚才)?(?:帮|陪|给)了?我|^\s*@?((?:mr|mrs|ms|miss|dr)\.?\s+[a-z][\w-]*|[A-Z][\w-]*)\s+(?:helped|sat with|visited|drove|tutored|walked)\s+me\b/iu;

/** The label of the first pattern in `table` that matches `text`, else `fallback`. */
function firstMatch<L extends string>(table: ReadonlyArray<readonly [L, RegExp]>, text: string, fallback: L): L {
  return table.find(([, pattern]) => pattern.test(text))?.[0] ?? fallback;
}

/** `{ place }` when the text names one. */
function placeOf(text: string): { place?: Place } {
  const place = findPlace(text);
  return place ? { place } : {};
}

const ZH_SPAN = /([\d一二两三四五六七八九十]{1,3})(?:[:：](\d{2})|点(半)?)\s*(?:[弄干忙做]{1,2})?(?:到|至|-|~|～)\s*([\d一二两三四五六七八九十]{1,3})(?:[:：](\d{2})|点(半)?)/u;
const EN_SPAN = /from (\d{1,2})(?::(\d{2}))?\s*(?:am|pm)?()\s*(?:to|till|until|-)\s*(\d{1,2})(?::(\d{2}))?\s*(?:am|pm)?()/u;

/** "上午9点到11点", "从两点到五点半", "from 7 to 9pm": the hours a clock span covers, for logs with no duration. */
function clockSpanHours(text: string): number | undefined {
  const span = ZH_SPAN.exec(text) ?? EN_SPAN.exec(text);
  if (!span) return undefined;
  const start = chineseNumber(span[1]!)! + (span[2] ? Number(span[2]) / 60 : span[3] ? 0.5 : 0);
  const end = chineseNumber(span[4]!)! + (span[5] ? Number(span[5]) / 60 : span[6] ? 0.5 : 0);
  const hours = Math.round((end > start ? end - start : end + 12 - start) * 100) / 100;
  return hours > 0 && hours <= 12 ? hours : undefined;
}

const ZH_TITLE = /(?:的|参加|报名)([^\s，。,.!！的]{1,12}?(?:活动|讲座|义诊|聚会|比赛|课))/u;
const EN_TITLE = /(?:for|join)\s+(?:the\s+)?(?:[A-Z][a-z]{2}\s+\d{1,2}\s+)?([A-Za-z][A-Za-z\s'-]{2,40}?)(?=[!.,]|$)|'s\s+([a-z][a-z\s-]{2,30}?)(?=[!.,]|$)/u;

function eventRef(text: string, when: ReturnType<typeof findWhen>): EventRef {
  const title = (ZH_TITLE.exec(text)?.[1] ?? EN_TITLE.exec(text)?.slice(1).find(Boolean))?.trim();
  return { ...(title ? { title } : {}), ...(when ? { when } : {}) };
}

function summary(text: string): string {
  const flat = text.replace(/\s+/gu, " ").trim();
  return [...flat].length > 80 ? `${[...flat].slice(0, 79).join("")}…` : flat;
}
