/**
 * Intent classifiers compared: Linli's own model against two off-the-shelf candidates (fastText, nlp.js), by
 * leave-one-set-out cross-validation on corpus/training/*.jsonl.
 *
 * WHAT IT MEASURES
 *   For each training set (one file = one writer), every candidate is trained on all the OTHER sets and predicts the
 *   held-out set; the predicted intent is the argmax (no confidence threshold, no rules: the bare classifier). Summed
 *   over all folds it reports, per candidate:
 *     - intent accuracy: messages whose argmax is the labelled intent / all messages (micro, over all 5,189);
 *     - "none" accuracy: chatter messages predicted "none" / chatter messages; the rest are false alarms (chatter
 *       the bot would act on), reported as a count too;
 *     - training time: wall time of the 16 training runs added up (for the own model this includes the small
 *       category head that trainHeads also trains);
 *     - prediction time: mean wall time per held-out message, in microseconds, over every held-out message, each
 *       predicted once, after a warm-up of 300 predictions on (training) messages of the same fold.
 *   It reads corpus/training only (never corpus/exam).
 *
 * FAIRNESS
 *   Every candidate sees the same text: the project's `modelText` (normalise as the parser does, strip the bot's
 *   name, lower-case ASCII), computed once up front and not timed. After that, each candidate's own text handling is
 *   part of what is timed, in training and prediction alike:
 *     - own model: `featurize` (hashed unit n-grams, subwords, shape features) → `heads.intent.predict`;
 *     - fastText and nlp.js: `charSpaced` below (each Chinese character a token, English words and digit runs kept
 *       whole, each other symbol — emoji, "?", "!" — a token of its own), then the library.
 *
 * HOW TO RUN (from the repository root, after `npm ci` in tools/intent-candidates):
 *   npx tsx tools/intent-candidates/compare.ts                 # the three candidates, chosen settings (~7 min, 2 cores)
 *   npx tsx tools/intent-candidates/compare.ts --only fasttext # one candidate (own | fasttext | nlpjs), comma-separated
 *   npx tsx tools/intent-candidates/compare.ts --sweep fasttext  # the fastText settings grid (long: see README.md)
 *   npx tsx tools/intent-candidates/compare.ts --sweep nlpjs     # the nlp.js configurations tried
 *   npx tsx tools/intent-candidates/compare.ts --sweep all --part 0/2 & ... --part 1/2   # both, split over 2 cores
 *     (times measured while two processes share the machine are not the ones to quote: quote the plain run's)
 *   npx tsx tools/intent-candidates/compare.ts --only fasttext --fasttext '{"bucket":2000000}'  # other settings
 *   add --folds N to run only the first N held-out sets (a quick look; numbers then cover those sets only)
 *   add --verbose for per-set lines
 * Output: a table in Markdown, ready for README.md.
 */
import { createRequire } from "node:module";
import { readSets, type LabelledSet } from "../../src/parse/model/corpus-files.ts";
import { featurize } from "../../src/parse/model/features.ts";
import { modelText, trainHeads } from "../../src/parse/model/train-heads.ts";
import { getFastTextClass, getFastTextModule } from "fasttext.wasm.js";

const require = createRequire(import.meta.url);

// ---------------------------------------------------------------------------------------------------------------
// Data

/** One message, normalised once for everybody. */
interface Message {
  raw: string; // as in the corpus file
  text: string; // modelText(raw)
  intent: string;
}

interface Fold {
  name: string;
  train: Message[];
  test: Message[];
}

/** A trained classifier: the argmax intent of a (normalised) message. */
interface Predictor {
  predict(text: string): string | Promise<string>;
  dispose?(): void;
}

/** A candidate: a name, the settings it ran with (for the report) and how to train it. */
interface Candidate {
  name: string;
  settings: string;
  train(items: readonly Message[]): Promise<Predictor>;
}

// ---------------------------------------------------------------------------------------------------------------
// Tokenising for the off-the-shelf candidates (fastText splits on spaces only; nlp.js gets the same string)

