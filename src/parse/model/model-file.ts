/**
 * The trained model on disk: a small binary file (`intent-model.bin`) with a JSON header and, per head, the feature
 * hashes, a per-class scale and bias, and the weights as signed bytes, exactly as the parser holds them in memory.
 * Written by `npm run train`, read once when the parser is first used.
 */
import { LinearModel } from "./linear-model.ts";
import { FEATURE_VERSION } from "./features.ts";

const MAGIC = 0x4d4c4e4c; // "LNLM"

/** What the file says about itself besides the weights. */
export interface ModelHeader {
  featureVersion: number;
  /** Each head's class names, in column order. */
  heads: Array<{ name: string; classes: string[]; rows: number }>;
  /** What it was trained on: sets and their sizes, options. */
  trainedOn: Record<string, unknown>;
}

/** Named heads: "intent" (the twelve intents) and "category" (a request's category). */
export type Heads = Record<string, LinearModel>;

const align = (n: number) => (n + 3) & ~3;

/** The bytes of a file holding these heads. */
export function encodeModel(heads: Heads, trainedOn: Record<string, unknown>): Uint8Array {
  const header: ModelHeader = {
    featureVersion: FEATURE_VERSION,
    heads: Object.entries(heads).map(([name, model]) => ({ name, classes: [...model.classes], rows: model.rows })),
    trainedOn,
  };
  const json = new TextEncoder().encode(JSON.stringify(header));
  let size = align(8 + json.length);
  for (const model of Object.values(heads)) size += align(model.rows * 4 + model.classes.length * 8 + model.rows * model.classes.length);
  const bytes = new Uint8Array(size);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, json.length, true);
  bytes.set(json, 8);
  let at = align(8 + json.length);
  for (const model of Object.values(heads)) {
    const { keys, weights, scales, bias } = model.parts();
    const put = (write: (offset: number) => void) => {
      write(at);
      at += 4;
    };
    for (const key of keys) put((offset) => view.setUint32(offset, key, true));
    for (const scale of scales) put((offset) => view.setFloat32(offset, scale, true));
    for (const value of bias) put((offset) => view.setFloat32(offset, value, true));
    bytes.set(new Uint8Array(weights.buffer, weights.byteOffset, weights.byteLength), at);
    at = align(at + weights.length);
  }
  return bytes;
}

/** The heads of a model file; throws on a file that is not one or was trained on other features. */
export function decodeModel(bytes: Uint8Array): { header: ModelHeader; heads: Heads } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < 8 || view.getUint32(0, true) !== MAGIC) throw new Error("not a Linli model file");
  const length = view.getUint32(4, true);
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + length))) as ModelHeader;
  if (header.featureVersion !== FEATURE_VERSION) {
    throw new Error(`the model was trained on features v${header.featureVersion}, the parser has v${FEATURE_VERSION}: run npm run train`);
  }
  let at = align(8 + length);
  const heads: Heads = {};
  for (const { name, classes, rows } of header.heads) {
    const k = classes.length;
    const keys = new Uint32Array(rows);
    for (let row = 0; row < rows; row += 1) keys[row] = view.getUint32(at + row * 4, true);
    at += rows * 4;
    const scales = Float32Array.from({ length: k }, (_, c) => view.getFloat32(at + c * 4, true));
    at += k * 4;
    const bias = Float32Array.from({ length: k }, (_, c) => view.getFloat32(at + c * 4, true));
    at += k * 4;
    const weights = new Int8Array(bytes.buffer, bytes.byteOffset + at, rows * k).slice();
    at = align(at + weights.length);
    heads[name] = new LinearModel(classes, keys, weights, scales, bias);
  }
  return { header, heads };
}
