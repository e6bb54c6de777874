import { describe, expect, it } from "vitest";
import type { Intent, ParseContext } from "../../src/parse/index.ts";
import type { Place } from "../../src/kernel/place.ts";
import { parse } from "../../src/app/parser.ts";
import { findPlace } from "../../src/parse/place.ts";
import { chineseNumber } from "../../src/kernel/place.ts";
import { detectLang } from "../../src/parse/normalize.ts";

const context: ParseContext = {
  now: new Date("2026-11-25T10:00:00+08:00"),
  timeZone: "Asia/Shanghai",
  botNames: ["邻里小助手", "linli_bot"],
};

const help = (args = ""): Intent => ({ kind: "command", name: "help", args });
const register = (args = ""): Intent => ({ kind: "command", name: "register", args });
const registerPlace = (place: Place): Intent => ({ kind: "register", place });
const none: Intent = { kind: "none" };

describe("parse: commands", () => {
  it.each<[string, Intent]>([
    ["/help", help()],
    ["/HELP", help()],
    ["/帮助", help()],
    ["/start", help()],
    ["/菜单", help()],
    ["#帮助", help()],
    ["#说明", help()],
    ["/register 3-502", register("3-502")],
    ["/登记 3-502", register("3-502")],
    ["/注册", register()],
    ["#登记 9-2-1203", register("9-2-1203")],
    ["  /help   ", help()],
    ["/help   me out ", help("me out")],
  ])("%j → %j", (text, expected) => {
    expect(parse(text, context)).toEqual(expected);
  });

  it.each<[string, Intent]>([
    ["／帮助", help()],
    ["＃帮助", help()],
    ["/ｈｅｌｐ", help()],
    ["／登记　３－５０２", register("3-502")],
  ])("reads the full-width form %j like the half-width one", (text, expected) => {
    expect(parse(text, context)).toEqual(expected);
  });

  it.each<[string, Intent]>([
    ["/help@linli_bot", help()],
    ["/help@LINLI_BOT", help()],
    ["/register@linli_bot 3-502", register("3-502")],
    ["/help@other_bot", none],
    ["/foo@other_bot", none],
    ["@邻里小助手 /help", help()],
    ["@邻里小助手\u2005/帮助", help()],
    ["@linli_bot /help", help()],
  ])("handles the bot's name in %j", (text, expected) => {
    expect(parse(text, context)).toEqual(expected);
  });

  it.each<[string, Intent]>([
    ["/foo", { kind: "unknown_command", command: "foo" }],
    ["/foo bar baz", { kind: "unknown_command", command: "foo" }],
    ["/接龙", { kind: "unknown_command", command: "接龙" }],
    ["@邻里小助手 /foo", { kind: "unknown_command", command: "foo" }],
  ])("answers the unknown slash command %j", (text, expected) => {
    expect(parse(text, context)).toEqual(expected);
  });

  it("reads a 接龙 list as a sign-up, not a command", () => {
    expect(parse("#接龙 周六包饺子\n1. 张三\n2. 李四", context)).toMatchObject({
      kind: "signup",
      event: { title: "周六包饺子", when: { date: "2026-11-28" } },
    });
  });

  it.each(["#接龙", "#话题", "#foo", "#今日菜价 白菜2元", "#3栋502的快递"])(
    "treats the hashtag %j as chatter",
    (text) => {
      expect(parse(text, context)).toMatchObject(none);
    },
  );
});

