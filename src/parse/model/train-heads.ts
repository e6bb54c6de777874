/**
 * From labelled messages to the parser's two heads: the intent of any message, and the category of a request.
 * Deterministic: the same messages (in the same order) and options give the same bytes.
 */
import { featurize } from "./features.ts";
import { DEFAULT_TRAIN_OPTIONS, seeded, train, type TrainOptions } from "./train.ts";
import { CATEGORY_LABELS, INTENT_LABELS, type Labelled } from "./labels.ts";
import { encodeModel, type Heads } from "./model-file.ts";
import { readSets } from "./corpus-files.ts";
import { normalize } from "../normalize.ts";

/** The names the corpus uses for the bot ("@邻里小助手 ..."), stripped as the running bot strips its own. */
export const CORPUS_BOT_NAMES = ["邻里小助手", "linli_bot", "Linli"];

/** A message as the model reads it: normalised as the parser does (the features lower-case it themselves). */
export function modelText(raw: string, botNames: string[] = CORPUS_BOT_NAMES): string {
  return normalize(raw, botNames);
}

/** Train both heads on `items`. */
export function trainHeads(items: readonly Labelled[], options: TrainOptions = DEFAULT_TRAIN_OPTIONS): Heads {
  const features = items.map((item) => featurize(modelText(item.text)));
  const intent = train(
    INTENT_LABELS,
    items.map((item, index) => ({ features: features[index]!, label: INTENT_LABELS.indexOf(item.intent) })),
    options,
  );
  const requests = items.flatMap((item, index) =>
    item.intent === "request" && item.category ? [{ features: features[index]!, label: CATEGORY_LABELS.indexOf(item.category) }] : [],
  );
  const category = train(CATEGORY_LABELS, requests, options);
  return { intent, category };
}

/** A seeded sample of a fraction of the items, stratified by intent (for the learning curve). */
export function sample(items: readonly Labelled[], fraction: number, seed: number): Labelled[] {
  if (fraction >= 1) return [...items];
  const random = seeded(seed);
  const byIntent = new Map<string, Labelled[]>();
  for (const item of items) byIntent.set(item.intent, [...(byIntent.get(item.intent) ?? []), item]);
  const kept = new Set<Labelled>();
  for (const group of byIntent.values()) {
    const shuffled = group.map((item) => ({ item, key: random() })).sort((a, b) => a.key - b.key);
    for (const { item } of shuffled.slice(0, Math.max(1, Math.round(group.length * fraction)))) kept.add(item);
  }
  return items.filter((item) => kept.has(item));
}

/** The model file's bytes, trained on the training sets (or a fraction of them). */
export function trainedModel(fraction = 1, seed = 1): Uint8Array {
  const sets = readSets("training");
  const items = sample(sets.flatMap((set) => set.items), fraction, seed);
  const heads = trainHeads(items, DEFAULT_TRAIN_OPTIONS);
  const trainedOn = {
    sets: Object.fromEntries(sets.map((set) => [set.name, set.items.length])),
    messages: items.length,
    ...(fraction < 1 ? { fraction, seed } : {}),
    options: DEFAULT_TRAIN_OPTIONS,
  };
  return encodeModel(heads, trainedOn);
}

