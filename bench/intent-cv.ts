/**
 * Leave-one-set-out cross-validation of the whole parser (rules, emergency detector, model) on the TRAINING sets:
 * for each set, train on all the others and score it, as if it had just arrived. This is how options and the
 * confidence threshold are chosen without looking at an exam set. `npx tsx bench/intent-cv.ts [--options JSON]`.
 */
import { readSets } from "../src/parse/model/corpus-files.ts";
import { describeFigures, evaluate, type Figures } from "../src/parse/model/evaluate.ts";
import { useModel } from "../src/parse/model/index.ts";
import { trainHeads } from "../src/parse/model/train-heads.ts";
import { DEFAULT_TRAIN_OPTIONS } from "../src/parse/model/train.ts";
import { parse } from "../src/app/parser.ts";

const at = process.argv.indexOf("--options");
const options = { ...DEFAULT_TRAIN_OPTIONS, ...(at > 0 ? (JSON.parse(process.argv[at + 1]!) as object) : {}) };
const root = process.argv.indexOf("--root");
const sets = readSets("training", root > 0 ? process.argv[root + 1] : undefined);
const totals = { size: 0, right: 0, chatter: 0, falseAlarms: 0, sos: 0, caught: 0, falseSos: 0, labelled: 0, slotsRight: 0 };
const started = performance.now();
for (const held of sets) {
  useModel(trainHeads(sets.filter((set) => set !== held).flatMap((set) => set.items), options));
  const { figures } = evaluate(held.items, parse);
  console.log(`${held.name.padEnd(14)} ${describeFigures(figures)}`);
  add(figures);
}
useModel(undefined);
function add(f: Figures) {
  totals.size += f.size;
  totals.right += Math.round(f.intentAccuracy * f.size);
  totals.chatter += f.chatter.messages;
  totals.falseAlarms += f.chatter.falseAlarms;
  totals.sos += f.sos.messages;
  totals.caught += f.sos.caught;
  totals.falseSos += f.sos.falseSos;
  totals.labelled += f.slots.labelled;
  totals.slotsRight += f.slots.right;
}
const pct = (a: number, b: number) => `${((100 * a) / Math.max(1, b)).toFixed(1)}%`;
console.log(
  `ALL ${totals.size}: intent ${pct(totals.right, totals.size)} · chatter false alarms ${pct(totals.falseAlarms, totals.chatter)} · SOS ${totals.caught}/${totals.sos}, false ${totals.falseSos} · slots ${pct(totals.slotsRight, totals.labelled)} · ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
