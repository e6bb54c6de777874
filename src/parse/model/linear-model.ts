/**
 * A multinomial logistic-regression model over hashed features: one row of weights per known feature, one column per
 * class. The rows live in one open-addressing table where a slot holds the feature's hash and its weights as signed
 * bytes (16 bytes a slot for up to 12 classes), so finding a feature and reading its weights touch one cache line:
 * scoring a message is a few hundred memory reads, and memory latency, not arithmetic, is what it costs.
 */
import type { FeatureVector } from "./features.ts";

/** The classes' probabilities for one message, in the model's class order. */
export type Scores = Float64Array;

const STRIDE = 16; // bytes a slot: a 4-byte hash, then up to 12 signed-byte weights
const MAX_CLASSES = STRIDE - 4;

/** A trained softmax layer: class names, quantised feature rows, per-class scales and biases. */
export class LinearModel {
  readonly classes: readonly string[];
  readonly rows: number;
  readonly #keys: Uint32Array;
  readonly #weights: Int8Array;
  readonly #scales: Float32Array;
  readonly #bias: Float32Array;
  readonly #table: ArrayBuffer;
  readonly #mask: number;

  /**
   * `keys[r]` is the (non-zero) hash of row r and `weights[r * classes + c]` its weight for class c, in units of
   * `scales[c]`.
   */
  constructor(classes: readonly string[], keys: Uint32Array, weights: Int8Array, scales: Float32Array, bias: Float32Array) {
    const k = classes.length;
    if (k > MAX_CLASSES || weights.length !== keys.length * k || scales.length !== k || bias.length !== k) throw new Error("model shape does not match its classes");
    this.classes = classes;
    this.rows = keys.length;
    this.#keys = keys;
    this.#weights = weights;
    this.#scales = scales;
    this.#bias = bias;
    let size = 1;
    while (size < keys.length * 2) size *= 2;
    this.#mask = size - 1;
    this.#table = new ArrayBuffer(size * STRIDE);
    const hashes = new Uint32Array(this.#table);
    const bytes = new Int8Array(this.#table);
    for (let row = 0; row < keys.length; row += 1) {
      const key = keys[row]!;
      if (key === 0) throw new Error("feature hash 0 is reserved");
      let slot = key & this.#mask;
      while (hashes[slot * 4] !== 0) slot = (slot + 1) & this.#mask;
      hashes[slot * 4] = key;
      bytes.set(weights.subarray(row * k, row * k + k), slot * STRIDE + 4);
    }
  }

  /** A model from float weights: each class's column is scaled to signed bytes (its largest weight is ±127). */
  static fromFloats(classes: readonly string[], keys: Uint32Array, weights: ArrayLike<number>, bias: ArrayLike<number>): LinearModel {
    const k = classes.length;
    const scales = new Float32Array(k);
    for (let c = 0; c < k; c += 1) {
      let max = 0;
      for (let row = 0; row < keys.length; row += 1) max = Math.max(max, Math.abs(weights[row * k + c]!));
      scales[c] = max / 127 || 1;
    }
    const quantised = new Int8Array(keys.length * k);
    for (let i = 0; i < quantised.length; i += 1) quantised[i] = Math.round(weights[i]! / scales[i % k]!);
    return new LinearModel(classes, keys, quantised, scales, Float32Array.from(bias));
  }

  /** Class probabilities for a message's features. */
  predict(features: FeatureVector): Scores {
    const k = this.classes.length;
    const table = new Int32Array(this.#table); // a slot: [hash, bytes 0-3, bytes 4-7, bytes 8-11]
    const mask = this.#mask;
    // Twelve running sums, unrolled: each packed word holds four signed-byte weights (little-endian).
    let s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0, s8 = 0, s9 = 0, s10 = 0, s11 = 0;
    const hashes = features.hashes;
    for (let i = 0; i < hashes.length; i += 1) {
      const hash = hashes[i]! | 0;
      let slot = hash & mask;
      for (;;) {
        const at = slot << 2;
        const key = table[at]!;
        if (key === hash) {
          const a = table[at + 1]!;
          const b = table[at + 2]!;
          const c = table[at + 3]!;
          s0 += (a << 24) >> 24; s1 += (a << 16) >> 24; s2 += (a << 8) >> 24; s3 += a >> 24;
          s4 += (b << 24) >> 24; s5 += (b << 16) >> 24; s6 += (b << 8) >> 24; s7 += b >> 24;
          s8 += (c << 24) >> 24; s9 += (c << 16) >> 24; s10 += (c << 8) >> 24; s11 += c >> 24;
          break;
        }
        if (key === 0) break;
        slot = (slot + 1) & mask;
      }
    }
    const sums = [s0, s1, s2, s3, s4, s5, s6, s7, s8, s9, s10, s11];
    const logits = new Float64Array(k);
    for (let c = 0; c < k; c += 1) logits[c] = this.#bias[c]! + sums[c]! * this.#scales[c]! * features.weight;
    return softmax(logits);
  }

  /** The arrays the model file stores. */
  parts(): { keys: Uint32Array; weights: Int8Array; scales: Float32Array; bias: Float32Array } {
    return { keys: this.#keys, weights: this.#weights, scales: this.#scales, bias: this.#bias };
  }
}

/** In place: logits to probabilities. */
export function softmax(logits: Float64Array): Float64Array {
  let max = -Infinity;
  for (const value of logits) if (value > max) max = value;
  let sum = 0;
  for (let c = 0; c < logits.length; c += 1) sum += logits[c] = Math.exp(logits[c]! - max);
  for (let c = 0; c < logits.length; c += 1) logits[c]! /= sum;
  return logits;
}

/** The classes with their probabilities, best first. */
export function ranked(classes: readonly string[], scores: Scores): Array<{ label: string; p: number }> {
  return classes.map((label, c) => ({ label, p: scores[c]! })).sort((a, b) => b.p - a.p);
}
