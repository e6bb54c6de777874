/**
 * The trained model: `npm run train` is deterministic and the committed file is what it produces from the training
 * sets (so the model in the repo is the one the data and code describe); the file round-trips; scoring needs no I/O
 * once loaded and gives probabilities.
 */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { MODEL_PATH, guesses, model } from "../../src/parse/model/index.ts";
import { trainedModel, trainHeads, modelText } from "../../src/parse/model/train-heads.ts";
import { decodeModel, encodeModel } from "../../src/parse/model/model-file.ts";
import { featurize } from "../../src/parse/model/features.ts";
import { INTENT_LABELS } from "../../src/parse/model/labels.ts";

describe("the intent model", () => {
  it("is reproduced byte for byte by a fresh training on corpus/training", () => {
    expect(Buffer.compare(Buffer.from(trainedModel()), readFileSync(MODEL_PATH))).toBe(0);
  }, 60_000);

  it("trains the same model twice from the same data and seed, and round-trips through its file", () => {
    const items = [
      { id: "1", text: "谁家有梯子借用一下", intent: "request" as const, category: "borrow" as const },
      { id: "2", text: "could someone lend me a drill", intent: "request" as const, category: "borrow" as const },
      { id: "3", text: "早上好各位", intent: "none" as const },
      { id: "4", text: "good morning all", intent: "none" as const },
    ];
    const first = encodeModel(trainHeads(items), {});
    expect(Buffer.compare(Buffer.from(first), Buffer.from(encodeModel(trainHeads(items), {})))).toBe(0);
    const { heads } = decodeModel(first);
    expect(Buffer.compare(Buffer.from(encodeModel(heads, {})), Buffer.from(first))).toBe(0);
    const scores = heads.intent!.predict(featurize(modelText("谁家有梯子")));
    expect(scores.reduce((sum, p) => sum + p, 0)).toBeCloseTo(1, 9);
    expect(heads.intent!.classes[scores.indexOf(Math.max(...scores))]).toBe("request");
  });

  it("refuses a file that is not a model", () => {
    expect(() => decodeModel(new TextEncoder().encode("not a model at all"))).toThrow(/not a Linli model file/u);
  });

  it("has an intent head over the twelve labels and a category head, and ranks its guesses", () => {
    expect(model().heads.intent!.classes).toEqual([...INTENT_LABELS]);
    expect(model().heads.category!.classes).toContain("medical");
    const ranked = guesses("intent", "谁家有梯子借用一下");
    expect(ranked[0]!.label).toBe("request");
    expect(ranked.map((guess) => guess.p)).toEqual([...ranked.map((guess) => guess.p)].sort((a, b) => b - a));
  });
});
