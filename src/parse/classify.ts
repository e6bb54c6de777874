/**
 * Natural-language intents from normalised text: a fixed order of precedence over the signals in `rules.ts`.
 * Emergencies first (every "救命" must be caught), then the intents with the most specific words, then requests,
 * reports and check-ins; anything without a clear signal is `none` (a bot that answers chatter gets removed).
 */
import type {
  EventRef,
  NaturalIntent,
  NoneIntent,
  ParseContext,
  ReportIntent,
  RequestCategory,
  DisputeIntent,
  Place,
  SosIntent,
} from "./intent.ts";
import { chineseNumber, findPlace } from "./place.ts";
import { findWhen, zoneOffsetMinutes } from "./dates.ts";
import { findHours } from "./durations.ts";
import { findCount } from "./counts.ts";
import { parseGroupNote } from "./group-note.ts";
import * as R from "./rules.ts";

const NONE: NoneIntent = { kind: "none" };

/** Classify one message (already normalised, bot mention stripped, no command). */
export function classify(original: string, context: ParseContext): NaturalIntent | NoneIntent {
  const text = R.lowerAscii(original);
  if (R.FORWARD.test(text)) return NONE;
  const ref = { now: context.now, timeZone: context.timeZone };
  const when = () => findWhen(text, ref);
  const withWhen = <T extends object>(intent: T): T => {
    const date = when();
    return date ? { ...intent, when: date } : intent;
  };

  const emergency =
    R.SOS.strong.test(text) || R.SOS.missingPerson.test(text) || (R.SOS.weak.test(text) && R.SOS.urgentContext.test(text));
  const hearsay = R.SOS.reported.test(text) && !R.SOS.immediate.test(text);
  if (emergency && !R.SOS.joking.test(text) && !hearsay && !R.SOS.notEmergency.test(text)) return sos(text);

  const note = parseGroupNote(text);
  if (note) {
    const event: EventRef = { title: note.title };
    const date = findWhen(note.title, ref);
    if (date) event.when = date;
    return { kind: "signup", event, count: 1, list: { title: note.title, entries: note.entries } };
  }
  const closing = R.CLOSING.done.test(text) ? "done" : R.CLOSING.withdrawn.test(text) ? "withdrawn" : undefined;
  if (closing) return { kind: "none", closing };
  if (R.CANCEL.test(text)) return { kind: "cancel_signup", event: eventRef(original, when()) };
  // "今天帮李奶奶读报2小时，记时间币" logs service; "我还有多少时间币？" asks for the balance.
  const logsService = () => (findHours(text) ?? clockSpanHours(text)) !== undefined && R.SERVICE_LOG.done.test(text) && !R.SERVICE_LOG.notYet.test(text) && !/[?？吗]|多少|几个|how many/u.test(text);
  for (const [topic, pattern] of R.QUERY) if (pattern.test(text) && !(topic === "balance" && logsService())) return { kind: "query", topic };
  if (R.THANKS.opener.test(text)) return R.THANKS.everyone.test(text) ? NONE : thanks(original);
  const praised = PRAISE.exec(original) ?? NAME_THEN_THANKS.exec(original);
  if (praised) return { kind: "thanks", helper: stripBuilding(praised[1]!) };
  if (R.DISPUTE.explicit.test(text) || (R.DISPUTE.ask.test(text) && R.DISPUTE.party.test(text))) return dispute(text);

  const hours = findHours(text) ?? clockSpanHours(text);
  if (hours !== undefined && R.SERVICE_LOG.done.test(text) && !R.SERVICE_LOG.notYet.test(text)) {
    const date = when();
    // Service already given: a bare weekday ("周一帮…") means the last one, not the next.
    const past = date && date.date > localDate(context.now, context.timeZone) ? { date: shiftDays(date.date, -7) } : date;
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
  if ((R.SIGNUP.test(text) && !R.SIGNUP_QUESTION.test(text)) || R.SIGNUP_PARTY.test(text)) return { kind: "signup", event: eventRef(original, when()), count: findCount(text) ?? 1 };
  const asks =
    R.ASK.test(text) &&
    R.NEED.test(text) &&
    !R.BANTER.test(text) &&
    !(R.INFO_QUESTION.test(text) && !R.OUTRIGHT_ASK.test(text));
  if (R.OFFER_STRONG.test(text) || (R.OFFER.test(text) && !asks)) return withWhen(offer(original));
  if (asks) return request(text, original, when());
  const problem = (R.REPORT.problem.test(text) && R.REPORT.shared.test(text)) || R.REPORT.standalone.test(text);
  if (problem && !R.REPORT.resolved.test(text)) return report(text);
  if (R.CHECKIN.test(text)) return { kind: "checkin" };
  return NONE;
}

/** Who was helped: "帮李奶奶读报", "陪8栋王阿姨", "给6栋的张阿姨打扫", "Helped Mrs. Chen", "Sat with Mrs. Ho". */
const BENEFICIARY =
  /(?:帮|陪|给)(?:了)?(?:(?:我们|咱们)?(?:楼|单元|楼里)的|隔壁的?|楼上的?|楼下的?|对门的?)?((?:\d+\s*(?:栋|号楼)的?)?[\u4e00-\u9fff]{1,2}(?:奶奶|爷爷|大爷|大妈|阿姨|叔叔|师傅|老师|大姐|大哥|姐|哥))|(?:helped|sat with|visited|drove|tutored|walked)\s+((?:mr|mrs|ms|miss|dr)\.?\s+[a-z][\w-]*|[A-Z][\w-]*)/iu;

/** Who helped the writer: "张阿姨帮我读报", "@王师傅 昨天帮我修水管", "Ann helped me with …". */
const HELPED_ME =
  /^\s*@?(?!今天|昨天|前天|上午|下午|晚上|刚才|刚刚|我们|我|早上|中午)((?:\d+\s*(?:栋|号楼)的?)?[\u4e00-\u9fff]{2,4}?)\s*(?:今天|昨天|前天|上午|下午|晚上|刚才)?(?:帮|陪|给)了?我|^\s*@?((?:mr|mrs|ms|miss|dr)\.?\s+[a-z][\w-]*|[A-Z][\w-]*)\s+(?:helped|sat with|visited|drove|tutored|walked)\s+me\b/iu;

const OFFER_ITEMS = /(?:我家有|家里有|有多余的?|有闲置的?|多了(?:一|几)?[个箱台把件]?|(?:got|have) (?:a )?spare|(?:table|chairs?) available)\s*([^，。,.!！?？]+)/iu;
const OFFER_SKILLS = /(?:本人会|我会|我是[^，。,.]{1,8}?[，,]?\s*可以|可以(?:帮|教|陪)|i can|happy to|and can)\s*([^，。,.!！?？]+)/iu;

function offer(original: string): NaturalIntent {
  const list = (match: RegExpExecArray | null) =>
    match?.[1]
      ?.split(/和|、|及|以及|,|\band\b/u)
      .map((part) => part.trim())
      .filter(Boolean);
  const items = list(OFFER_ITEMS.exec(original));
  const skills = list(OFFER_SKILLS.exec(original));
  return {
    kind: "offer",
    what: summary(original),
    ...(items?.length ? { items } : {}),
    ...(skills?.length ? { skills } : {}),
  };
}

/** The label of the first pattern in `table` that matches `text`, else `fallback`. */
function firstMatch<L extends string>(table: ReadonlyArray<readonly [L, RegExp]>, text: string, fallback: L): L {
  return table.find(([, pattern]) => pattern.test(text))?.[0] ?? fallback;
}

/** `{ place }` when the text names one. */
function placeOf(text: string): { place?: Place } {
  const place = findPlace(text);
  return place ? { place } : {};
}

function request(text: string, original: string, when: ReturnType<typeof findWhen>): NaturalIntent {
  return {
    kind: "request",
    category: firstMatch(R.CATEGORY as ReadonlyArray<readonly [RequestCategory, RegExp]>, text, "other"),
    what: summary(original),
    ...(when ? { when } : {}),
    ...placeOf(text),
    ...(R.URGENT.test(text) ? { urgent: true } : {}),
  };
}

const SOS_KINDS: ReadonlyArray<readonly [SosIntent["emergency"], RegExp]> = [
  ["fire", R.SOS.fire],
  ["unconscious", R.SOS.unconscious],
  ["fall", R.SOS.fall],
  ["missing", R.SOS.missing],
  ["medical", R.SOS.medical],
];
const REPORT_KINDS: ReadonlyArray<readonly [ReportIntent["problem"], RegExp]> = [
  ["blocked", R.REPORT.blocked],
  ["lift", R.REPORT.lift],
  ["rubbish", R.REPORT.rubbish],
  ["light", R.REPORT.light],
  ["hazard", /危险|hazard|dangerous|抛物/u],
];
const DISPUTE_KINDS: ReadonlyArray<readonly [DisputeIntent["issue"], RegExp]> = [
  ["leak", R.DISPUTE.leak],
  ["parking", R.DISPUTE.parking],
  ["pets", R.DISPUTE.pets],
  ["noise", R.DISPUTE.noise],
];

function sos(text: string): SosIntent {
  return { kind: "sos", emergency: firstMatch(SOS_KINDS, text, "other"), ...placeOf(text) };
}

function report(text: string): ReportIntent {
  return { kind: "report", problem: firstMatch(REPORT_KINDS, text, "other"), ...placeOf(text) };
}

function dispute(text: string): DisputeIntent {
  return { kind: "dispute", issue: firstMatch(DISPUTE_KINDS, text, "other") };
}

/** "给4栋老李点个赞": praise naming the helper first. */
const PRAISE = /^给(.{1,10}?)点(?:个|一个)?(?:大大的|大)?赞/u;
/** "赵大姐 拿到了 太谢谢您了": a name, then thanks to "you". */
const NAME_THEN_THANKS = /^@?([\u4e00-\u9fff]{2,4}|[A-Za-z][\w-]{1,20})[\s，,].{0,20}?(?:谢谢|感谢|多亏|感激)(?:您|你|了|不尽)?/u;

function stripBuilding(name: string): string {
  return name.replace(/^.*?\d+\s*(?:栋|号楼|楼)的?/u, "").trim();
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

/** Words after "谢谢"/"thanks" that are no helper's name ("谢谢提醒", "thanks for the info"). */
const NOT_A_NAME =
  /^(?:大家|各位|所有人|你|您|你们|您们|提醒|分享|关心|支持|帮助|帮忙|配合|理解|通知|信息|关注|啦|了|哈|呀|啊|all|everyone|everybody|guys|you|u|ya|for|so|a|the|again|very|much|lot|in advance)$/iu;
const CUE = /帮|昨天|今天|前天|刚才|上次|这(?:一个|个)?(?:月|周|星期)|跑了|送|给|陪|替|的帮助|对|\bfor\b|\bin\b/iu;
const HONORIFIC = /^((?:Mr|Mrs|Ms|Miss|Dr|Auntie|Uncle)\.?\s+[A-Z][\w-]*)/u;
const ZH_NAME = /[\u4e00-\u9fff]{1,2}(?:师傅|阿姨|叔叔|大姐|大哥|姐姐|哥哥|姐|哥|老师|医生|护士|奶奶|爷爷|大爷|大妈|主任|书记)|[小老][\u4e00-\u9fff]/u;

/** Who is thanked: a mention, "王师傅", "5栋的小陈", "Mr. Zhou", "Priya"; none when it is everyone. */
function thanks(text: string): NaturalIntent | NoneIntent {
  const opener = R.THANKS.opener.exec(R.lowerAscii(text));
  if (!opener) return NONE;
  const rest = text
    .slice(opener.index + opener[0].length)
    .replace(/^(?:\s*(?:to|一下|so much|very much|a lot|a ton|a bunch|heaps|loads)\s*|\s*@\s*|[\s，,]+)+/iu, "");
  const honorific = HONORIFIC.exec(rest);
  let helper = honorific ? honorific[1]! : (rest.split(/[\s，,。.!！?？、~～]/u)[0] ?? "");
  const cue = CUE.exec(helper);
  if (!honorific && cue && cue.index > 0) helper = helper.slice(0, cue.index);
  helper = stripBuilding(helper).split(/和|及|与/u)[0]!.trim();
  if ([...helper].length > 4 && /[\u4e00-\u9fff]/u.test(helper)) helper = ZH_NAME.exec(helper)?.[0] ?? helper;
  if (!helper || NOT_A_NAME.test(helper)) return NONE;
  const reason = rest.slice(rest.indexOf(helper) + helper.length).replace(/^[\s，,]+/u, "").trim();
  return reason ? { kind: "thanks", helper, for: reason } : { kind: "thanks", helper };
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

function localDate(now: Date, timeZone: string): string {
  return new Date(now.getTime() + zoneOffsetMinutes(now, timeZone) * 60_000).toISOString().slice(0, 10);
}

function shiftDays(date: string, days: number): string {
  const [y, m, d] = date.split("-").map(Number);
  return new Date(Date.UTC(y!, m! - 1, d! + days)).toISOString().slice(0, 10);
}
