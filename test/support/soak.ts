/**
 * The crash soak (issue 15, item 4): the real process (`src/main.ts`) against the Telegram emulator, through a seeded
 * stream of requests, acceptances, event sign-ups, service logs and credit confirmations, with reminders falling due
 * during the run; killed with SIGKILL at seeded points (after a seeded number of Bot API calls, so a kill lands before,
 * during or after any send, handling or job) and restarted each time. The same stream is run once without kills; the two
 * databases are compared by content (ids and timestamps left out) and the emulator's sends are counted by content.
 *
 * Time: the process runs on the test-only clock (TEST_CLOCK_START / TEST_CLOCK_SPEED, see .env.example): it stands
 * while the process starts and then runs fast, so reminders fall due in real seconds and a slow restart costs no
 * virtual time. The driver keeps the same timeline (standing from a kill until the new process polls) for the
 * emulator and for each restart's TEST_CLOCK_START, so restarts continue one virtual morning.
 * The process's state lives in its database only, which the driver reads by polling (it cannot be told of changes).
 */
import Database from "better-sqlite3";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startMain, type RunningMain } from "./console-run.ts";
import { TelegramEmulator, type TestChat, type TestUser } from "./telegram-emulator.ts";
import { loadConfig } from "../../src/config.ts";
import { createLinli } from "../../src/linli.ts";
import { silentLogger } from "../../src/logger.ts";
import { repositoriesFor } from "../../src/infra/unit-of-work.ts";
import { parseRoster } from "../../src/features/community/domain/roster.ts";
import { importRoster } from "../../src/features/community/import-roster.ts";
import { seeded } from "../../src/parse/model/train.ts";

/** How a soak runs. */
export interface SoakOptions {
  seed: number;
  /** Rounds of the stream: each a request taken, done and confirmed, a service log confirmed, and (in the first half) an event with sign-ups. */
  rounds: number;
  /** SIGKILLs of the killed run (at least; the first at a seeded point, each after a seeded number of API calls). */
  kills: number;
  /** How much faster than real time the shared clock runs. */
  speed: number;
  /** Progress lines (stderr in the command). */
  progress?: (line: string) => void;
}

/** What the soak found. */
export interface SoakReport {
  kills: number;
  rounds: number;
  updates: number;
  lostEffects: number;
  duplicateEffects: number;
  duplicateSends: number;
  missingSends: number;
  remindersDue: number;
  remindersSent: number;
  /** Sign-up summaries sent to the group, and events whose last summary's total differs from their sign-ups. */
  summariesSent: number;
  summaryMismatches: number;
  /** Rows per table of the clean run, and the differences (table: +n duplicated / -n lost). */
  rows: Record<string, number>;
  differences: Record<string, { lost: string[]; duplicated: string[] }>;
  cleanMs: number;
  killedMs: number;
  wallMs: number;
}

const TOKEN = "123456789:AAHk3v9q-SoakSoakSoakSoakSoak_xyz";
const START = new Date("2026-11-23T09:00:00+08:00"); // a Monday morning in Shanghai
const GROUP: TestChat = { id: -1001, type: "supergroup", title: "3栋邻里群" };
const user = (id: number, name: string): TestUser => ({ id, first_name: name, language_code: "zh-hans" });
const RESIDENTS = [user(101, "王秀英"), user(102, "李奶奶"), user(103, "陈大爷"), user(104, "周阿姨")];
const VOLUNTEERS = [user(201, "王师傅"), user(202, "张阿姨"), user(203, "赵老师"), user(204, "吴叔叔")];
const COORDINATOR = user(301, "孙主任");
const EVERYONE = [...RESIDENTS, ...VOLUNTEERS, COORDINATOR];
const ROSTER = [
  "name,platform,id,building,room,roles,skills",
  ...RESIDENTS.map((p, i) => `${p.first_name},telegram,${p.id},3,${i + 3}01,resident,`),
  ...VOLUNTEERS.map((p, i) => `${p.first_name},telegram,${p.id},3,${i + 5}02,volunteer,梯子;修水管;搬运`),
  `${COORDINATOR.first_name},telegram,${COORDINATOR.id},5,101,coordinator,`,
].join("\n");
const ASKS = ["谁家有梯子借用一下", "谁能帮忙修一下水管，厨房漏水了", "谁家有电钻借用一下", "谁能帮忙修一下水龙头"];
/**
 * The stream's events all start this evening (so no sign-up meets a started event however slow the restarts are);
 * each event's two reminders are set to fall due this many minutes after it is posted, during the run.
 */
