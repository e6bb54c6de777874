/**
 * A community's time-bank policy, kept in `Community.settings` (JSON text) so each community chooses its own:
 * 1 hour = 1 time coin = 60 minutes in the ledger; a balance cap that warns or blocks (Shanghai's 1,500 hours);
 * how far a resident may go below zero; who pays for a confirmed credit; the categories beyond A, B and C; and when the
 * weekly summary goes out.
 */

/** The three standard categories: A daily-life care, B companionship, C emergency. */
export const STANDARD_CATEGORIES = ["A", "B", "C"] as const;

/** What the time bank of one community allows. Amounts are in minutes. */
export interface TimeBankPolicy {
  /** The highest balance a resident may hold, or null for none. */
  capMinutes: number | null;
  /** At the cap: "warn" lets the credit through and says so; "block" refuses it. */
  capMode: "warn" | "block";
  /** How far below zero a resident's account may go when it pays for help received (0: never below zero). */
  negativeLimitMinutes: number;
  /** Who pays a confirmed credit: the community fund, or the beneficiary's own account. */
  payer: "fund" | "beneficiary";
  /** Categories besides A, B and C (culture, training …). */
  categories: string[];
}

/** When the weekly good-deed summary and digests go out, in community time. */
export interface SummarySchedule {
  /** 0 Sunday … 6 Saturday. */
  day: number;
  /** Minutes after local midnight. */
  minute: number;
}

/** The default policy: a 1,500-hour cap that warns, 10 hours of overdraft, the fund pays. */
export const DEFAULT_POLICY: TimeBankPolicy = {
  capMinutes: 1500 * 60,
  capMode: "warn",
  negativeLimitMinutes: 10 * 60,
  payer: "fund",
  categories: ["culture", "training"],
};

/** Sunday 20:00. */
export const DEFAULT_SCHEDULE: SummarySchedule = { day: 0, minute: 20 * 60 };

type Settings = Record<string, unknown>;

const num = (value: unknown) => (typeof value === "number" && Number.isFinite(value) && value >= 0 ? value : undefined);

/** The policy in a community's settings, each missing or malformed value falling back to the default. */
export function policyOf(settings: Settings): TimeBankPolicy {
  const bank = (typeof settings.timeBank === "object" && settings.timeBank !== null ? settings.timeBank : {}) as Settings;
  const cap = bank.capHours === null ? null : num(bank.capHours);
  return {
    capMinutes: cap === null ? null : cap === undefined ? DEFAULT_POLICY.capMinutes : Math.round(cap * 60),
    capMode: bank.capMode === "block" || bank.capMode === "warn" ? bank.capMode : DEFAULT_POLICY.capMode,
    negativeLimitMinutes: num(bank.negativeLimitHours) === undefined ? DEFAULT_POLICY.negativeLimitMinutes : Math.round(num(bank.negativeLimitHours)! * 60),
    payer: bank.payer === "beneficiary" || bank.payer === "fund" ? bank.payer : DEFAULT_POLICY.payer,
    categories: Array.isArray(bank.categories) ? bank.categories.filter((one): one is string => typeof one === "string" && one.length > 0) : DEFAULT_POLICY.categories,
  };
}

/** The summary schedule in a community's settings. */
export function scheduleOf(settings: Settings): SummarySchedule {
  const summary = (typeof settings.summary === "object" && settings.summary !== null ? settings.summary : {}) as Settings;
  const day = num(summary.day);
  const minute = num(summary.minute);
  return {
    day: day !== undefined && Number.isInteger(day) && day <= 6 ? day : DEFAULT_SCHEDULE.day,
    minute: minute !== undefined && Number.isInteger(minute) && minute < 24 * 60 ? minute : DEFAULT_SCHEDULE.minute,
  };
}

/** What the cap says about a balance after a credit: fine, over but allowed with a warning, or blocked. */
export function capCheck(policy: TimeBankPolicy, balanceAfter: number): "ok" | "warn" | "block" {
  if (policy.capMinutes === null || balanceAfter <= policy.capMinutes) return "ok";
  return policy.capMode;
}

