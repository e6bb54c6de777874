/**
 * Configuration from the environment (and a `.env` file, if present), validated at start.
 * Errors say which variable is wrong and how to fix it. Secrets are read here and never logged.
 */
import type { Lang } from "./kernel/lang.ts";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { z } from "zod";
import cron from "node-cron";
import { DEFAULT_REQUEST_SETTINGS, type RequestSettings } from "./features/requests/domain/policy.ts";
import { DEFAULT_REPORT_SETTINGS, type ReportSettings } from "./features/reports/index.ts";
import { DEFAULT_CHECKIN_SETTINGS, type CheckinSettings } from "./features/checkins/index.ts";

/** A whole number of at least `min`, with one message for every way it can be wrong. */
function wholeNumber(min: number, fallback: number) {
  const message = min === 1 ? "must be a positive whole number" : `must be a whole number of at least ${min}`;
  return z.coerce.number({ error: message }).int(message).min(min, message).default(fallback);
}

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

const schema = z.object({
  DATABASE_URL: z
    .string()
    .default("file:./data/linli.db")
    .refine((url) => url.startsWith("file:"), {
      message: 'must be a SQLite file URL such as "file:./data/linli.db" (PostgreSQL is not wired in yet)',
    }),
  BOT_NAME: z.string().trim().min(1, "must not be empty").default("邻里小助手"),
  BOT_ALIASES: z
    .string()
    .default("")
    .transform((value) => value.split(",").map((name) => name.trim()).filter(Boolean)),
  TIME_ZONE: z
    .string()
    .default("Asia/Shanghai")
    .refine(isTimeZone, { message: 'must be an IANA time zone such as "Asia/Shanghai"' }),
  DEFAULT_LOCALE: z.enum(["zh-CN", "en"], { message: 'must be "zh-CN" or "en"' }).default("zh-CN"),
  LOG_LEVEL: z.enum(LOG_LEVELS, { message: `must be one of ${LOG_LEVELS.join(", ")}` }).default("info"),
  SCHEDULER_CRON: z
    .string()
    .default("* * * * *")
    .refine((expression) => cron.validate(expression), { message: 'must be a cron expression such as "* * * * *"' }),
  RATE_LIMIT_PER_MINUTE: wholeNumber(1, 20),
  OUTBOX_MAX_ATTEMPTS: wholeNumber(1, 8),
  OUTBOX_POLL_MS: wholeNumber(1, 1000),
  CONSOLE_MAX_TEXT_LENGTH: wholeNumber(20, 4096),
  REQUEST_WAVE_SIZE: wholeNumber(1, DEFAULT_REQUEST_SETTINGS.waveSize),
  REQUEST_WAVE_MINUTES_URGENT: wholeNumber(1, DEFAULT_REQUEST_SETTINGS.waveMinutesUrgent),
  REQUEST_WAVE_MINUTES: wholeNumber(1, DEFAULT_REQUEST_SETTINGS.waveMinutes),
  REQUEST_EXPIRY_HOURS: wholeNumber(1, DEFAULT_REQUEST_SETTINGS.expiryHours),
  SOS_ALERT_SIZE: wholeNumber(1, DEFAULT_REQUEST_SETTINGS.sosAlertSize),
  SOS_WIDEN_MINUTES: wholeNumber(1, DEFAULT_REQUEST_SETTINGS.sosWidenMinutes),
  SOS_ROUNDS: wholeNumber(1, DEFAULT_REQUEST_SETTINGS.sosRounds),
  SOS_JOIN_MINUTES: wholeNumber(0, DEFAULT_REQUEST_SETTINGS.sosJoinMinutes),
  REPORT_REMIND_DAYS: wholeNumber(1, DEFAULT_REPORT_SETTINGS.remindDays),
  CHECKIN_TIME: z
    .string()
    .trim()
    .regex(/^([01]?\d|2[0-3]):[0-5]\d$/u, { message: 'must be a time of day such as "09:00"' })
    .default("09:00"),
  CHECKIN_GRACE_MINUTES: wholeNumber(1, DEFAULT_CHECKIN_SETTINGS.graceMinutes),
  CHECKIN_STEP_MINUTES: wholeNumber(1, DEFAULT_CHECKIN_SETTINGS.stepMinutes),
  CERTIFICATE_FONT: z.string().trim().min(1, "must be the path of a font file").default("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
  PICTURES_DIR: z.string().trim().min(1, "must be a folder path").optional(),
  TELEGRAM_BOT_TOKEN: z
    .string()
    .trim()
    .regex(/^\d{5,}:[A-Za-z0-9_-]{30,}$/u, { message: 'does not look like a bot token: it is "123456789:AA…" as @BotFather gives it' })
    .optional(),
  TELEGRAM_MODE: z.enum(["polling", "webhook"], { message: 'must be "polling" or "webhook"' }).default("polling"),
  TELEGRAM_WEBHOOK_URL: z.url({ message: "must be the public https URL Telegram posts updates to" }).optional(),
  TELEGRAM_WEBHOOK_PORT: wholeNumber(1, 8443),
  TELEGRAM_WEBHOOK_HOST: z.string().trim().min(1).default("127.0.0.1"),
  TELEGRAM_WEBHOOK_SECRET: z
    .string()
    .regex(/^[A-Za-z0-9_-]{16,256}$/u, { message: "must be 16–256 letters, digits, _ or -" })
    .optional(),
  WECHATY_PUPPET: z.string().trim().min(1).optional(),
  WECHATY_PUPPET_SERVICE_TOKEN: z.string().trim().min(1).optional(),
  WECHATY_PUPPET_SERVICE_ENDPOINT: z
    .string()
    .trim()
    .regex(/^[\w.-]+:\d{1,5}$/u, { message: 'must be host:port, such as "127.0.0.1:8788"' })
    .optional(),
  WECHATY_PUPPET_SERVICE_NO_TLS_INSECURE_CLIENT: z.enum(["true", "false"], { message: 'must be "true" or "false"' }).default("false"),
  WECHAT_MIN_GAP_MS: wholeNumber(0, 1500),
  WECHAT_JITTER_MS: wholeNumber(0, 1000),
  WECHAT_DAILY_CAP: wholeNumber(1, 500),
  TELEGRAM_API_ROOT: z.url({ message: "must be a URL such as https://api.telegram.org" }).default("https://api.telegram.org"),
  UNDERSTANDING: z.enum(["embedded", "openai"], { message: 'must be "embedded" or "openai"' }).default("embedded"),
  LLM_BASE_URL: z.url({ message: "must be the base URL of an OpenAI-compatible API, such as http://127.0.0.1:11434/v1" }).optional(),
  LLM_API_KEY: z.string().trim().min(1).optional(),
  LLM_MODEL: z.string().trim().min(1).optional(),
  LLM_TIMEOUT_MS: wholeNumber(1, 2000),
  STT_BASE_URL: z.url({ message: "must be the base URL of an OpenAI-compatible API with /audio/transcriptions" }).optional(),
  STT_API_KEY: z.string().trim().min(1).optional(),
  STT_MODEL: z.string().trim().min(1).default("whisper-1"),
  STT_TIMEOUT_MS: wholeNumber(1, 15000),
  // Test only (the crash soak, `npm run soak`): the clock reads TEST_CLOCK_START until Linli is running, then runs
  // TEST_CLOCK_SPEED times as fast, so that restarts continue one timeline.
  TEST_CLOCK_START: z.iso.datetime({ offset: true, message: 'must be an ISO time with its offset, such as "2026-11-23T09:00:00+08:00"' }).optional(),
  TEST_CLOCK_SPEED: z.coerce.number({ error: "must be a number from 1 to 1000" }).min(1, "must be a number from 1 to 1000").max(1000, "must be a number from 1 to 1000").default(1),
}).superRefine((env, ctx) => {
  if (env.UNDERSTANDING === "openai") {
    if (!env.LLM_BASE_URL) ctx.addIssue({ code: "custom", path: ["LLM_BASE_URL"], message: "is required with UNDERSTANDING=openai (e.g. http://127.0.0.1:11434/v1 for a local Ollama)" });
    if (!env.LLM_MODEL) ctx.addIssue({ code: "custom", path: ["LLM_MODEL"], message: "is required with UNDERSTANDING=openai (the model name the endpoint serves)" });
  }
  if (env.WECHATY_PUPPET === "wechaty-puppet-service") {
    // Without an endpoint the client asks the internet discovery service, which crashes the process offline.
    if (!env.WECHATY_PUPPET_SERVICE_ENDPOINT) ctx.addIssue({ code: "custom", path: ["WECHATY_PUPPET_SERVICE_ENDPOINT"], message: "is required with wechaty-puppet-service (host:port of your puppet service)" });
    if (!env.WECHATY_PUPPET_SERVICE_TOKEN) ctx.addIssue({ code: "custom", path: ["WECHATY_PUPPET_SERVICE_TOKEN"], message: "is required with wechaty-puppet-service (the token your provider gave you)" });
  }
  const telegramSettings = env.TELEGRAM_WEBHOOK_URL !== undefined || env.TELEGRAM_WEBHOOK_SECRET !== undefined || env.TELEGRAM_MODE === "webhook";
  if (!env.TELEGRAM_BOT_TOKEN && telegramSettings) {
    ctx.addIssue({ code: "custom", path: ["TELEGRAM_BOT_TOKEN"], message: "is missing: Telegram settings are given but no token (get one from @BotFather)" });
  }
  if (env.TEST_CLOCK_START === undefined && env.TEST_CLOCK_SPEED !== 1) {
    ctx.addIssue({ code: "custom", path: ["TEST_CLOCK_START"], message: "is required with TEST_CLOCK_SPEED (a test-only clock)" });
  }
  const url = env.TELEGRAM_WEBHOOK_URL;
  if (url && !/^https:\/\//u.test(url) && !/^http:\/\/(?:127\.0\.0\.1|localhost)[:/]/u.test(url)) {
    ctx.addIssue({ code: "custom", path: ["TELEGRAM_WEBHOOK_URL"], message: "must be https (Telegram posts only to https URLs)" });
  }
  if (env.TELEGRAM_BOT_TOKEN && env.TELEGRAM_MODE === "webhook") {
    if (!env.TELEGRAM_WEBHOOK_URL) ctx.addIssue({ code: "custom", path: ["TELEGRAM_WEBHOOK_URL"], message: "is required when TELEGRAM_MODE=webhook" });
    if (!env.TELEGRAM_WEBHOOK_SECRET) ctx.addIssue({ code: "custom", path: ["TELEGRAM_WEBHOOK_SECRET"], message: "is required when TELEGRAM_MODE=webhook" });
  }
});

/** Linli's validated configuration. */
export interface Config {
  databaseUrl: string;
  /** Certificates (PNG cards): the CJK font file they are drawn with, and the folder they are saved in. */
  pictures: { fontFile: string; dir: string };
  botName: string;
  botNames: string[];
  timeZone: string;
  defaultLocale: Lang;
  logLevel: (typeof LOG_LEVELS)[number];
  schedulerCron: string;
  rateLimitPerMinute: number;
  outboxMaxAttempts: number;
  outboxPollMs: number;
  consoleMaxTextLength: number;
  requests: RequestSettings;
  reports: ReportSettings;
  checkins: CheckinSettings;
  /** Set when WECHATY_PUPPET is: the WeChat adapter runs. */
  wechat: WechatConfig | null;
  /** Set when TELEGRAM_BOT_TOKEN is: the Telegram adapter runs. */
  telegram: TelegramConfig | null;
  /** Set when UNDERSTANDING=openai: a language model is asked about messages the embedded model is unsure of. */
  llm: LlmConfig | null;
  /** Set when STT_BASE_URL is: voice messages are transcribed and understood like text. */
  stt: SttConfig | null;
  /** Test only: a clock that reads `start` until Linli is running, then runs `speed` times as fast (the crash soak). */
  testClock: { start: Date; speed: number } | null;
}

/** The language model's endpoint. The key is a secret: never logged. */
export interface LlmConfig {
  baseUrl: string;
  apiKey: string | null;
  model: string;
  timeoutMs: number;
}

/** The speech-to-text endpoint. The key is a secret: never logged. */
export interface SttConfig {
  baseUrl: string;
  apiKey: string | null;
  model: string;
  timeoutMs: number;
}

/** WeChat settings. The puppet token is a secret: never logged. */
export interface WechatConfig {
  puppet: string;
  puppetOptions: Record<string, unknown>;
  minGapMs: number;
  jitterMs: number;
  dailyCap: number;
}

/** Telegram settings. The token is a secret: never logged. */
export interface TelegramConfig {
  token: string;
  mode: "polling" | "webhook";
  apiRoot: string;
  webhook: { url: string; port: number; host: string; secret: string } | null;
}

/** A configuration problem, with one line per variable to fix. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Linli's configuration needs fixing:\n${problems.map((line) => `  - ${line}`).join("\n")}\nSee .env.example for every setting.`);
    this.name = "ConfigError";
  }
}

/** Parse and validate configuration from `env` (default: process.env, after loading `.env` if it exists). */
export function loadConfig(env: Record<string, string | undefined> = readEnv()): Config {
  const parsed = schema.safeParse(emptyAsMissing(env));
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`));
  }
  const value = parsed.data;
  return {
    databaseUrl: value.DATABASE_URL,
    pictures: { fontFile: value.CERTIFICATE_FONT, dir: value.PICTURES_DIR ?? join(dirname(value.DATABASE_URL.slice("file:".length)), "pictures") },
    botName: value.BOT_NAME,
    botNames: [value.BOT_NAME, ...value.BOT_ALIASES],
    timeZone: value.TIME_ZONE,
    defaultLocale: value.DEFAULT_LOCALE,
    logLevel: value.LOG_LEVEL,
    schedulerCron: value.SCHEDULER_CRON,
    rateLimitPerMinute: value.RATE_LIMIT_PER_MINUTE,
    outboxMaxAttempts: value.OUTBOX_MAX_ATTEMPTS,
    outboxPollMs: value.OUTBOX_POLL_MS,
    consoleMaxTextLength: value.CONSOLE_MAX_TEXT_LENGTH,
    requests: {
      waveSize: value.REQUEST_WAVE_SIZE,
      waveMinutesUrgent: value.REQUEST_WAVE_MINUTES_URGENT,
      waveMinutes: value.REQUEST_WAVE_MINUTES,
      expiryHours: value.REQUEST_EXPIRY_HOURS,
      sosAlertSize: value.SOS_ALERT_SIZE,
      sosWidenMinutes: value.SOS_WIDEN_MINUTES,
      sosRounds: value.SOS_ROUNDS,
      sosJoinMinutes: value.SOS_JOIN_MINUTES,
    },
    reports: { remindDays: value.REPORT_REMIND_DAYS },
    checkins: {
      askMinute: Number(value.CHECKIN_TIME.split(":")[0]) * 60 + Number(value.CHECKIN_TIME.split(":")[1]),
      graceMinutes: value.CHECKIN_GRACE_MINUTES,
      stepMinutes: value.CHECKIN_STEP_MINUTES,
    },
    wechat: value.WECHATY_PUPPET
      ? {
          puppet: value.WECHATY_PUPPET,
          puppetOptions:
            value.WECHATY_PUPPET === "wechaty-puppet-service"
              ? {
                  token: value.WECHATY_PUPPET_SERVICE_TOKEN,
                  endpoint: value.WECHATY_PUPPET_SERVICE_ENDPOINT,
                  tls: { disable: value.WECHATY_PUPPET_SERVICE_NO_TLS_INSECURE_CLIENT === "true" },
                  timeoutSeconds: 30,
                }
              : {},
          minGapMs: value.WECHAT_MIN_GAP_MS,
          jitterMs: value.WECHAT_JITTER_MS,
          dailyCap: value.WECHAT_DAILY_CAP,
        }
      : null,
    telegram: value.TELEGRAM_BOT_TOKEN
      ? {
          token: value.TELEGRAM_BOT_TOKEN,
          mode: value.TELEGRAM_MODE,
          apiRoot: value.TELEGRAM_API_ROOT.replace(/\/+$/u, ""),
          webhook:
            value.TELEGRAM_MODE === "webhook"
              ? { url: value.TELEGRAM_WEBHOOK_URL!, port: value.TELEGRAM_WEBHOOK_PORT, host: value.TELEGRAM_WEBHOOK_HOST, secret: value.TELEGRAM_WEBHOOK_SECRET! }
              : null,
        }
      : null,
    llm:
      value.UNDERSTANDING === "openai"
        ? { baseUrl: value.LLM_BASE_URL!.replace(/\/+$/u, ""), apiKey: value.LLM_API_KEY ?? null, model: value.LLM_MODEL!, timeoutMs: value.LLM_TIMEOUT_MS }
        : null,
    stt: value.STT_BASE_URL
      ? { baseUrl: value.STT_BASE_URL.replace(/\/+$/u, ""), apiKey: value.STT_API_KEY ?? null, model: value.STT_MODEL, timeoutMs: value.STT_TIMEOUT_MS }
      : null,
    testClock: value.TEST_CLOCK_START
      ? { start: new Date(value.TEST_CLOCK_START), speed: value.TEST_CLOCK_SPEED }
      : null,
  };
}

function readEnv(): Record<string, string | undefined> {
  if (existsSync(".env")) process.loadEnvFile(".env");
  return process.env;
}

function emptyAsMissing(env: Record<string, string | undefined>): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(env).map(([key, value]) => [key, value === "" ? undefined : value]));
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