describe("parse: registration in words", () => {
  it.each<[string, Place]>([
    ["我住3栋502", { building: "3", room: "502" }],
    ["我家住5号楼2单元302", { building: "5", unit: "2", room: "302" }],
    ["我住在十二栋1101", { building: "12", room: "1101" }],
    ["我住3-502", { building: "3", room: "502" }],
    ["我的住址是3栋502", { building: "3", room: "502" }],
    ["住址：3栋502", { building: "3", room: "502" }],
    ["＠邻里小助手 我住３栋５０２", { building: "3", room: "502" }],
    ["I live in building 7 room 302", { building: "7", room: "302" }],
    ["i live at block 5, unit 2, flat 302", { building: "5", unit: "2", room: "302" }],
    ["My home is building 12 room 1203", { building: "12", room: "1203" }],
    ["my flat is room 1201, building 7", { building: "7", room: "1201" }],
  ])("%j → register %j", (text, place) => {
    expect(parse(text, context)).toEqual(registerPlace(place));
  });

  it.each([
    "大家好",
    "大家早上好",
    "3栋502的快递到了",
    "我住这里很多年了",
    "我住3栋", // no room: not enough to register
    "大家好[强]",
    "good morning",
    "I live in a nice neighbourhood",
    "@邻里小助手",
    "hi @邻里小助手",
    "",
    "   ",
    "\u3000",
  ])("leaves the chatter %j alone", (text) => {
    const intent = parse(text, context);
    expect(intent).toMatchObject(none);
    expect(intent).not.toHaveProperty("closing");
  });
});

describe("findPlace", () => {
  it.each<[string, Place]>([
    ["3栋502", { building: "3", room: "502" }],
    ["3栋", { building: "3" }],
    ["5号楼2单元302", { building: "5", unit: "2", room: "302" }],
    ["十二栋1101", { building: "12", room: "1101" }],
    ["两号楼101", { building: "2", room: "101" }],
    ["二十栋", { building: "20" }],
    ["三座1201室", { building: "3", room: "1201" }],
    ["7 幢 302 室", { building: "7", room: "302" }],
    ["3-502", { building: "3", room: "502" }],
    ["9-2-1203", { building: "9", unit: "2", room: "1203" }],
    ["03 - 502", { building: "3", room: "502" }],
    ["building 7 room 302", { building: "7", room: "302" }],
    ["Building 07", { building: "7" }],
    ["Block 5 unit 2 flat 302", { building: "5", unit: "2", room: "302" }],
    ["bldg #3 apt 12", { building: "3", room: "12" }],
    ["room 1201, building 7", { building: "7", room: "1201" }],
    ["apt 302 in block 6", { building: "6", room: "302" }],
  ])("%j → %j", (text, place) => {
    expect(findPlace(text)).toEqual(place);
  });

  it.each(["", "你好", "floor 3", "2026-11-25", "一百栋", "502"])("finds no place in %j", (text) => {
    expect(findPlace(text)).toBeUndefined();
  });
});

describe("chineseNumber", () => {
  it.each<[string, number]>([
    ["3", 3],
    ["12", 12],
    ["007", 7],
    ["零", 0],
    ["〇", 0],
    ["三", 3],
    ["两", 2],
    ["十", 10],
    ["十二", 12],
    ["二十", 20],
    ["二十三", 23],
    ["一百", 100],
    ["一百零五", 105],
    ["三百二十", 320],
  ])("%j → %d", (text, value) => {
    expect(chineseNumber(text)).toBe(value);
  });

  it.each(["", "abc", "3栋", "十二栋", "-3", "3.5"])("%j is no number", (text) => {
    expect(chineseNumber(text)).toBeUndefined();
  });
});

describe("detectLang", () => {
  it.each<[string, "zh-CN" | "en" | undefined]>([
    ["你好", "zh-CN"],
    ["/帮助", "zh-CN"],
    ["#帮助", "zh-CN"],
    ["/help 你好", "zh-CN"],
    ["我住3栋502", "zh-CN"],
    ["hello", "en"],
    ["I live here", "en"],
    ["/help me", "en"],
    ["/help", undefined],
    ["/start@linli_bot", undefined],
    ["/register 3-502", undefined],
    ["3-502", undefined],
    ["123", undefined],
    ["a", undefined],
    ["", undefined],
  ])("%j → %s", (text, lang) => {
    expect(detectLang(text)).toBe(lang);
  });
});
