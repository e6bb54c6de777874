/**
 * Training of the intent model: softmax regression with AdaGrad and L2, over seeded shuffles, in plain arithmetic on
 * doubles, so the same data and options give the same model, bit for bit, on every run.
 */
import type { FeatureVector } from "./features.ts";
import { LinearModel, softmax } from "./linear-model.ts";

/** One labelled message, featurised. */
export interface Example {
  features: FeatureVector;
  label: number;
}

/** Training options. */
export interface TrainOptions {
  epochs: number;
  learningRate: number;
  l2: number;
  seed: number;
  /** Features seen in fewer messages are dropped (they mostly memorise one message). */
  minCount: number;
  /** Per-class weight on the loss (e.g. to make chatter count more); 1 when absent. */
  classWeights?: number[];
}

/** Defaults chosen by leave-one-set-out cross-validation on the training sets (see corpus/LOG.md). */
export const DEFAULT_TRAIN_OPTIONS: TrainOptions = { epochs: 30, learningRate: 0.5, l2: 1e-5, seed: 1, minCount: 1 };

/** A small seeded generator (mulberry32): the shuffles, and so the model, are reproducible. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Train a softmax model over `classes` from `examples`. */
export function train(classes: readonly string[], examples: readonly Example[], options: TrainOptions = DEFAULT_TRAIN_OPTIONS): LinearModel {
  const k = classes.length;
  // Rows: features seen in at least minCount messages, numbered in order of first appearance.
  const seen = new Map<number, number>();
  for (const { features } of examples) for (const hash of new Set(features.hashes)) seen.set(hash, (seen.get(hash) ?? 0) + 1);
  const rowOf = new Map<number, number>();
  for (const [hash, count] of seen) if (count >= options.minCount) rowOf.set(hash, rowOf.size);
  const rows = examples.map(({ features, label }) => ({
    label,
    weight: features.weight,
    rows: Int32Array.from(features.hashes, (hash) => rowOf.get(hash) ?? -1).filter((row) => row >= 0),
  }));
  const w = new Float64Array(rowOf.size * k);
  const g2 = new Float64Array(rowOf.size * k).fill(1e-8);
  const bias = new Float64Array(k);
  const b2 = new Float64Array(k).fill(1e-8);
  const random = seeded(options.seed);
  const order = rows.map((_, index) => index);
  const logits = new Float64Array(k);
  const gradient = new Float64Array(k);
  for (let epoch = 0; epoch < options.epochs; epoch += 1) {
    for (let i = order.length - 1; i > 0; i -= 1) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const index of order) {
      const example = rows[index]!;
      for (let c = 0; c < k; c += 1) logits[c] = bias[c]!;
      for (const row of example.rows) for (let c = 0; c < k; c += 1) logits[c]! += w[row * k + c]! * example.weight;
      softmax(logits);
      const scale = options.classWeights?.[example.label] ?? 1;
      for (let c = 0; c < k; c += 1) gradient[c] = (logits[c]! - (c === example.label ? 1 : 0)) * scale;
      for (let c = 0; c < k; c += 1) {
        b2[c]! += gradient[c]! * gradient[c]!;
        bias[c]! -= (options.learningRate * gradient[c]!) / Math.sqrt(b2[c]!);
      }
      for (const row of example.rows) {
        for (let c = 0; c < k; c += 1) {
          const at = row * k + c;
          const g = gradient[c]! * example.weight + options.l2 * w[at]!;
          g2[at]! += g * g;
          w[at]! -= (options.learningRate * g) / Math.sqrt(g2[at]!);
        }
      }
    }
  }
  const keys = new Uint32Array(rowOf.size);
  for (const [hash, row] of rowOf) keys[row] = hash;
  return LinearModel.fromFloats(classes, keys, w, bias);
}
