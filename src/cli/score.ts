/**
 * `npm run -s score -- FILE...`: the figures of labelled sets (intent accuracy, chatter false alarms, SOS recall and
 * false SOS, slots) as the parser reads them now.
 *   --first-sight [--note TEXT]  log each set's figures in corpus/first-sight.jsonl: once per set, on arrival, before
 *                                anything learns from it (refused for a set already logged, by name or by content)
 *   --model FILE                 score with another model file (the learning curve)
 *   --misses                     list what was missed (training sets only: exam sets are scored, never studied)
 *   --json                       one JSON line per set
 */
import { appendFileSync, existsSync, readFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { join, resolve } from "node:path";
import { parse } from "../app/parser.ts";
import { CORPUS_DIR, readSet } from "../parse/model/corpus-files.ts";
import { describeFigures, evaluate } from "../parse/model/evaluate.ts";
import { MODEL_PATH, useModelFile } from "../parse/model/index.ts";
import { runCli } from "./cli.ts";

/** The first-sight log: one JSON line per set, written once. */
export const FIRST_SIGHT_LOG = join(CORPUS_DIR, "first-sight.jsonl");

function option(args: string[], name: string): string | undefined {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const modelFile = option(args, "--model");
  const note = option(args, "--note");
  const valued = new Set([modelFile, note].filter(Boolean));
  const files = args.filter((arg) => !arg.startsWith("--") && !valued.has(arg));
  if (!files.length) throw new Error("name one or more .jsonl files of labelled messages");
  if (modelFile) useModelFile(modelFile);
  const modelHash = createHash("sha256").update(readFileSync(modelFile ?? MODEL_PATH)).digest("hex").slice(0, 12);
  const firstSight = args.includes("--first-sight");
  const logged = existsSync(FIRST_SIGHT_LOG)
    ? readFileSync(FIRST_SIGHT_LOG, "utf8").split("\n").filter(Boolean).map((line) => JSON.parse(line) as { set: string; sha256?: string })
    : [];
  for (const file of files) {
    const set = readSet(resolve(file));
    if (firstSight && logged.some((entry) => entry.set === set.name || entry.sha256 === set.sha256)) {
      throw new Error(`${set.name} has been scored before: a first sight happens once (corpus/first-sight.jsonl)`);
    }
    if (args.includes("--misses") && resolve(file).startsWith(join(CORPUS_DIR, "exam"))) {
      throw new Error(`${set.name} is an exam set: it is scored, never studied (corpus/README.md)`);
    }
    const { figures, misses } = evaluate(set.items, parse);
    if (args.includes("--json")) process.stdout.write(`${JSON.stringify({ set: set.name, model: modelHash, ...figures })}\n`);
    else process.stdout.write(`${set.name}: ${describeFigures(figures)}\n`);
    if (args.includes("--misses")) for (const miss of misses) process.stdout.write(`  ${miss.what} ${miss.id}: want ${String(miss.want)}, got ${String(miss.got)}: ${miss.text.replace(/\n/gu, " ⏎ ")}\n`);
    if (firstSight) {
      const entry = { date: new Date().toISOString().slice(0, 10), set: set.name, sha256: set.sha256, model: modelHash, ...figures, ...(note ? { note } : {}) };
      appendFileSync(FIRST_SIGHT_LOG, `${JSON.stringify(entry)}\n`);
    }
  }
  return 0;
}

runCli(main, "score");
