/**
 * The emergency detector, safe both ways. The table (corpus/training/sos-table.jsonl: 222 emergencies and 247 hard
 * non-emergencies, written by someone who never saw the rules; its first sight is in corpus/LOG.md) must come out
 * exactly: every emergency raised, no non-emergency raised, through the whole parser. Then each rule family of
 * `sos.ts` with an example it must catch and one it must let pass.
 */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "../../src/app/parser.ts";
import { CORPUS_DIR } from "../../src/parse/model/corpus-files.ts";
import { CORPUS_CONTEXT } from "../../src/parse/model/evaluate.ts";
import { modelText } from "../../src/parse/model/train-heads.ts";
import { lowerAscii } from "../../src/parse/rules.ts";
import { detectSos } from "../../src/parse/sos.ts";

interface Row {
  id: string;
  text: string;
  sos: boolean;
  emergency?: string;
}

const table = readFileSync(join(CORPUS_DIR, "training", "sos-table.jsonl"), "utf8")
  .split("\n")
  .filter(Boolean)
  .map((line) => JSON.parse(line) as Row);

describe("the SOS table", () => {
  it("has at least 150 emergencies and 150 hard non-emergencies", () => {
    expect(table.filter((row) => row.sos).length).toBeGreaterThanOrEqual(150);
    expect(table.filter((row) => !row.sos).length).toBeGreaterThanOrEqual(150);
  });

  it("raises every emergency", () => {
    const missed = table.filter((row) => row.sos && parse(row.text, CORPUS_CONTEXT).kind !== "sos");
    expect(missed.map((row) => `${row.id} ${row.text}`)).toEqual([]);
  });

  it("raises no non-emergency", () => {
    const raised = table.filter((row) => !row.sos && parse(row.text, CORPUS_CONTEXT).kind === "sos");
    expect(raised.map((row) => `${row.id} ${row.text}`)).toEqual([]);
  });
});

const read = (text: string) => detectSos(lowerAscii(modelText(text)));

describe("the detector's rules: each catches its emergency and lets its look-alike pass", () => {
  it.each([
    ["fire", "3栋楼道着火了 好大烟", "打不着火了 热水器坏了"],
    ["fire", "厨房煤气好像漏了 一股煤气味", "燃气报警器在哪买比较靠谱"],
    ["fire", "smoke pouring out of 4B's kitchen window", "the smoke alarm keeps beeping, needs a new battery"],
    ["unconscious", "楼下大爷倒地了 叫他也不应", "按了呼叫按钮没反应"],
    ["unconscious", "my dad collapsed and isn't breathing", "I'm dead tired after the night shift"],
    ["fall", "我妈在卫生间摔倒了起不来", "我爸前阵子摔了一跤，想找人陪他复查"],
    ["fall", "my grandma fell in the kitchen and can't get up", "the sign by the gate fell off again"],
    ["missing", "我爸有老年痴呆，早上出门，到现在没回来", "我家狗走丢了，白色泰迪"],
    ["missing", "we can't find our 6 year old, he was at the playground a minute ago", "the screws on the slide are missing"],
    ["medical", "我老伴突然嘴歪了 说不出话", "我妈中风以后行动不便，想找人帮忙做饭"],
    ["medical", "my wife's waters just broke, need a car now", "waterproofing guy is coming tomorrow"],
    ["other", "电梯卡在7楼和8楼中间 我和孩子在里面", "电梯又坏了 物业什么时候修"],
    ["other", "two kids are trapped in the lift at block 5", "I'm stuck at work, can someone walk my dog"],
  ])("%s: %s / %s", (kind, emergency, lookAlike) => {
    expect(read(emergency)).toMatchObject({ sos: true, emergency: kind });
    expect(read(lookAlike).sos).toBe(false);
  });

  it.each([
    ["a call for help", "救命！快来人", "救命恩人啊，谢谢李姐帮我找回钱包"],
    ["skill, not event", "有人晕倒了 谁会急救", "我懂急救，有事可以找我"],
    ["hypothetical", "楼道着火了", "楼道堆满纸箱，万一着火就麻烦了"],
    ["habitual", "There's smoke in the corridor on 6", "their barbecue smoke comes into my flat every evening"],
    ["past", "我妈昨天出门到现在还没回来", "上周5栋着火了，好在没人受伤"],
    ["over", "有人摔倒了起不来", "刚才摔倒的老人已经送医院了，没事了"],
    ["figurative", "救命 我爸晕倒了", "笑死我了救命"],
    ["reported", "3栋有人晕倒了", "听说隔壁小区昨晚着火了"],
    ["drill", "this is NOT a drill, real smoke on level 6", "fire drill on Saturday at 10am"],
    ["question", "快叫救护车！", "急救电话是多少"],
  ])("%s: %s / %s", (_frame, emergency, notOne) => {
    expect(read(emergency).sos).toBe(true);
    expect(read(notOne).sos).toBe(false);
  });
});
