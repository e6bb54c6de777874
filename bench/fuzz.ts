/**
 * `npm run fuzz`: the whole-pipeline fuzz (issue 15, item 6) at full size: 100,000 random and adversarial events
 * (test/support/fuzz.ts) through a real Linli on a temporary SQLite file. Prints one JSON line: messages, outcomes by
 * kind, failures by shape and by error, crashes, unhandled rejections, unlogged failures, failed messages that left
 * writes, job failures, wall time and messages per second. FUZZ_MESSAGES and FUZZ_SEED change the size and the seed;
 * FUZZ_PROGRESS=1 writes the figures so far to stderr every 500 events.
 */
import { performance } from "node:perf_hooks";
import { runFuzz } from "../test/support/fuzz-run.ts";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const count = Number(process.env.FUZZ_MESSAGES ?? 100_000);
const seed = Number(process.env.FUZZ_SEED ?? 15);
const dir = mkdtempSync(join(tmpdir(), "linli-fuzz-"));
const started = performance.now();
// FUZZ_MAX_SECONDS stops the run early (a busy machine); the figures of what ran are still printed, with complete: false.
const maxMs = Number(process.env.FUZZ_MAX_SECONDS ?? Infinity) * 1000;
try {
  const report = await runFuzz(`file:${join(dir, "linli.db")}`, seed, count, {
    onProgress: (report) => void (process.env.FUZZ_PROGRESS && process.stderr.write(`${JSON.stringify({ ...report, wallMs: Math.round(performance.now() - started) })}\n`)),
    stopped: () => performance.now() - started > maxMs,
  });
  const wallMs = Math.round(performance.now() - started);
  console.log(JSON.stringify({ ...report, complete: report.messages === count, wallMs, messagesPerSecond: Math.round((report.messages / wallMs) * 1000) }));
  const bad = report.crashes + report.unhandledRejections + report.uncaughtExceptions + report.unloggedFailures + report.leakedWrites;
  process.exitCode = bad > 0 ? 1 : 0;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
