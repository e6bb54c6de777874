/** Reading guardian mode's command arguments (pure): a name, then an address, an ending word or what is needed. */
import { describe, expect, it } from "vitest";
import { nameAndRest, readGuardianArgs } from "../../src/features/guardian/domain/args.ts";

describe("guardian mode's arguments", () => {
  it.each([
    ["", { kind: "list" }],
    ["   ", { kind: "list" }],
    ["李奶奶 3栋101", { kind: "register", name: "李奶奶", rest: "3栋101" }],
    ["@李奶奶，3-101", { kind: "register", name: "李奶奶", rest: "3-101" }],
    ["Mrs-Li building 3 room 101", { kind: "register", name: "Mrs-Li", rest: "building 3 room 101" }],
    ["李奶奶", { kind: "register", name: "李奶奶", rest: "" }],
    ["李奶奶 关闭", { kind: "end", name: "李奶奶" }],
    ["李奶奶 结束", { kind: "end", name: "李奶奶" }],
    ["Mrs-Li OFF", { kind: "end", name: "Mrs-Li" }],
    ["李奶奶 关闭了吗", { kind: "register", name: "李奶奶", rest: "关闭了吗" }],
  ])("reads %j", (args, expected) => {
    expect(readGuardianArgs(args)).toEqual(expected);
  });

  it.each([
    ["李奶奶 明天上午陪去医院", { name: "李奶奶", rest: "明天上午陪去医院" }],
    ["李奶奶：帮忙买菜 两斤鸡蛋", { name: "李奶奶", rest: "帮忙买菜 两斤鸡蛋" }],
    ["李奶奶", { name: "李奶奶", rest: "" }],
    ["", undefined],
  ])("splits %j into a name and the rest", (args, expected) => {
    expect(nameAndRest(args)).toEqual(expected);
  });
});
