/** Reading the labelled corpus (`corpus/training/*.jsonl`, `corpus/exam/*.jsonl`): a bad line is an error naming it. */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { isLabelled, type Labelled } from "./labels.ts";

/** The repository's corpus folder. */
export const CORPUS_DIR = fileURLToPath(new URL("../../../corpus/", import.meta.url));

/** A named set of labelled messages and the hash of its bytes (to show an exam set was never edited after scoring). */
export interface LabelledSet {
  name: string;
  path: string;
  sha256: string;
  items: Labelled[];
}

/** Read one JSON Lines file of labelled messages. */
export function readSet(path: string): LabelledSet {
  const bytes = readFileSync(path);
  const items = bytes
    .toString("utf8")
    .split("\n")
    .flatMap((line, index) => {
      if (!line.trim()) return [];
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        throw new Error(`${path}:${index + 1}: not JSON`);
      }
      if (!isLabelled(value)) throw new Error(`${path}:${index + 1}: needs "id", "text" and a known "intent" (and category)`);
      return [value];
    });
  return { name: basename(path, ".jsonl"), path, sha256: createHash("sha256").update(bytes).digest("hex"), items };
}

/** Every set in a corpus folder ("training" or "exam"), by file name. */
export function readSets(folder: "training" | "exam", root = CORPUS_DIR): LabelledSet[] {
  const dir = join(root, folder);
  return readdirSync(dir)
    .filter((name) => name.endsWith(".jsonl"))
    .sort()
    .map((name) => readSet(join(dir, name)));
}