const EVENT_STARTS = "18:00";
const EVENT_ENDS = "19:00";
const REMIND_AFTER_MINUTES = [10, 14];

/** One user action of the stream. */
type Step = (emulator: TelegramEmulator, now: Date) => number;

const dm = (person: TestUser): TestChat => ({ id: person.id, type: "private" });
const say = (from: TestUser, text: string, chat: TestChat = GROUP): Step => (emulator) => emulator.userMessage({ chat, from, text });
/** A button press on the newest message to `chat` that offers `data` (or a message the emulator does not know). */
const press = (from: TestUser, chat: TestChat, data: string): Step => (emulator) => {
  const card = emulator.sent.findLast(
    (sent) => Number(sent.chatId) === chat.id && JSON.stringify(sent.replyMarkup ?? null).includes(`"${data}"`),
  );
  return emulator.pressButton({ chatId: chat.id, messageId: card?.messageId ?? 999_999, from, data });
};

/** The stream: rounds of steps, each round queued at once (the bot handles updates one at a time, in order). */
function stream(rounds: number, rng: () => number): Array<Array<Step>> {
  const all: Step[][] = [[...EVERYONE.map((person) => say(person, "/start", dm(person)))]];
  let credit = 0;
  for (let r = 1; r <= rounds; r += 1) {
    const requester = RESIDENTS[(r - 1) % RESIDENTS.length]!;
    const volunteer = VOLUNTEERS[(r - 1) % VOLUNTEERS.length]!;
    const helper = VOLUNTEERS[r % VOLUNTEERS.length]!;
    const round: Step[] = [say(requester, `${ASKS[(r - 1) % ASKS.length]!}（第${r}次）`)];
    // Accept by the ping's button or by the command, as volunteers do.
    round.push(rng() < 0.5 ? press(volunteer, dm(volunteer), `/accept ${r}`) : say(volunteer, `/accept ${r}`, dm(volunteer)));
    round.push(say(volunteer, `/done ${r} 2h`, dm(volunteer)));
    credit += 1;
    round.push(rng() < 0.5 ? press(requester, dm(requester), `/confirm ${credit}`) : say(requester, `/confirm ${credit}`, dm(requester)));
    round.push(say(helper, `今天帮${requester.first_name}读报${1 + (r % 3)}小时`));
    credit += 1;
    round.push(say(requester, `/confirm ${credit}`, dm(requester)));
    if (r <= Math.ceil(rounds / 2)) {
      // An event starting soon: its reminders fall due while the stream goes on.
      round.push((emulator, now) => {
        const starts = new Date(`${now.toISOString().slice(0, 10)}T${EVENT_STARTS}:00+08:00`);
        const offsets = REMIND_AFTER_MINUTES.map((after) => Math.floor((starts.getTime() - now.getTime()) / 60_000) - after);
        return say(COORDINATOR, `/活动 今天 ${EVENT_STARTS}-${EVENT_ENDS} 花园散步${r} 限10人 提醒 ${offsets.map((m) => `${m}分钟`).join(" ")}`)(emulator, now);
      });
      const joiners = [...RESIDENTS, ...VOLUNTEERS].filter(() => rng() < 0.5).slice(0, 4);
      for (const person of joiners) round.push(rng() < 0.5 ? press(person, GROUP, `/join ${r}`) : say(person, `/join ${r}`));
    }
    all.push(round);
  }
  return all;
}

const STARTUP_METHODS = new Set(["getMe", "deleteWebhook", "setMyCommands", "getChatAdministrators"]);

/** What the process logged as errors (node-cron's notes that a second's run was skipped are not). */
function processErrors(main: RunningMain): string {
  return main.stderr().split("\n").filter((line) => line.trim() && !line.includes("NODE-CRON")).join("\n");
}