const HAN = /[\u3400-\u9fff\uf900-\ufaff\u{20000}-\u{2fa1f}]/u;
const WORDISH = /[\p{L}\p{N}'_]/u;
const IGNORED = /[\ufe0f\u200d\u20e3]/u; // emoji variation selector, zero-width joiner, keycap

/** "借我用10分钟 pls🙏" → "借 我 用 10 分 钟 pls 🙏". */
export function charSpaced(text: string): string {
  const tokens: string[] = [];
  let word = "";
  const flush = () => {
    if (word) tokens.push(word);
    word = "";
  };
  for (const char of text) {
    if (HAN.test(char)) {
      flush();
      tokens.push(char);
    } else if (WORDISH.test(char)) {
      word += char;
    } else {
      flush();
      if (!/\s/u.test(char) && !IGNORED.test(char)) tokens.push(char);
    }
  }
  flush();
  return tokens.join(" ");
}

// ---------------------------------------------------------------------------------------------------------------
// Candidate 1: the project's own model (src/parse/model), default options

const own: Candidate = {
  name: "own (trainHeads)",
  settings: "DEFAULT_TRAIN_OPTIONS (epochs 30, lr 0.5, l2 1e-5, seed 1, minCount 1)",
  async train(items) {
    // trainHeads applies modelText itself, so it gets the raw text (its training time includes that normalising).
    const heads = trainHeads(items.map((item, index) => ({ id: String(index), text: item.raw, intent: item.intent as never })));
    const intent = heads.intent;
    if (!intent) throw new Error("trainHeads returned no intent head");
    const { classes } = intent;
    return {
      predict(text) {
        // = heads.intent.predict(featurize(modelText(raw))), modelText done up front as for everybody.
        const scores = intent.predict(featurize(text));
        let best = 0;
        for (let c = 1; c < classes.length; c += 1) if (scores[c]! > scores[best]!) best = c;
        return classes[best]!;
      },
    };
  },
};

// ---------------------------------------------------------------------------------------------------------------
// Candidate 2: fastText supervised (fasttext.wasm.js, single-threaded WebAssembly)

interface FastTextSettings {
  epoch: number;
  lr: number;
  wordNgrams: number;
  minn: number;
  maxn: number;
  dim: number;
  bucket: number;
}

/** Chosen by the --sweep fasttext grid (README.md). */
const FASTTEXT_BEST: FastTextSettings = { epoch: 50, lr: 1.0, wordNgrams: 3, minn: 2, maxn: 4, dim: 50, bucket: 200_000 };

type FastTextClass = Awaited<ReturnType<typeof getFastTextClass>>;
/** An std::vector handed to JavaScript by Embind: it lives on the WebAssembly heap until deleted. */
interface EmbindVector<T> {
  size(): number;
  get(index: number): T;
  delete(): void;
}
const TRAIN_FILE = "train.txt"; // where fasttext.wasm.js puts the input, in its in-memory file system
let fastTextClass: FastTextClass | undefined;

function fastText(settings: FastTextSettings): Candidate {
  const kwargs = { ...settings, loss: "softmax", minCount: 1, seed: 1, verbose: 0 };
  return {
    name: "fastText",
    settings: Object.entries(settings)
      .map(([key, value]) => `${key} ${value}`)
      .join(", ") + ", loss softmax, minCount 1, seed 1, 1 thread",
    async train(items) {
      fastTextClass ??= await getFastTextClass({ getFastTextModule });
      const lines = items.map((item) => `__label__${item.intent} ${charSpaced(item.text)}`).join("\n") + "\n";
      // trainSupervised fetches its input file: a data: URL keeps everything in process (no server, no temp file).
      const url = `data:text/plain;base64,${Buffer.from(lines, "utf8").toString("base64")}`;
      const ft = new fastTextClass();
      // PITFALL in fasttext.wasm.js 1.0.0: it writes the fetched input to "train.txt" in its in-memory file system,
      // and a second write APPENDS to the file of an earlier training instead of replacing it. In a cross-validation
      // loop every fold then also trains on all earlier folds' training data, held-out set included. Remove it first.
      // (FS.analyzePath is avoided: it reads the whole file; FS.stat throws when there is none.)
      let stale = true;
      try {
        (ft.fs as unknown as { stat(path: string): unknown }).stat(TRAIN_FILE);
      } catch {
        stale = false;
      }
      if (stale) ft.fs.unlink(TRAIN_FILE);
      // The callback is called from the training loop; passing null crashes (it is called unconditionally).
      const model = (await ft.trainSupervised(url, kwargs, () => {})) as import("fasttext.wasm.js").FastTextModel;
      // ...and check that the model was trained on exactly these messages.
      const [labels, counts] = model.getLabels() as unknown as [EmbindVector<string>, EmbindVector<number>];
      let seen = 0;
      for (let i = 0; i < counts.size(); i += 1) seen += counts.get(i);
      labels.delete();
      counts.delete();
      if (seen !== items.length) throw new Error(`fastText trained on ${seen} messages, not ${items.length}`);
      return {
        predict(text) {
          const result = model.predict(charSpaced(text), 1, 0);
          const label = result.size() > 0 ? (result.get(0) as [number, string])[1] : "__label__none";
          result.delete(); // an Embind vector: freed by hand, or the WebAssembly heap grows
          return label.slice("__label__".length);
        },
        dispose() {
          (ft.ft as unknown as { delete(): void }).delete(); // the native model and its matrices
        },
      };
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Candidate 3: nlp.js NluNeural (@nlpjs/nlu), trained in process

interface NlpjsSettings {
  /** "zh": @nlpjs/lang-zh (its tokenizer segments with CC-CEDICT; its "stemmer" turns words into pinyin) on the
   *  normalised text. "en-chars": @nlpjs/lang-en-min (English tokenizer + stemmer) on the char-spaced text.
   *  "plain-chars": @nlpjs/core's default tokenizer, no stemmer, on the char-spaced text. */
  language: "zh" | "en-chars" | "plain-chars";
  /** nlp.js's own "None" feature (on by default for en, off for zh); a "None" answer is read as "none". */
  useNoneFeature: boolean;
}

/** Chosen among the --sweep nlpjs configurations (README.md). */
const NLPJS_BEST: NlpjsSettings = { language: "plain-chars", useNoneFeature: false };

function nlpjs(settings: NlpjsSettings): Candidate {
  const { containerBootstrap } = require("@nlpjs/core");
  const { NluNeural } = require("@nlpjs/nlu");
  return {
    name: "nlp.js NluNeural",
    settings: `${settings.language}, useNoneFeature ${settings.useNoneFeature}, NeuralNetwork defaults (max 20000 iterations, lr 0.6, momentum 0.5)`,
    async train(items) {
      const container = await containerBootstrap();
      let locale = "en";
      if (settings.language === "zh") {
        container.use(require("@nlpjs/lang-zh").LangZh);
        locale = "zh";
      } else if (settings.language === "en-chars") {
        container.use(require("@nlpjs/lang-en-min").LangEn);
      } else {
        locale = "xx"; // no language registered for it: core's tokenizer, stemmer that keeps tokens as they are
      }
      const input = (text: string) => (settings.language === "zh" ? text : charSpaced(text));
      const nlu = new NluNeural({ locale, container, log: false, useNoneFeature: settings.useNoneFeature });
      await nlu.train(
        items.map((item) => ({ utterance: input(item.text), intent: item.intent })),
        { log: false, useNoneFeature: settings.useNoneFeature },
      );
      return {
        async predict(text) {
          const { classifications } = await nlu.process(input(text));
          const intent: string = classifications[0]?.intent ?? "None";
          return intent === "None" ? "none" : intent;
        },
      };
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Cross-validation

interface Result {
  candidate: Candidate;
  messages: number;
  right: number;
  chatter: number;
  chatterRight: number;
  trainMs: number;
  predictMs: number;
  perSet: string[];
}

const WARM_UP = 300;

async function crossValidate(candidate: Candidate, folds: readonly Fold[], verbose: boolean): Promise<Result> {
  const result: Result = { candidate, messages: 0, right: 0, chatter: 0, chatterRight: 0, trainMs: 0, predictMs: 0, perSet: [] };
  for (const fold of folds) {
    const trainStart = performance.now();
    const predictor = await candidate.train(fold.train);
    result.trainMs += performance.now() - trainStart;
    // Warm-up (JIT, caches of code paths): predictions on training messages, never on the held-out ones, so that a
    // candidate's per-text cache (nlp.js keeps one) cannot make the timed pass look faster than first sight.
    for (let i = 0; i < Math.min(WARM_UP, fold.train.length); i += 1) await predictor.predict(fold.train[i]!.text);
    const got: string[] = [];
    const predictStart = performance.now();
    for (const item of fold.test) got.push(await predictor.predict(item.text));
    result.predictMs += performance.now() - predictStart;
    predictor.dispose?.();
    let right = 0;
    let chatter = 0;
    let chatterRight = 0;
    fold.test.forEach((item, index) => {
      if (got[index] === item.intent) right += 1;
      if (item.intent === "none") {
        chatter += 1;
        if (got[index] === "none") chatterRight += 1;
      }
    });
    result.messages += fold.test.length;
    result.right += right;
    result.chatter += chatter;
    result.chatterRight += chatterRight;
    const line = `  ${fold.name.padEnd(10)} ${pct(right, fold.test.length).padStart(6)} of ${fold.test.length}, none ${chatterRight}/${chatter}`;
    result.perSet.push(line);
    if (verbose) console.log(line);
  }
  return result;
}

const pct = (a: number, b: number) => `${((100 * a) / Math.max(1, b)).toFixed(1)}%`;

function row(r: Result): string {
  const falseAlarms = r.chatter - r.chatterRight;
  return `| ${r.candidate.name} | ${pct(r.right, r.messages)} (${r.right}/${r.messages}) | ${pct(r.chatterRight, r.chatter)} (${falseAlarms} false alarms of ${r.chatter}) | ${(r.trainMs / 1000).toFixed(1)} s | ${((1000 * r.predictMs) / r.messages).toFixed(1)} µs | ${r.candidate.settings} |`;
}

const HEADER = [
  "| candidate | intent accuracy | \"none\" accuracy | training (all folds) | prediction / message | settings |",
  "| --- | --- | --- | --- | --- | --- |",
];

// ---------------------------------------------------------------------------------------------------------------
// The settings tried by --sweep (each is a full leave-one-set-out run)

function fastTextGrid(): FastTextSettings[] {
  const grid: FastTextSettings[] = [];
  for (const [minn, maxn] of [[2, 4], [0, 0]] as const)
    for (const wordNgrams of [2, 3])
      for (const lr of [0.5, 1.0])
        for (const epoch of [25, 50]) grid.push({ epoch, lr, wordNgrams, minn, maxn, dim: 50, bucket: 200_000 });
  for (const lr of [0.5, 1.0]) for (const epoch of [25, 50]) grid.push({ epoch, lr, wordNgrams: 2, minn: 2, maxn: 4, dim: 100, bucket: 200_000 });
  // fastText's default bucket (2M hashed rows) once, to show what it changes (compare with the same at 200k).
  grid.push({ epoch: 50, lr: 0.5, wordNgrams: 2, minn: 2, maxn: 4, dim: 50, bucket: 2_000_000 });
  return grid;
}

const NLPJS_VARIANTS: NlpjsSettings[] = [
  { language: "en-chars", useNoneFeature: false },
  { language: "en-chars", useNoneFeature: true },
  { language: "plain-chars", useNoneFeature: false },
  { language: "zh", useNoneFeature: false },
];

// ---------------------------------------------------------------------------------------------------------------
// Main

const argv = process.argv.slice(2);
const option = (name: string) => {
  const at = argv.indexOf(name);
  return at >= 0 ? argv[at + 1] : undefined;
};
const verbose = argv.includes("--verbose");
const sets: LabelledSet[] = readSets("training");
const messages = new Map(sets.map((set) => [set, set.items.map((item) => ({ raw: item.text, text: modelText(item.text), intent: item.intent }))]));
const folds: Fold[] = sets
  .map((held) => ({
    name: held.name,
    train: sets.filter((set) => set !== held).flatMap((set) => messages.get(set)!),
    test: messages.get(held)!,
  }))
  .slice(0, Number(option("--folds") ?? sets.length));

const sweep = option("--sweep");
let candidates: Candidate[];
if (sweep) {
  if (!["fasttext", "nlpjs", "all"].includes(sweep)) throw new Error(`--sweep: fasttext, nlpjs or all, not ${sweep}`);
  candidates = [
    ...(sweep !== "nlpjs" ? fastTextGrid().map(fastText) : []),
    ...(sweep !== "fasttext" ? NLPJS_VARIANTS.map(nlpjs) : []),
  ];
  // --part i/n: every n-th setting from the i-th, so that a sweep can be split over processes (one per core).
  const [index, count] = (option("--part") ?? "0/1").split("/").map(Number) as [number, number];
  candidates = candidates.filter((_, at) => at % count === index);
} else {
  // --fasttext '{"bucket":2000000}' / --nlpjs '{"language":"zh"}': other settings than the chosen ones, for one run.
  const fastTextSettings = { ...FASTTEXT_BEST, ...JSON.parse(option("--fasttext") ?? "{}") } as FastTextSettings;
  const nlpjsSettings = { ...NLPJS_BEST, ...JSON.parse(option("--nlpjs") ?? "{}") } as NlpjsSettings;
  const all: Record<string, Candidate> = { own, fasttext: fastText(fastTextSettings), nlpjs: nlpjs(nlpjsSettings) };
  const only = option("--only")?.split(",") ?? Object.keys(all);
  candidates = only.map((key) => {
    const candidate = all[key];
    if (!candidate) throw new Error(`--only: unknown candidate ${key} (own, fasttext, nlpjs)`);
    return candidate;
  });
}

console.log(
  `Leave-one-set-out over ${folds.length} of ${sets.length} training sets (${folds.reduce((n, f) => n + f.test.length, 0)} held-out messages); node ${process.version}`,
);
const results: Result[] = [];
for (const candidate of candidates) {
  const result = await crossValidate(candidate, folds, verbose);
  results.push(result);
  console.log(row(result)); // as it comes: a sweep is long
}
console.log(["", ...HEADER, ...results.map(row)].join("\n"));
