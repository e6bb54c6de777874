/**
 * `npm run train`: trains the parser's model on `corpus/training/*.jsonl` and writes `src/parse/model/intent-model.bin`.
 * Deterministic (seeded, fixed order): `npm run train -- --check` retrains and fails if the committed file differs.
 * `--fraction 0.25 --out FILE` trains on a stratified sample (the learning curve in corpus/LOG.md).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { MODEL_PATH } from "../parse/model/index.ts";
import { trainedModel } from "../parse/model/train-heads.ts";
import { runCli } from "./cli.ts";

function option(args: string[], name: string): string | undefined {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const fraction = Number(option(args, "--fraction") ?? 1);
  const seed = Number(option(args, "--seed") ?? 1);
  if (!(fraction > 0 && fraction <= 1) || !Number.isInteger(seed)) throw new Error("--fraction takes a number in (0, 1], --seed an integer");
  const started = performance.now();
  const bytes = trainedModel(fraction, seed);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (args.includes("--check")) {
    const same = Buffer.compare(Buffer.from(bytes), readFileSync(MODEL_PATH)) === 0;
    process.stdout.write(same ? `the committed model is reproduced (${bytes.length} bytes, ${seconds} s)\n` : "the committed model differs from a fresh training: run npm run train\n");
    return same ? 0 : 1;
  }
  const out = option(args, "--out") ?? MODEL_PATH;
  writeFileSync(out, bytes);
  process.stdout.write(`wrote ${out} (${bytes.length} bytes) in ${seconds} s\n`);
  return 0;
}

runCli(main, "train");
