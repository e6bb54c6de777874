/**
 * The trained intent model the parser uses: loaded once from `intent-model.bin` beside this file (built by
 * `npm run train` from `corpus/training/`), then pure computation per message: no I/O, no network.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { decodeModel, type Heads, type ModelHeader } from "./model-file.ts";
import { featurize, type FeatureVector } from "./features.ts";
import { ranked } from "./linear-model.ts";

/** The committed model file. */
export const MODEL_PATH = fileURLToPath(new URL("./intent-model.bin", import.meta.url));

let loaded: { header: ModelHeader; heads: Heads } | undefined;

/** The model in use, loaded on first use. */
export function model(): { header: ModelHeader; heads: Heads } {
  loaded ??= decodeModel(readFileSync(MODEL_PATH));
  return loaded;
}

/** Use another model file (the score and train commands, the learning curve). */
export function useModelFile(path: string): void {
  loaded = decodeModel(readFileSync(path));
}

/** Use freshly trained heads (cross-validation); `undefined` goes back to the committed file. */
export function useModel(heads: Heads | undefined): void {
  loaded = heads && { header: { featureVersion: 0, heads: [], trainedOn: {} }, heads };
}

/** A label with its probability. */
export interface Guess {
  label: string;
  p: number;
}

let last: { text: string; features: FeatureVector } | undefined;

/** The guesses of one head for a normalised, lower-cased text, best first (the text's features are kept for the next head). */
export function guesses(head: "intent" | "category", text: string): Guess[] {
  const linear = model().heads[head];
  if (!linear) throw new Error(`the model has no "${head}" head: run npm run train`);
  if (last?.text !== text) last = { text, features: featurize(text) };
  return ranked(linear.classes, linear.predict(last.features));
}
