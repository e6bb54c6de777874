import { describe, expect, it } from "vitest";
import { RateLimiter } from "../../src/chat/rate-limiter.ts";
import { RecentSet } from "../../src/chat/recent-set.ts";
import { ConfigError, loadConfig } from "../../src/config.ts";
import { ScaledClock } from "../../src/kernel/clock.ts";

const T = Date.parse("2026-11-25T10:00:00+08:00");
const SECOND = 1000;

describe("RateLimiter", () => {
  it("allows a burst up to the per-minute limit, then refuses", () => {
    const limiter = new RateLimiter(3);
    expect([1, 2, 3, 4, 5].map(() => limiter.allow("console:王秀英", T))).toEqual([true, true, true, false, false]);
  });

  it("refills one message per (60 s / limit) of time passed, up to the burst", () => {
    const limiter = new RateLimiter(3); // one token every 20 s
    for (let i = 0; i < 3; i += 1) limiter.allow("a", T);
    expect(limiter.allow("a", T + 19 * SECOND)).toBe(false);
    expect(limiter.allow("a", T + 20 * SECOND)).toBe(true);
    expect(limiter.allow("a", T + 20 * SECOND)).toBe(false);
    expect(limiter.allow("a", T + 60 * SECOND)).toBe(true);
    expect(limiter.allow("a", T + 60 * SECOND)).toBe(true);
    expect(limiter.allow("a", T + 60 * SECOND)).toBe(false);
  });

  it("does not save up more than one burst, however long a sender was quiet", () => {
    const limiter = new RateLimiter(2);
    limiter.allow("a", T);
    const later = T + 24 * 3600 * SECOND;
    expect([1, 2, 3].map(() => limiter.allow("a", later))).toEqual([true, true, false]);
  });

  it("refused messages do not use up the allowance", () => {
    const limiter = new RateLimiter(60); // one a second
    for (let i = 0; i < 60; i += 1) limiter.allow("a", T);
    for (let i = 0; i < 100; i += 1) expect(limiter.allow("a", T + 500)).toBe(false);
    expect(limiter.allow("a", T + SECOND)).toBe(true);
  });

  it("keeps each sender's allowance apart", () => {
    const limiter = new RateLimiter(1);
    expect(limiter.allow("console:刷屏的人", T)).toBe(true);
    expect(limiter.allow("console:刷屏的人", T)).toBe(false);
    expect(limiter.allow("console:别人", T)).toBe(true);
    expect(limiter.allow("telegram:刷屏的人", T)).toBe(true);
  });

  it("says to tell a throttled sender once per throttle period: a new period starts once their allowance is full again", () => {
    const limiter = new RateLimiter(3); // one token every 20 s
    for (let i = 0; i < 4; i += 1) limiter.allow("a", T);
    expect([limiter.notice("a"), limiter.notice("a")]).toEqual([true, false]);
    // Still flooding: a message gets through now and then, but it is the same period.
    for (let s = 1; s <= 59; s += 1) limiter.allow("a", T + s * SECOND);
    expect(limiter.notice("a")).toBe(false);
    // Quiet for a minute: full again; the next flood is a new period.
    for (let i = 0; i < 4; i += 1) limiter.allow("a", T + 180 * SECOND);
    expect(limiter.notice("a")).toBe(true);
    expect(limiter.notice("someone who never wrote")).toBe(false);
  });
});

describe("RecentSet", () => {
  it("remembers up to its limit and forgets the oldest first", () => {
    const set = new RecentSet(3);
    for (const key of ["a", "b", "c"]) set.add(key);
    expect(["a", "b", "c"].map((key) => set.has(key))).toEqual([true, true, true]);
    set.add("d");
    expect(["a", "b", "c", "d"].map((key) => set.has(key))).toEqual([false, true, true, true]);
  });

  it("counts a key added again as new, so it is kept longer", () => {
    const set = new RecentSet(3);
    for (const key of ["a", "b", "c", "a", "d"]) set.add(key);
    expect(["a", "b", "c", "d"].map((key) => set.has(key))).toEqual([true, false, true, true]);
  });

  it("does not grow when the same key is added many times", () => {
    const set = new RecentSet(2);
    for (let i = 0; i < 10; i += 1) set.add("same");
    set.add("other");
    expect(set.has("same")).toBe(true);
    expect(set.has("other")).toBe(true);
  });

  it("knows nothing it was not told", () => {
    expect(new RecentSet(5).has("console:m1")).toBe(false);
  });
});

