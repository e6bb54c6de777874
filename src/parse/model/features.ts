/**
 * Features of a message for the intent model: hashed n-grams of "units" (a Chinese character, an English word, a run
 * of digits, an emoji), character n-grams inside English words (so "pls", "plz" and "please" share something, as in
 * fastText), and a few shape features (length, "?", "!", an @mention, a leading "+"). No dictionary, no I/O: a feature
 * is a 32-bit hash, so the model stores only the features it learned.
 */

import { CUES, lowerAscii } from "../rules.ts";

/** Bumped whenever the features change: a model trained on other features is refused. */
export const FEATURE_VERSION = 3;

/** A message's features: hashes (repeats allowed) and the weight each carries (1/sqrt(count), so length matters less). */
export interface FeatureVector {
  hashes: Uint32Array;
  weight: number;
}

const DIGITS = 0x30; // every run of digits is one unit, "0": 3栋502 → 0栋0
const enum Kind {
  Break,
  Skip,
  Unit,
  Word,
}

/** One round of a 32-bit multiplicative hash. */
function mix(h: number, x: number): number {
  return Math.imul(h ^ x, 0x01000193) >>> 0;
}

/** Final avalanche (murmur3's), so nearby inputs land far apart. */
function finish(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0 || 1; // 0 marks an empty slot in the model's table
}

/** Seeds keep feature families apart: a unigram and a subword never share a hash by construction. */
const SEED = { uni: 0x811c9dc5, bi: 0x9e3779b1, tri: 0x7f4a7c15, sub: 0x2545f491, shape: 0x68e31da4, begin: 0x1b873593, end: 0xcc9e2d51 } as const;

function isHan(code: number): boolean {
  return (code >= 0x3400 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff) || (code >= 0x20000 && code <= 0x2fa1f);
}

function isLetter(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || code === 0x27 || (code >= 0xe0 && code <= 0x24f);
}

function kindOf(code: number): Kind {
  if (code === 0x20 || code === 0x09 || code === 0x3000 || code === 0x2005) return Kind.Skip;
  if (isHan(code) || (code >= 0x30 && code <= 0x39)) return Kind.Unit;
  if (isLetter(code)) return Kind.Word;
  if (code === 0x40 || code === 0x2b || code === 0x23) return Kind.Unit; // @ + # carry meaning
  if (code >= 0x2190) return Kind.Unit; // emoji and symbols
  return Kind.Break; // punctuation, newlines
}

/** Scratch space reused across calls: featurising allocates only its result. */
let scratch = new Uint32Array(512);
const units: number[] = [];

function push(at: number, hash: number): number {
  if (at === scratch.length) {
    const bigger = new Uint32Array(scratch.length * 2);
    bigger.set(scratch);
    scratch = bigger;
  }
  scratch[at] = hash;
  return at + 1;
}

/** Character n-grams (3 and 4) of "<word>". */
function subwords(text: string, start: number, end: number, at: number): number {
  const length = end - start + 2;
  if (length < 5) return at;
  const code = (i: number) => (i === 0 ? 0x3c : i === length - 1 ? 0x3e : text.charCodeAt(start + i - 1));
  for (let n = 3; n <= 4; n += 1) {
    for (let i = 0; i + n <= length; i += 1) {
      let h = SEED.sub + n;
      for (let k = 0; k < n; k += 1) h = mix(h, code(i + k));
      at = push(at, finish(h));
    }
  }
  return at;
}

/** Unigrams, bigrams and trigrams of one segment of units, with its start and end marked. */
function ngrams(at: number): number {
  const n = units.length;
  for (let i = 0; i < n; i += 1) {
    const a = units[i]!;
    at = push(at, finish(mix(SEED.uni, a)));
    if (i === 0) at = push(at, finish(mix(SEED.begin, a)));
    if (i === n - 1) at = push(at, finish(mix(SEED.end, a)));
    if (i + 1 < n) {
      const b = units[i + 1]!;
      at = push(at, finish(mix(mix(SEED.bi, a), b)));
      if (i + 2 < n) at = push(at, finish(mix(mix(mix(SEED.tri, a), b), units[i + 2]!)));
    }
  }
  units.length = 0;
  return at;
}

function shape(name: number, value: number): number {
  return finish(mix(mix(SEED.shape, name), value));
}

/** Thanks to someone by name: a capital letter after the thanks, which lower-casing would hide ("Thanks Emma for …"). */
const THANKS_A_NAME = /\b(?:[Tt]hanks?|[Tt]hank you|THANK YOU|[Cc]heers|[Kk]udos|[Ss]hout-?out|[Gg]rateful)(?: so much| a lot| heaps| again)?,?\s+(?:to\s+)?@?(?!All\b|Everyone\b|Everybody\b|You\b|Guys\b|Team\b|Linli\b)[A-Z][a-z]/u;

/** The features of a normalised message (the n-grams read it ASCII-lower-cased). */
export function featurize(cased: string): FeatureVector {
  const text = lowerAscii(cased);
  let at = 0;
  let count = 0;
  let question = 0;
  let bang = 0;
  let mention = 0;
  let i = 0;
  while (i < text.length) {
    const code = text.codePointAt(i)!;
    const width = code > 0xffff ? 2 : 1;
    const kind = kindOf(code);
    if (kind === Kind.Word) {
      const start = i;
      let h = SEED.uni ^ 0x5bd1e995;
      while (i < text.length && isLetter(text.charCodeAt(i))) h = mix(h, text.charCodeAt(i++));
      at = subwords(text, start, i, at);
      units.push(finish(h));
      count += 1;
      continue;
    }
    if (kind === Kind.Unit) {
      if (code >= 0x30 && code <= 0x39) {
        while (i < text.length && text.charCodeAt(i) >= 0x30 && text.charCodeAt(i) <= 0x39) i += 1;
        units.push(DIGITS);
        count += 1;
        continue;
      }
      if (code === 0x40) mention = 1;
      units.push(code);
      count += 1;
    } else if (kind === Kind.Break) {
      if (code === 0x3f || code === 0xff1f) question = 1;
      if (code === 0x21 || code === 0xff01) bang = 1;
      if (units.length) at = ngrams(at);
    }
    i += width;
  }
  if (units.length) at = ngrams(at);
  const bucket = count <= 1 ? 0 : count <= 3 ? 1 : count <= 7 ? 2 : count <= 15 ? 3 : count <= 31 ? 4 : 5;
  at = push(at, shape(1, bucket));
  at = push(at, shape(2, question));
  at = push(at, shape(3, bang));
  at = push(at, shape(4, mention));
  at = push(at, shape(5, text.startsWith("+") ? 1 : 0));
  for (let c = 0; c < CUES.length; c += 1) if (CUES[c]![1].test(text)) at = push(at, shape(10 + c, 1));
  if (THANKS_A_NAME.test(cased)) at = push(at, shape(9, 1));
  const hashes = scratch.slice(0, at);
  return { hashes, weight: 1 / Math.sqrt(at) };
}