/** Whether a resident paying `minutes` from `balance` stays within the negative limit. */
export function withinOverdraft(policy: TimeBankPolicy, balance: number, minutes: number): boolean {
  return balance - minutes >= -policy.negativeLimitMinutes;
}

/**
 * A policy change from words: `cap 1500 block`, `上限 1500 阻止`, `overdraft 5`, `透支 5`, `payer fund|beneficiary`,
 * `付款 基金|受助人`, `categories culture training`, `类别 文化 培训`, `summary sun 20:00`, `周报 周日 20:00`.
 * Returns the settings patch, or null when the words are not understood.
 */
export function parsePolicyChange(text: string): Settings | null {
  // "上限：1500" and "cap=1500" too; a colon inside a time ("9:30") stays.
  const words = text.trim().replace(/^([\p{L}]+)\s*[:：=]\s*/u, "$1 ").split(/[\s,，、=]+/u).filter(Boolean);
  const [key, ...rest] = words;
  if (!key) return null;
  const lower = key.toLowerCase();
  if (/^(?:cap|上限)$/u.test(lower)) {
    const hours = rest[0] && /^(?:none|无|不限)$/iu.test(rest[0]) ? null : hoursIn(rest[0], MAX_CAP_HOURS);
    if (hours === undefined || hours === 0) return null;
    const mode = rest[1] ? (/^(?:block|阻止|禁止)$/iu.test(rest[1]) ? "block" : /^(?:warn|提醒|警告)$/iu.test(rest[1]) ? "warn" : null) : "warn";
    if (!mode) return null;
    return { timeBank: { capHours: hours, capMode: mode } };
  }
  if (/^(?:overdraft|透支)$/u.test(lower)) {
    const hours = hoursIn(rest[0], MAX_OVERDRAFT_HOURS);
    return hours === undefined ? null : { timeBank: { negativeLimitHours: hours } };
  }
  if (/^(?:payer|付款)$/u.test(lower)) {
    const payer = rest[0] && /^(?:fund|基金)$/iu.test(rest[0]) ? "fund" : rest[0] && /^(?:beneficiary|受助人)$/iu.test(rest[0]) ? "beneficiary" : null;
    return payer ? { timeBank: { payer } } : null;
  }
  if (/^(?:categories|类别)$/u.test(lower)) return rest.length ? { timeBank: { categories: rest } } : null;
  if (/^(?:summary|周报)$/u.test(lower)) {
    const day = weekday(rest[0] ?? "");
    const time = /^(\d{1,2})(?:[:：点](\d{2})?)?$/u.exec(rest[1] ?? "");
    if (day === undefined || !time || Number(time[1]) > 23 || Number(time[2] ?? 0) > 59) return null;
    return { summary: { day, minute: Number(time[1]) * 60 + Number(time[2] ?? 0) } };
  }
  return null;
}

/** The largest cap and overdraft a coordinator may set, in hours: anything bigger is a typo. */
const MAX_CAP_HOURS = 100_000;
const MAX_OVERDRAFT_HOURS = 10_000;

/** Plain hours ("1500", "2.5") up to `max`; undefined for anything else ("1e9", "-3", "lots"). */
function hoursIn(word: string | undefined, max: number): number | undefined {
  if (!word || !/^\d{1,6}(?:\.\d{1,2})?$/u.test(word)) return undefined;
  const hours = Number(word);
  return hours <= max ? hours : undefined;
}

const WEEKDAYS: Array<[RegExp, number]> = [
  [/^(?:sun(?:day)?|周日|周天|星期日|星期天)$/iu, 0],
  [/^(?:mon(?:day)?|周一|星期一)$/iu, 1],
  [/^(?:tue(?:s(?:day)?)?|周二|星期二)$/iu, 2],
  [/^(?:wed(?:nesday)?|周三|星期三)$/iu, 3],
  [/^(?:thu(?:rs(?:day)?)?|周四|星期四)$/iu, 4],
  [/^(?:fri(?:day)?|周五|星期五)$/iu, 5],
  [/^(?:sat(?:urday)?|周六|星期六)$/iu, 6],
];

function weekday(word: string): number | undefined {
  return WEEKDAYS.find(([pattern]) => pattern.test(word))?.[1];
}
