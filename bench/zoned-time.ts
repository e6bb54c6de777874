/**
 * Local-time helpers on the parser's hot path: src/kernel/zoned-time.ts (Intl, offsets cached) against a bare Intl
 * call, luxon and @js-temporal/polyfill, per call in µs, with each library's install size and load time. Prints JSON.
 * The libraries are not dependencies: install them apart and name the folder, e.g.
 *   mkdir -p /tmp/zlibs && (cd /tmp/zlibs && npm init -y && npm i luxon @js-temporal/polyfill)
 *   npx tsx bench/zoned-time.ts /tmp/zlibs/node_modules
 * Without a folder only the module and bare Intl are measured.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { addLocalWeeks, atLocal, localDate, localDay, offsetMinutes } from "../src/kernel/zoned-time.ts";

const ZONE = "Europe/London";
const libs = process.argv[2];
/** Message times a minute apart over a week: what the parser sees in a busy group. */
const instants = Array.from({ length: 10_080 }, (_, n) => new Date(Date.UTC(2026, 9, 20) + n * 60_000));

/** µs a call: the median of 7 rounds of `runs` calls, after a warm-up round. */
function perCall(runs: number, fn: (n: number) => unknown): number {
  let sink: unknown;
  for (let n = 0; n < runs; n += 1) sink = fn(n);
  const rounds: number[] = [];
  for (let round = 0; round < 7; round += 1) {
    const start = process.hrtime.bigint();
    for (let n = 0; n < runs; n += 1) sink = fn(n);
    rounds.push(Number(process.hrtime.bigint() - start) / 1000 / runs);
  }
  if (sink === Symbol.for("never")) console.log(sink);
  return Math.round(rounds.sort((a, b) => a - b)[3]! * 1000) / 1000;
}

/** ms to start node and import a module, median of 5, less a bare start. */
function loadMs(specifier?: string): number {
  const code = specifier ? `const t=performance.now();await import(${JSON.stringify(specifier)});console.log(performance.now()-t)` : "console.log(0)";
  const times = Array.from({ length: 5 }, () => Number(execFileSync(process.execPath, ["--input-type=module", "-e", code], { encoding: "utf8" })));
  return Math.round(times.sort((a, b) => a - b)[2]! * 10) / 10;
}

/** KiB on disk of package folders. */
const du = (...dirs: string[]): number => dirs.reduce((sum, dir) => sum + Number(execFileSync("du", ["-sk", dir], { encoding: "utf8" }).split("\t")[0]), 0);

const bare = new Intl.DateTimeFormat("en-US", { timeZone: ZONE, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" });
const results: Record<string, unknown> = {
  zone: ZONE,
  intl: {
    formatToPartsUs: perCall(20_000, (n) => bare.formatToParts(instants[n % instants.length])),
    newFormatterUs: perCall(2_000, (n) => new Intl.DateTimeFormat("en-US", { timeZone: n % 2 ? ZONE : "Asia/Shanghai", timeZoneName: "longOffset" })),
  },
  module: {
    offsetMinutesUs: perCall(200_000, (n) => offsetMinutes(instants[n % instants.length]!, ZONE)),
    localDayUs: perCall(200_000, (n) => localDay(instants[n % instants.length]!, ZONE)),
    localDateUs: perCall(200_000, (n) => localDate(instants[n % instants.length]!, ZONE)),
    atLocalUs: perCall(200_000, (n) => atLocal("2026-10-25", { hour: 9 + (n % 10), minute: 30 }, ZONE)),
    addLocalWeeksUs: perCall(200_000, (n) => addLocalWeeks(instants[n % instants.length]!, 1, ZONE)),
  },
};

interface LuxonDateTime { toISODate(): string | null; plus(d: { weeks: number }): LuxonDateTime; toJSDate(): Date; offset: number }
interface Luxon { DateTime: { fromJSDate(d: Date, o: { zone: string }): LuxonDateTime; fromObject(v: object, o: { zone: string }): LuxonDateTime } }
interface TemporalZoned { offsetNanoseconds: number; toPlainDate(): { toString(): string }; add(d: { weeks: number }): TemporalZoned; epochMilliseconds: number }
interface TemporalNs {
  Instant: { fromEpochMilliseconds(ms: number): { toZonedDateTimeISO(zone: string): TemporalZoned } };
  PlainDateTime: { from(v: object): { toZonedDateTime(zone: string, o: { disambiguation: string }): TemporalZoned } };
}

if (libs && existsSync(join(libs, "luxon"))) {
  const { DateTime } = (await import(pathToFileURL(join(libs, "luxon/build/es6/luxon.mjs")).href)) as Luxon;
  const version = (JSON.parse(readFileSync(join(libs, "luxon/package.json"), "utf8")) as { version: string }).version;
  results.luxon = {
    version,
    installKiB: du(join(libs, "luxon")),
    loadMs: loadMs(pathToFileURL(join(libs, "luxon/build/es6/luxon.mjs")).href),
    offsetMinutesUs: perCall(20_000, (n) => DateTime.fromJSDate(instants[n % instants.length]!, { zone: ZONE }).offset),
    localDateUs: perCall(20_000, (n) => DateTime.fromJSDate(instants[n % instants.length]!, { zone: ZONE }).toISODate()),
    atLocalUs: perCall(20_000, (n) => DateTime.fromObject({ year: 2026, month: 10, day: 25, hour: 9 + (n % 10), minute: 30 }, { zone: ZONE }).toJSDate()),
    addLocalWeeksUs: perCall(20_000, (n) => DateTime.fromJSDate(instants[n % instants.length]!, { zone: ZONE }).plus({ weeks: 1 }).toJSDate()),
  };
}

if (libs && existsSync(join(libs, "@js-temporal/polyfill"))) {
  const entry = pathToFileURL(join(libs, "@js-temporal/polyfill/dist/index.esm.js")).href;
  const { Temporal } = (await import(entry)) as { Temporal: TemporalNs };
  const version = (JSON.parse(readFileSync(join(libs, "@js-temporal/polyfill/package.json"), "utf8")) as { version: string }).version;
  results.temporal = {
    version,
    installKiB: du(join(libs, "@js-temporal/polyfill"), join(libs, "jsbi")),
    loadMs: loadMs(entry),
    offsetMinutesUs: perCall(5_000, (n) => Temporal.Instant.fromEpochMilliseconds(instants[n % instants.length]!.getTime()).toZonedDateTimeISO(ZONE).offsetNanoseconds),
    localDateUs: perCall(5_000, (n) => Temporal.Instant.fromEpochMilliseconds(instants[n % instants.length]!.getTime()).toZonedDateTimeISO(ZONE).toPlainDate().toString()),
    atLocalUs: perCall(5_000, (n) =>
      Temporal.PlainDateTime.from({ year: 2026, month: 10, day: 25, hour: 9 + (n % 10), minute: 30 }).toZonedDateTime(ZONE, { disambiguation: "compatible" }).epochMilliseconds),
    addLocalWeeksUs: perCall(5_000, (n) =>
      Temporal.Instant.fromEpochMilliseconds(instants[n % instants.length]!.getTime()).toZonedDateTimeISO(ZONE).add({ weeks: 1 }).epochMilliseconds),
  };
}

console.log(JSON.stringify(results, null, 2));