describe("loadConfig", () => {
  it("has a default for everything", () => {
    expect(loadConfig({})).toEqual({
      databaseUrl: "file:./data/linli.db",
      pictures: { fontFile: "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", dir: "data/pictures" },
      botName: "邻里小助手",
      botNames: ["邻里小助手"],
      timeZone: "Asia/Shanghai",
      defaultLocale: "zh-CN",
      logLevel: "info",
      schedulerCron: "* * * * *",
      rateLimitPerMinute: 20,
      outboxMaxAttempts: 8,
      outboxPollMs: 1000,
      consoleMaxTextLength: 4096,
      requests: { waveSize: 3, waveMinutesUrgent: 10, waveMinutes: 60, expiryHours: 48, sosAlertSize: 5, sosWidenMinutes: 2, sosRounds: 3, sosJoinMinutes: 10 },
      reports: { remindDays: 7 },
      checkins: { askMinute: 540, graceMinutes: 120, stepMinutes: 60 },
      wechat: null,
      telegram: null,
      llm: null,
      stt: null,
      testClock: null,
    });
  });

  it("keeps certificates next to the database unless told where, drawn with the font it is given", () => {
    expect(loadConfig({ DATABASE_URL: "file:/srv/linli/linli.db" }).pictures).toEqual({ fontFile: "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", dir: "/srv/linli/pictures" });
    expect(loadConfig({ PICTURES_DIR: "/srv/cards", CERTIFICATE_FONT: "/opt/fonts/noto.ttc" }).pictures).toEqual({ fontFile: "/opt/fonts/noto.ttc", dir: "/srv/cards" });
  });

  it("reads the test-only clock of the crash soak, and refuses a speed without a start", () => {
    expect(loadConfig({ TEST_CLOCK_START: "2026-11-23T09:00:00+08:00", TEST_CLOCK_SPEED: "20" }).testClock).toEqual({ start: new Date("2026-11-23T01:00:00Z"), speed: 20 });
    expect(loadConfig({ TEST_CLOCK_START: "2026-11-23T09:00:00+08:00" }).testClock).toEqual({ start: new Date("2026-11-23T01:00:00Z"), speed: 1 });
    expect(() => loadConfig({ TEST_CLOCK_SPEED: "20" })).toThrow(/TEST_CLOCK_START: is required with TEST_CLOCK_SPEED/u);
    expect(() => loadConfig({ TEST_CLOCK_START: "Monday 9am" })).toThrow(/TEST_CLOCK_START: must be an ISO time with its offset/u);
    expect(() => loadConfig({ TEST_CLOCK_START: "2026-11-23T09:00:00+08:00", TEST_CLOCK_SPEED: "0" })).toThrow(/TEST_CLOCK_SPEED: must be a number from 1 to 1000/u);
    let real = 5000;
    const clock = new ScaledClock(new Date("2026-11-23T01:00:00Z"), 20, () => real);
    real += 60_000; // starting up: the clock stands
    expect(clock.now()).toEqual(new Date("2026-11-23T01:00:00Z"));
    clock.run();
    real += 3000;
    expect(clock.now()).toEqual(new Date("2026-11-23T01:01:00Z"));
  });

  it("reads the WeChat settings; puppet-service needs an endpoint and a token, never the discovery service", () => {
    expect(() => loadConfig({ WECHATY_PUPPET: "wechaty-puppet-service" })).toThrow(
      /WECHATY_PUPPET_SERVICE_ENDPOINT: is required[\s\S]*WECHATY_PUPPET_SERVICE_TOKEN: is required/u,
    );
    expect(
      loadConfig({ WECHATY_PUPPET: "wechaty-puppet-service", WECHATY_PUPPET_SERVICE_TOKEN: "insecure_x", WECHATY_PUPPET_SERVICE_ENDPOINT: "127.0.0.1:8788", WECHATY_PUPPET_SERVICE_NO_TLS_INSECURE_CLIENT: "true" }).wechat,
    ).toEqual({
      puppet: "wechaty-puppet-service",
      puppetOptions: { token: "insecure_x", endpoint: "127.0.0.1:8788", tls: { disable: true }, timeoutSeconds: 30 },
      minGapMs: 1500,
      jitterMs: 1000,
      dailyCap: 500,
    });
  });

  it("reads the language model's and the transcriber's settings, and names what is missing", () => {
    expect(loadConfig({ UNDERSTANDING: "openai", LLM_BASE_URL: "http://127.0.0.1:11434/v1/", LLM_MODEL: "qwen2.5:7b" }).llm).toEqual({
      baseUrl: "http://127.0.0.1:11434/v1",
      apiKey: null,
      model: "qwen2.5:7b",
      timeoutMs: 2000,
    });
    expect(() => loadConfig({ UNDERSTANDING: "openai" })).toThrow(/LLM_BASE_URL: is required with UNDERSTANDING=openai[\s\S]*LLM_MODEL: is required/u);
    expect(() => loadConfig({ UNDERSTANDING: "cloud" })).toThrow(/UNDERSTANDING: must be "embedded" or "openai"/u);
    expect(loadConfig({ LLM_BASE_URL: "http://127.0.0.1:1/v1" }).llm).toBeNull(); // embedded unless asked for
    expect(loadConfig({ STT_BASE_URL: "http://127.0.0.1:8080/v1", STT_API_KEY: "k" }).stt).toEqual({ baseUrl: "http://127.0.0.1:8080/v1", apiKey: "k", model: "whisper-1", timeoutMs: 15000 });
    expect(() => loadConfig({ STT_BASE_URL: "whisper" })).toThrow(/STT_BASE_URL: must be the base URL/u);
  });

  it("reads the Telegram settings, and names what is wrong with them", () => {
    const token = "123456789:AAHk3v9q-ExampleExampleExample_xyz";
    expect(loadConfig({ TELEGRAM_BOT_TOKEN: token }).telegram).toEqual({ token, mode: "polling", apiRoot: "https://api.telegram.org", webhook: null });
    expect(() => loadConfig({ TELEGRAM_BOT_TOKEN: "12345" })).toThrow(/TELEGRAM_BOT_TOKEN: does not look like a bot token/u);
    expect(() => loadConfig({ TELEGRAM_MODE: "webhook", TELEGRAM_WEBHOOK_URL: "https://bot.example.org/tg" })).toThrow(/TELEGRAM_BOT_TOKEN: is missing/u);
    expect(() => loadConfig({ TELEGRAM_BOT_TOKEN: token, TELEGRAM_MODE: "webhook" })).toThrow(
      /TELEGRAM_WEBHOOK_URL: is required when TELEGRAM_MODE=webhook[\s\S]*TELEGRAM_WEBHOOK_SECRET: is required/u,
    );
    expect(
      loadConfig({ TELEGRAM_BOT_TOKEN: token, TELEGRAM_MODE: "webhook", TELEGRAM_WEBHOOK_URL: "https://bot.example.org/tg", TELEGRAM_WEBHOOK_SECRET: "s3cret-s3cret-s3cret", TELEGRAM_API_ROOT: "http://127.0.0.1:9/" }).telegram,
    ).toEqual({ token, mode: "webhook", apiRoot: "http://127.0.0.1:9", webhook: { url: "https://bot.example.org/tg", port: 8443, host: "127.0.0.1", secret: "s3cret-s3cret-s3cret" } });
    expect(() => loadConfig({ TELEGRAM_BOT_TOKEN: token, TELEGRAM_MODE: "webhook", TELEGRAM_WEBHOOK_URL: "http://bot.example.org/tg", TELEGRAM_WEBHOOK_SECRET: "s3cret-s3cret-s3cret" })).toThrow(
      /TELEGRAM_WEBHOOK_URL: must be https/u,
    );
  });

  it("reads the request settings and says which one is wrong", () => {
    expect(loadConfig({ REQUEST_WAVE_MINUTES_URGENT: "5", SOS_WIDEN_MINUTES: "1" }).requests).toMatchObject({ waveMinutesUrgent: 5, sosWidenMinutes: 1 });
    expect(() => loadConfig({ REQUEST_WAVE_SIZE: "0" })).toThrow(/REQUEST_WAVE_SIZE: must be a positive whole number/u);
  });

  it("reads the variables, treating empty ones as unset", () => {
    const config = loadConfig({
      DATABASE_URL: "file:/tmp/x.db",
      BOT_NAME: " Linli ",
      BOT_ALIASES: " linli_bot, ,邻里 ",
      TIME_ZONE: "",
      DEFAULT_LOCALE: "en",
      LOG_LEVEL: "silent",
      RATE_LIMIT_PER_MINUTE: "5",
      CONSOLE_MAX_TEXT_LENGTH: "",
    });
    expect(config).toMatchObject({
      databaseUrl: "file:/tmp/x.db",
      botName: "Linli",
      botNames: ["Linli", "linli_bot", "邻里"],
      timeZone: "Asia/Shanghai",
      defaultLocale: "en",
      logLevel: "silent",
      rateLimitPerMinute: 5,
      consoleMaxTextLength: 4096,
    });
  });

  it("lists every bad variable with how to fix it", () => {
    const env = { TIME_ZONE: "Mars/Olympus", DATABASE_URL: "postgres://x", RATE_LIMIT_PER_MINUTE: "abc", DEFAULT_LOCALE: "fr" };
    const error = configErrorOf(env);
    expect(error).toBeInstanceOf(ConfigError);
    const { problems, message } = error!;
    expect([...problems].sort()).toEqual([
      'DATABASE_URL: must be a SQLite file URL such as "file:./data/linli.db" (PostgreSQL is not wired in yet)',
      'DEFAULT_LOCALE: must be "zh-CN" or "en"',
      "RATE_LIMIT_PER_MINUTE: must be a positive whole number",
      'TIME_ZONE: must be an IANA time zone such as "Asia/Shanghai"',
    ]);
    expect(message.split("\n")[0]).toBe("Linli's configuration needs fixing:");
    for (const problem of problems) expect(message).toContain(`\n  - ${problem}\n`);
    expect(message.split("\n").at(-1)).toBe("See .env.example for every setting.");
  });

  it.each<[Record<string, string>, string]>([
    [{ RATE_LIMIT_PER_MINUTE: "0" }, "RATE_LIMIT_PER_MINUTE: must be a positive whole number"],
    [{ RATE_LIMIT_PER_MINUTE: "1.5" }, "RATE_LIMIT_PER_MINUTE: must be a positive whole number"],
    [{ OUTBOX_POLL_MS: "-1" }, "OUTBOX_POLL_MS: must be a positive whole number"],
    [{ OUTBOX_MAX_ATTEMPTS: "many" }, "OUTBOX_MAX_ATTEMPTS: must be a positive whole number"],
    [{ CONSOLE_MAX_TEXT_LENGTH: "10" }, "CONSOLE_MAX_TEXT_LENGTH: must be a whole number of at least 20"],
    [{ LOG_LEVEL: "verbose" }, "LOG_LEVEL: must be one of fatal, error, warn, info, debug, trace, silent"],
    [{ BOT_NAME: "   " }, "BOT_NAME: must not be empty"],
    [{ DATABASE_URL: "linli.db" }, 'DATABASE_URL: must be a SQLite file URL such as "file:./data/linli.db" (PostgreSQL is not wired in yet)'],
  ])("explains %j", (env, problem) => {
    expect(problemsOf(env)).toEqual([problem]);
  });
});

/** The ConfigError `env` gives, or undefined when it loads. */
function configErrorOf(env: Record<string, string>): ConfigError | undefined {
  try {
    loadConfig(env);
    return undefined;
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
}

/** The problems a ConfigError lists for `env`, or [] when it loads. */
function problemsOf(env: Record<string, string>): string[] {
  return configErrorOf(env)?.problems ?? [];
}
