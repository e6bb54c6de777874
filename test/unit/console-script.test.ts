import { describe, expect, it } from "vitest";
import type { ScriptLine } from "../../adapters/console/script.ts";
import { parseScriptLine } from "../../adapters/console/script.ts";
import { leadingTime } from "../../adapters/console/session.ts";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

describe("parseScriptLine: messages", () => {
  it.each<[string, ScriptLine]>([
    ["@3栋邻里群 王秀英: 我住3栋502", { kind: "post", chat: "3栋邻里群", person: "王秀英", text: "我住3栋502" }],
    ["@3栋邻里群 王秀英：我住3栋502", { kind: "post", chat: "3栋邻里群", person: "王秀英", text: "我住3栋502" }],
    ["@GardenClub Emma: /help", { kind: "post", chat: "GardenClub", person: "Emma", text: "/help" }],
    ['@"Garden Club" Ann: hi there', { kind: "post", chat: "Garden Club", person: "Ann", text: "hi there" }],
    ['@"3栋 邻里群" 王 师傅： 在吗', { kind: "post", chat: "3栋 邻里群", person: "王 师傅", text: "在吗" }],
    ["@g Ann Lee: hi", { kind: "post", chat: "g", person: "Ann Lee", text: "hi" }],
    ["@g Ann: meet at 10:00: bring tea", { kind: "post", chat: "g", person: "Ann", text: "meet at 10:00: bring tea" }],
    ["   @g Ann:   spaced out   ", { kind: "post", chat: "g", person: "Ann", text: "spaced out" }],
    ["@dm 王秀英: /help", { kind: "dm", person: "王秀英", text: "/help" }],
    ["@dm 王秀英：/帮助", { kind: "dm", person: "王秀英", text: "/帮助" }],
    ["@dm Emma: I live in building 7 room 1201", { kind: "dm", person: "Emma", text: "I live in building 7 room 1201" }],
  ])("%j", (line, expected) => {
    expect(parseScriptLine(line)).toEqual(expected);
  });

  it.each([
    ["@g", 'expected "@<chat> <person>: <text>": @g'],
    ["@", 'expected "@<chat> <person>: <text>": @'],
    ["@g Ann hi", 'expected "<person>: <text>" after the chat: @g Ann hi'],
    ["@g : hi", 'expected "<person>: <text>" after the chat: @g : hi'],
    ["@dm: hi", 'expected "<person>: <text>" after the chat: @dm: hi'],
  ])("reports the malformed message %j", (line, message) => {
    expect(parseScriptLine(line)).toEqual({ kind: "error", message });
  });

  it("reports a quoted chat title that is not followed by a person", () => {
    expect(parseScriptLine('@"Garden Club": hi').kind).toBe("error");
  });
});

