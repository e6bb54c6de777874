import { describe, expect, it } from "vitest";
import { Pacer } from "../../adapters/telegram/pacer.ts";
import { stripBotName } from "../../adapters/telegram/telegram-adapter.ts";
import { botCommands } from "../../adapters/telegram/commands.ts";

describe("the Telegram pacer", () => {
  it("holds a chat to one message a second, a group to 20 a minute, and everything to 30 a second", () => {
    let now = 0;
    const pacer = new Pacer({ perChatPerSecond: 1, perGroupPerMinute: 20, overallPerSecond: 30 }, () => now);
    expect(pacer.reserve("-1", true)).toBe(0);
    expect(pacer.reserve("-1", true)).toBe(1000); // the same second
    expect(pacer.reserve("42", false)).toBe(0); // another chat is free
    for (let second = 1; second < 20; second += 1) {
      now = second * 1000;
      expect(pacer.reserve("-1", true)).toBe(0);
    }
    now = 20_000;
    expect(pacer.reserve("-1", true)).toBe(40_000); // 20 in the last minute: wait until the first leaves it
    now = 60_000;
    expect(pacer.reserve("-1", true)).toBe(0);
    const busy = new Pacer({ perChatPerSecond: 1, perGroupPerMinute: 20, overallPerSecond: 30 }, () => 5);
    for (let chat = 0; chat < 30; chat += 1) expect(busy.reserve(String(chat), false)).toBe(0);
    expect(busy.reserve("30", false)).toBe(1000);
  });
});

describe("Telegram text", () => {
  it("strips the bot's @name from commands and mentions, and says whether it was there", () => {
    expect(stripBotName("/help@linli_bot", "linli_bot")).toEqual({ text: "/help", addressed: true });
    expect(stripBotName("@linli_bot 谁家有梯子", "linli_bot")).toEqual({ text: "谁家有梯子", addressed: true });
    expect(stripBotName("@linli_botty hi", "linli_bot")).toEqual({ text: "@linli_botty hi", addressed: false });
    expect(stripBotName("谁家有梯子", "linli_bot")).toEqual({ text: "谁家有梯子", addressed: false });
  });

  it("has command names Telegram accepts, described in both languages", () => {
    for (const lang of ["zh", "en"] as const) {
      for (const command of botCommands(lang)) {
        expect(command.command).toMatch(/^[a-z0-9_]{1,32}$/u);
        expect(command.description.length).toBeGreaterThan(2);
      }
    }
  });
});