/** The driver's copy of the process's clock: standing while the process starts, running `speed` times as fast after. */
class SoakClock {
  #base: number;
  #since: number | null = null;
  constructor(start: Date, private readonly speed: number) {
    this.#base = start.getTime();
  }
  now(): Date {
    return new Date(this.#base + (this.#since === null ? 0 : (Date.now() - this.#since) * this.speed));
  }
  /** The process is polling: time runs. */
  run(): void {
    this.#since ??= Date.now();
  }
  /** The process was killed: time stands, a little after where it was (never behind the process's own reading). */
  stand(): void {
    this.#base = this.now().getTime() + 2000;
    this.#since = null;
  }
}

/**
 * Waits until `check` holds, asking it again every 50 ms. This is a poll of another process's database, which cannot
 * announce its changes: watching the database's files (fs.watch) was tried and missed the last write of a run.
 * `limitMs` only bounds a run that went wrong.
 */
async function until(check: () => boolean, what: string, limitMs = 300_000): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > limitMs) throw new Error(`soak: gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Creates the database with the roster, before the process first starts. */
async function prepare(dbUrl: string): Promise<void> {
  const linli = await createLinli({ config: loadConfig({ DATABASE_URL: dbUrl, LOG_LEVEL: "silent" }), clock: { now: () => START }, log: silentLogger(), adapters: [] });
  await linli.db.transaction(async (tx) => {
    const repos = repositoriesFor(tx, START);
    const community = await repos.directories.defaultCommunity();
    await importRoster(repos, community.id, parseRoster(ROSTER).rows);
  });
  await linli.close();
}

interface RunResult {
  snapshot: Map<string, string[]>;
  sends: Map<string, number>;
  remindersDue: number;
  remindersSent: number;
  reminderDuplicates: number;
  summaries: { sent: number; duplicates: number; mismatches: number };
  kills: number;
  updates: number;
  ms: number;
}

/** One run of the stream: without kills when `kills` is 0. */
async function run(options: SoakOptions, kills: number): Promise<RunResult> {
  const began = Date.now();
  const dir = mkdtempSync(join(tmpdir(), "linli-soak-"));
  const dbFile = join(dir, "linli.db");
  const rng = seeded(options.seed);
  const killRng = seeded(options.seed ^ 0x5eed);
  const clock = new SoakClock(START, options.speed);
  const emulator = new TelegramEmulator({ token: TOKEN, now: () => clock.now().getTime(), limits: { perChatPerSecond: 1000, perGroupPerMinute: 100_000, overallPerSecond: 1000 } });
  const apiRoot = await emulator.start();
  emulator.setAdmins(GROUP.id, [COORDINATOR.id]);
  await prepare(`file:${dbFile}`);
  const env: Record<string, string> = {
    ...Object.fromEntries(["PATH", "HOME", "TMPDIR"].flatMap((key) => (process.env[key] === undefined ? [] : [[key, process.env[key]!]]))),
    DATABASE_URL: `file:${dbFile}`,
    LOG_LEVEL: "error",
    TELEGRAM_BOT_TOKEN: TOKEN,
    TELEGRAM_API_ROOT: apiRoot,
    SCHEDULER_CRON: "* * * * * *", // every (real) second: jobs run as they fall due on the fast clock
    OUTBOX_POLL_MS: "100",
    RATE_LIMIT_PER_MINUTE: "100000",
    REQUEST_WAVE_MINUTES: "100000", // no second wave, no expiry: the stream alone decides what happens
    REQUEST_WAVE_MINUTES_URGENT: "100000",
    REQUEST_EXPIRY_HOURS: "10000",
    TEST_CLOCK_SPEED: String(options.speed),
  };
  const db = new Database(dbFile, { fileMustExist: true, timeout: 5000 });
  const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
  /** Starts the process on the driver's timeline; the timeline runs from its first poll. */
  const launch = () => {
    const from = emulator.calls.length;
    void emulator.waitFor(() => emulator.calls.slice(from).some((call) => call.method === "getUpdates")).then(() => clock.run());
    return startMain({ ...env, TEST_CLOCK_START: clock.now().toISOString() });
  };
  let main: RunningMain = launch();
  let killed = 0;
  let errors = "";
  // Kill after a seeded number of Bot API calls of the bot at work (polls, sends, edits, answers) since the last
  // (re)start, so that kills land before, during and after handling, sending and jobs, not mostly in start-up.
  const work = () => emulator.calls.filter((call) => !STARTUP_METHODS.has(call.method)).length;
  // Gaps average about a share of the stream's calls (~30 a round), so kills spread over the whole stream.
  const gap = Math.max(10, Math.ceil((options.rounds * 30 * 2) / Math.max(1, kills)));
  const nextKill = () => work() + 1 + Math.floor(killRng() * gap);
  let killAt = nextKill();
  const due = () => killed < kills && work() >= killAt;
  const maybeKill = async () => {
    if (!due()) return;
    main.child.kill("SIGKILL");
    clock.stand();
    await main.exited;
    errors += processErrors(main);
    killed += 1;
    options.progress?.(`kill ${killed}/${kills} after ${emulator.calls.length} calls`);
    killAt = nextKill();
    main = launch();
  };
  const confirmed = (id: number) => emulator.calls.some((call) => call.method === "getUpdates" && Number(call.params.offset ?? 0) > id);
  let updates = 0;
  try {
    for (const [index, round] of stream(options.rounds, rng).entries()) {
      const ids = round.map((step) => step(emulator, clock.now()));
      updates += ids.length;
      const last = Math.max(...ids);
      for (;;) {
        await emulator.waitFor(() => confirmed(last) || due() || main.child.exitCode !== null);
        if (main.child.exitCode !== null && main.child.signalCode === null) throw new Error(`soak: Linli exited by itself (${main.child.exitCode}):\n${main.stderr()}`);
        await maybeKill();
        if (confirmed(last)) break;
      }
      options.progress?.(`round ${index}/${options.rounds} handled (${killed} kills)`);
    }
    // Kills still owed land in the tail, while reminders fall due and the outbox empties.
    while (killed < kills) {
      await emulator.waitFor(() => due() || main.child.exitCode !== null);
      await maybeKill();
    }
    await until(() => count("SELECT count(*) AS n FROM ScheduledJob WHERE kind IN ('event.remind', 'event.summary') AND state NOT IN ('done', 'dropped', 'failed')") === 0, "the reminders and summaries");
    await until(() => count("SELECT count(*) AS n FROM OutboxMessage WHERE state = 'pending'") === 0, "the outbox to empty");
    main.child.kill("SIGTERM");
    await main.exited;
    errors += processErrors(main);
  } finally {
    if (main.child.exitCode === null) main.child.kill("SIGKILL");
    await emulator.stop();
  }
  try {
    const snapshot = snapshotOf(db);
    const sends = new Map<string, number>();
    for (const sent of emulator.sent) {
      if ((sent.text ?? "").startsWith("提醒：")) continue; // counted by remindersOf
      if (SUMMARY.test(sent.text ?? "")) continue; // checked by summariesOf
      const key = `${sent.chatId} ${normaliseText(sent.text ?? "")}`;
      sends.set(key, (sends.get(key) ?? 0) + 1);
    }
    const reminders = remindersOf(db, emulator);
    const summaries = summariesOf(db, emulator);
    if (errors.trim()) options.progress?.(`process errors:\n${errors.trim().slice(0, 2000)}`);
    return { snapshot, sends, ...reminders, summaries, kills: killed, updates, ms: Date.now() - began };
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** An event's clock times and a reminder's "10分钟后" depend on when the stream ran, not on what it did. */
function normaliseText(text: string): string {
  return text.replace(/^提醒：\d+(分钟|小时|天)后/u, "提醒：…后").replace(/\d{2}:\d{2}/gu, "hh:mm");
}

/** Every row that is an effect of the stream, by content: names and titles instead of ids, no timestamps. */
function snapshotOf(db: Database.Database): Map<string, string[]> {
  const rows = (sql: string) => (db.prepare(sql).all() as Array<Record<string, unknown>>).map((row) => JSON.stringify(Object.values(row))).sort();
  const name = (column: string) => `(SELECT displayName FROM Person WHERE id = ${column})`;
  return new Map([
    ["requests", rows(`SELECT ${name("requesterId")}, category, what, state, urgent, minutesSpent, sourceText FROM HelpRequest`)],
    ["pings", rows(`SELECT (SELECT what FROM HelpRequest h WHERE h.id = requestId), ${name("volunteerId")}, wave, state FROM RequestPing`)],
    ["assignments", rows(`SELECT (SELECT what FROM HelpRequest h WHERE h.id = requestId), ${name("volunteerId")}, state FROM RequestAssignment`)],
    // The reminders' offsets depend on when the event was posted (they fall due a few minutes later): left out.
    ["events", rows(`SELECT title, capacity, kind, state FROM Event`)],
    ["signUps", rows(`SELECT (SELECT title FROM Event e WHERE e.id = eventId), ${name("personId")}, count, state, position FROM SignUp`)],
    ["credits", rows(`SELECT ${name("helperId")}, ${name("beneficiaryId")}, minutes, category, source, description, state FROM PendingCredit`)],
    ["ledger", rows(`SELECT t.kind, t.category, t.memo, (SELECT coalesce(${name("a.personId")}, a.kind) FROM TimeAccount a WHERE a.id = e.accountId), e.minutes FROM LedgerEntry e JOIN LedgerTransfer t ON t.id = e.transferId`)],
    // Which few-minute window a sign-up's summary falls in depends on when the stream ran (a restart shifts it):
    // summaries, like reminders, are checked within each run (summariesOf).
    ["jobs", rows(`SELECT kind, CASE kind WHEN 'event.remind' THEN rtrim(dedupeKey, '0123456789') ELSE dedupeKey END, state FROM ScheduledJob WHERE kind <> 'event.summary'`)],
    // Who hears a reminder depends on who had signed up when it fell due: reminders are checked within each run.
    ["outbox", rows(`SELECT targetKind, targetId, state, body FROM OutboxMessage WHERE json_extract(body, '$.message.text') NOT LIKE '提醒：%' AND json_extract(body, '$.message.text') NOT LIKE '%；共 % 人。'`).map(normaliseText)],
    ["processed", rows(`SELECT count(*) FROM ProcessedMessage`)],
  ]);
}

/** A sign-up summary in the group ("花园散步1：新报名 4 人（…）；共 4/10 人。"). */
const SUMMARY = /；共 (\d+)(?:\/\d+)? 人。$/u;

/**
 * The sign-up summaries of a run: how many went out, how many went out twice (the same text to the same chat), and
 * how many events' last summary gives a total other than their confirmed sign-ups (a change lost from the summaries).
 */
function summariesOf(db: Database.Database, emulator: TelegramEmulator): { sent: number; duplicates: number; mismatches: number } {
  const seen = new Map<string, number>();
  const last = new Map<string, number>();
  for (const sent of emulator.sent) {
    const match = SUMMARY.exec(sent.text ?? "");
    if (!match) continue;
    const key = `${sent.chatId} ${sent.text}`;
    seen.set(key, (seen.get(key) ?? 0) + 1);
    last.set((sent.text ?? "").split("：")[0]!, Number(match[1]));
  }
  const taken = db.prepare(`SELECT e.title AS title, coalesce(sum(s.count), 0) AS n FROM Event e LEFT JOIN SignUp s ON s.eventId = e.id AND s.state = 'confirmed' GROUP BY e.id`).all() as Array<{ title: string; n: number }>;
  const mismatches = taken.filter(({ title, n }) => last.has(title) && last.get(title) !== n).length;
  const sent = [...seen.values()].reduce((sum, n) => sum + n, 0);
  return { sent, duplicates: [...seen.values()].reduce((sum, n) => sum + n - 1, 0), mismatches };
}

/**
 * The reminders of a run, by (person, event): how many the reminder jobs queued, and how many of those the emulator
 * saw go out (more than queued are duplicate sends). A reminder job that did not run (dropped, failed) counts its
 * confirmed sign-ups as due and unsent.
 */
function remindersOf(db: Database.Database, emulator: TelegramEmulator): { remindersDue: number; remindersSent: number; reminderDuplicates: number } {
  const queued = db
    .prepare(
      `SELECT targetId AS chat, json_extract(body, '$.message.text') AS text FROM OutboxMessage
       WHERE json_extract(body, '$.message.text') LIKE '提醒：%'`,
    )
    .all() as Array<{ chat: string; text: string }>;
  const unrun = (db
    .prepare(
      `SELECT count(*) AS n FROM ScheduledJob j JOIN SignUp s ON s.eventId = json_extract(j.payload, '$.eventId') AND s.state = 'confirmed'
       WHERE j.kind = 'event.remind' AND j.state <> 'done'`,
    )
    .get() as { n: number }).n;
  const due = new Map<string, number>();
  for (const one of queued) {
    const key = `${one.chat} ${normaliseText(one.text)}`;
    due.set(key, (due.get(key) ?? 0) + 1);
  }
  const sent = new Map<string, number>();
  for (const one of emulator.sent) {
    if (!(one.text ?? "").startsWith("提醒：")) continue;
    const key = `${String(one.chatId)} ${normaliseText(one.text ?? "")}`;
    sent.set(key, (sent.get(key) ?? 0) + 1);
  }
  let remindersSent = 0;
  let reminderDuplicates = 0;
  for (const [key, n] of due) {
    remindersSent += Math.min(n, sent.get(key) ?? 0);
    reminderDuplicates += Math.max(0, (sent.get(key) ?? 0) - n);
  }
  for (const [key, n] of sent) if (!due.has(key)) reminderDuplicates += n;
  return { remindersDue: queued.length + unrun, remindersSent, reminderDuplicates };
}

/** Rows of `clean` missing from `killed`, and rows of `killed` beyond `clean`, compared as multisets. */
function compare(clean: string[], killed: string[]): { lost: string[]; duplicated: string[] } {
  const counts = new Map<string, number>();
  for (const row of clean) counts.set(row, (counts.get(row) ?? 0) + 1);
  const duplicated: string[] = [];
  for (const row of killed) {
    const left = counts.get(row) ?? 0;
    if (left > 0) counts.set(row, left - 1);
    else duplicated.push(row);
  }
  const lost = [...counts].flatMap(([row, n]) => Array<string>(n).fill(row));
  return { lost, duplicated };
}

/** Runs the stream clean, then with kills, and compares. */
export async function soak(options: SoakOptions): Promise<SoakReport> {
  const began = Date.now();
  options.progress?.("clean run");
  const clean = await run(options, 0);
  options.progress?.(`clean run: ${clean.ms} ms; killed run`);
  const killed = await run(options, options.kills);
  const differences: SoakReport["differences"] = {};
  const rows: Record<string, number> = {};
  let lostEffects = 0;
  let duplicateEffects = 0;
  for (const [table, cleanRows] of clean.snapshot) {
    rows[table] = table === "processed" ? Number(JSON.parse(cleanRows[0] ?? "[0]")[0]) : cleanRows.length;
    const diff = compare(cleanRows, killed.snapshot.get(table) ?? []);
    if (diff.lost.length || diff.duplicated.length) differences[table] = diff;
    lostEffects += diff.lost.length;
    duplicateEffects += diff.duplicated.length;
  }
  let duplicateSends = killed.reminderDuplicates + killed.summaries.duplicates;
  lostEffects += killed.summaries.mismatches;
  let missingSends = 0;
  for (const key of new Set([...clean.sends.keys(), ...killed.sends.keys()])) {
    const difference = (killed.sends.get(key) ?? 0) - (clean.sends.get(key) ?? 0);
    if (difference > 0) duplicateSends += difference;
    else missingSends -= difference;
  }
  return {
    kills: killed.kills,
    rounds: options.rounds,
    updates: killed.updates,
    lostEffects,
    duplicateEffects,
    duplicateSends,
    missingSends,
    remindersDue: killed.remindersDue,
    remindersSent: killed.remindersSent,
    summariesSent: killed.summaries.sent,
    summaryMismatches: killed.summaries.mismatches,
    rows,
    differences,
    cleanMs: clean.ms,
    killedMs: killed.ms,
    wallMs: Date.now() - began,
  };
}