describe("parseScriptLine: directives", () => {
  it.each<[string, ScriptLine]>([
    ["!admin 3栋邻里群 周大姐", { kind: "admin", chat: "3栋邻里群", person: "周大姐" }],
    ['!admin "Garden Club" Ann Lee', { kind: "admin", chat: "Garden Club", person: "Ann Lee" }],
    ["!time 2026-11-25T10:00:00+08:00", { kind: "time", at: new Date("2026-11-25T02:00:00Z") }],
    ["!time 2026-11-25T02:00:00Z", { kind: "time", at: new Date("2026-11-25T02:00:00Z") }],
    ["!time 2026-11-25T10:30:15.250+08:00", { kind: "time", at: new Date("2026-11-25T02:30:15.250Z") }],
    ["!advance 30m", { kind: "advance", ms: 30 * MINUTE }],
    ["!advance 2h", { kind: "advance", ms: 2 * HOUR }],
    ["!advance 1d", { kind: "advance", ms: 24 * HOUR }],
    ["!advance 1.5h", { kind: "advance", ms: 90 * MINUTE }],
    ["!advance 0.5m", { kind: "advance", ms: 30_000 }],
    ["!advance 30 m", { kind: "advance", ms: 30 * MINUTE }],
    ["!redeliver", { kind: "redeliver" }],
    ["!join 3栋邻里群 小李", { kind: "join", chat: "3栋邻里群", people: ["小李"] }],
    ['!join "Garden Club" Ann, Bob', { kind: "join", chat: "Garden Club", people: ["Ann", "Bob"] }],
    ["!leave 3栋邻里群 小李、小王", { kind: "leave", chat: "3栋邻里群", people: ["小李", "小王"] }],
    ["  !redeliver  ", { kind: "redeliver" }],
  ])("%j", (line, expected) => {
    expect(parseScriptLine(line)).toEqual(expected);
  });

  it.each(["!time 2026-11-25", "!time tomorrow", "!time", "!time 2026-13-01T10:00:00+08:00", "!time 2026-11-25T25:00:00+08:00", "!time 2026-11-25T10:00:00"])(
    "explains how to write %j",
    (line) => {
      const arg = line.slice("!time".length).trim();
      expect(parseScriptLine(line)).toEqual({
        kind: "error",
        message: `usage: !time <ISO 8601 datetime with its offset>, e.g. !time 2026-11-25T10:00:00+08:00 (got "${arg}")`,
      });
    },
  );

  it.each(["!advance", "!advance 2x", "!advance -1h", "!advance 2H", "!advance h", "!advance 1.h"])("explains how to write %j", (line) => {
    const arg = line.slice("!advance".length).trim();
    expect(parseScriptLine(line)).toEqual({ kind: "error", message: `usage: !advance <n>m|h|d, e.g. !advance 2h (got "${arg}")` });
  });

  it.each(["!admin", "!admin 3栋邻里群", '!admin "Garden Club"'])("explains how to write %j", (line) => {
    expect(parseScriptLine(line)).toEqual({ kind: "error", message: "usage: !admin <chat title> <person>" });
  });

  it.each([
    ["!foo", "!foo"],
    ["!ADVANCE 2h", "!ADVANCE"],
    ["!", "!"],
  ])("names the unknown directive in %j", (line, word) => {
    expect(parseScriptLine(line)).toEqual({
      kind: "error",
      message: `unknown directive "${word}" (known: !admin, !join, !leave, !time, !advance, !redeliver)`,
    });
  });
});

describe("parseScriptLine: comments, blank lines and stray text", () => {
  it.each(["", "   ", "\t", "# a comment", "#帮助 looks like a hashtag but is a comment", "   # indented comment"])(
    "skips %j",
    (line) => {
      expect(parseScriptLine(line)).toEqual({ kind: "skip" });
    },
  );

  it.each(["hello", "王秀英: 我住3栋502", "/help"])("rejects %j, saying what a line may start with", (line) => {
    expect(parseScriptLine(line)).toEqual({
      kind: "error",
      message: `a line starts with @ (a message), ! (a directive) or # (a comment): ${line}`,
    });
  });
});

describe("leadingTime", () => {
  const at = new Date("2026-11-25T02:00:00Z");

  it("is the first !time, after comments and blank lines", () => {
    expect(leadingTime(["# set up", "", "!time 2026-11-25T10:00:00+08:00", "!time 2027-01-01T00:00:00Z"])).toEqual(at);
  });

  it("is undefined when a message or another directive comes first", () => {
    expect(leadingTime(["@dm 王秀英: hi", "!time 2026-11-25T10:00:00+08:00"])).toBeUndefined();
    expect(leadingTime(["!advance 1h", "!time 2026-11-25T10:00:00+08:00"])).toBeUndefined();
    expect(leadingTime(["!admin g Ann", "!time 2026-11-25T10:00:00+08:00"])).toBeUndefined();
  });

  it("is undefined when the first line is an invalid !time, or there is no line", () => {
    expect(leadingTime(["!time soon", "!time 2026-11-25T10:00:00+08:00"])).toBeUndefined();
    expect(leadingTime([])).toBeUndefined();
    expect(leadingTime(["", "# only comments"])).toBeUndefined();
  });
});
