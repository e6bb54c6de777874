/**
 * `npm run redelivery [-- --messages N --seed N]`: redelivery at volume (issue 15, item 5). 10,000 inbound messages
 * through the real pipeline on real SQLite, 20% delivered again (some at the same moment as the original, some later
 * and out of order, some to a second Linli on the same file); prints ONE JSON line: lost and duplicate effects
 * against the same messages handled once each, outcomes, wall time and messages per second.
 */
import { redeliveryVolume } from "../test/support/redelivery-volume.ts";

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  if (at < 0) return fallback;
  const value = Number(process.argv[at + 1]);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} needs a positive whole number`);
  return value;
}

const report = await redeliveryVolume({ messages: option("messages", 10_000), seed: option("seed", 15) });
process.stdout.write(`${JSON.stringify(report)}\n`);
process.exitCode = report.lostEffects === 0 && report.duplicateEffects === 0 ? 0 : 1;
