/**
 * `npm run soak [-- --seed N --rounds N --kills N --speed N]`: the crash soak of issue 15 (item 4). Runs the real
 * process against the Telegram emulator through a seeded stream, once clean and once killed with SIGKILL at seeded
 * points and restarted, and prints ONE JSON line: kills, lost and duplicate effects (database rows compared by
 * content with the clean run), duplicate sends, reminders due and sent, wall time. Progress goes to stderr.
 */
import { soak } from "../test/support/soak.ts";

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  if (at < 0) return fallback;
  const value = Number(process.argv[at + 1]);
  if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} needs a number`);
  return value;
}

const report = await soak({
  seed: option("seed", 15),
  rounds: option("rounds", 8),
  kills: option("kills", 22),
  speed: option("speed", 20),
  progress: (line) => process.stderr.write(`soak: ${line}\n`),
});
const { differences, ...figures } = report;
process.stdout.write(`${JSON.stringify({ ...figures, ...(Object.keys(differences).length ? { differences } : {}) })}\n`);
process.exitCode = report.lostEffects === 0 && report.duplicateEffects === 0 && report.duplicateSends <= report.kills && report.remindersSent === report.remindersDue ? 0 : 1;
