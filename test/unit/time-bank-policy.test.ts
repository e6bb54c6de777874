/** Pure rules of the time bank and the weekly schedule: policies from settings and from words, who confirms, coins, CSV cells. */
import { describe, expect, it } from "vitest";
import { capCheck, DEFAULT_POLICY, parsePolicyChange, policyOf, scheduleOf, withinOverdraft } from "../../src/features/timebank/domain/policy.ts";
import { coins, confirmingSide, minutesOfCoins } from "../../src/features/timebank/domain/ledger.ts";
import { change, median, nextSummaryAt } from "../../src/features/digests/domain/figures.ts";
import { csvLine } from "../../src/features/digests/export-csv.ts";

describe("time-bank policy", () => {
  it("reads a community's settings, falling back to the defaults for anything missing or malformed", () => {
    expect(policyOf({})).toEqual(DEFAULT_POLICY);
    expect(policyOf({ timeBank: { capHours: 1500, capMode: "block", negativeLimitHours: 2, payer: "beneficiary", categories: ["culture"] } })).toEqual({
      capMinutes: 90_000,
      capMode: "block",
      negativeLimitMinutes: 120,
      payer: "beneficiary",
      categories: ["culture"],
    });
    expect(policyOf({ timeBank: { capHours: null } }).capMinutes).toBeNull();
    expect(policyOf({ timeBank: { capHours: -5, capMode: "explode", payer: 3 } })).toEqual(DEFAULT_POLICY);
    expect(scheduleOf({})).toEqual({ day: 0, minute: 1200 });
    expect(scheduleOf({ summary: { day: 9, minute: 5000 } })).toEqual({ day: 0, minute: 1200 });
  });

  it("understands changes in Chinese and English, and nothing else", () => {
    expect(parsePolicyChange("上限 1500 阻止")).toEqual({ timeBank: { capHours: 1500, capMode: "block" } });
    expect(parsePolicyChange("上限：200")).toEqual({ timeBank: { capHours: 200, capMode: "warn" } });
    expect(parsePolicyChange("cap 200")).toEqual({ timeBank: { capHours: 200, capMode: "warn" } });
    expect(parsePolicyChange("cap none")).toEqual({ timeBank: { capHours: null, capMode: "warn" } });
    expect(parsePolicyChange("透支 5")).toEqual({ timeBank: { negativeLimitHours: 5 } });
    expect(parsePolicyChange("付款 受助人")).toEqual({ timeBank: { payer: "beneficiary" } });
    expect(parsePolicyChange("类别 文化 培训")).toEqual({ timeBank: { categories: ["文化", "培训"] } });
    expect(parsePolicyChange("周报 周六 9:30")).toEqual({ summary: { day: 6, minute: 570 } });
    expect(parsePolicyChange("summary sun 20:00")).toEqual({ summary: { day: 0, minute: 1200 } });
    for (const nonsense of ["cap -3", "cap 1e308", "上限 0", "cap 200000", "透支 1e300", "overdraft 99999", "cap 10 maybe", "summary someday 20:00", "summary sun 25:00", "payer me", "hello", ""]) expect(parsePolicyChange(nonsense)).toBeNull();
  });

  it("caps and overdrafts", () => {
    const policy = { ...DEFAULT_POLICY, capMinutes: 600 };
    expect(capCheck(policy, 600)).toBe("ok");
    expect(capCheck(policy, 601)).toBe("warn");
    expect(capCheck({ ...policy, capMode: "block" }, 601)).toBe("block");
    expect(capCheck({ ...policy, capMinutes: null }, 10 ** 9)).toBe("ok");
    expect(withinOverdraft(policy, 0, 600)).toBe(true);
    expect(withinOverdraft(policy, 0, 601)).toBe(false);
  });
});

describe("credits and coins", () => {
  it("asks the other side from whoever recorded a credit", () => {
    expect(confirmingSide({ helperId: 1, beneficiaryId: 2, startedById: 1 })).toBe(2);
    expect(confirmingSide({ helperId: 1, beneficiaryId: 2, startedById: 2 })).toBe(1);
    expect(confirmingSide({ helperId: 1, beneficiaryId: 2, startedById: 9 })).toBe(2);
    expect(confirmingSide({ helperId: 1, beneficiaryId: null, startedById: 1 })).toBeNull();
  });

  it("reads coins as whole minutes and writes minutes as coins", () => {
    expect(["5", "0.5", "1.25", "2个时间币", "3 coins", "1h"].map(minutesOfCoins)).toEqual([300, 30, 75, 120, 180, 60]);
    expect(["", "abc", "-1", "0", "1e9"].map(minutesOfCoins)).toEqual([null, null, null, null, null]);
    expect([90, 45, 20, -60].map(coins)).toEqual(["1.5", "0.75", "0.33", "-1"]);
  });
});

describe("the weekly schedule and digest arithmetic", () => {
  it("finds the next Sunday 20:00 in the community's time zone", () => {
    const sunday8pm = { day: 0, minute: 1200 };
    expect(nextSummaryAt(new Date("2026-11-25T10:00:00+08:00"), sunday8pm, "Asia/Shanghai").toISOString()).toBe("2026-11-29T12:00:00.000Z");
    // At 20:00 exactly it is next week's; a minute before, today's.
    expect(nextSummaryAt(new Date("2026-11-29T20:00:00+08:00"), sunday8pm, "Asia/Shanghai").toISOString()).toBe("2026-12-06T12:00:00.000Z");
    expect(nextSummaryAt(new Date("2026-11-29T19:59:00+08:00"), sunday8pm, "Asia/Shanghai").toISOString()).toBe("2026-11-29T12:00:00.000Z");
    // Late Saturday in UTC is already Sunday in Shanghai.
    expect(nextSummaryAt(new Date("2026-11-28T23:00:00Z"), sunday8pm, "Asia/Shanghai").toISOString()).toBe("2026-11-29T12:00:00.000Z");
    expect(nextSummaryAt(new Date("2026-11-25T10:00:00Z"), { day: 1, minute: 540 }, "Europe/London").toISOString()).toBe("2026-11-30T09:00:00.000Z");
  });

  it("takes medians and signs changes", () => {
    expect(median([])).toBeNull();
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect([change(5, 3), change(3, 5), change(2, 2)]).toEqual(["+2", "-2", "±0"]);
  });

  it("writes CSV cells safely: quotes, commas, line breaks and would-be formulas", () => {
    expect(csvLine([1, null, "plain", 'say "hi", ok', "line\nbreak", "=SUM(A1)", "-5 coins", -5])).toBe('1,,plain,"say ""hi"", ok","line\nbreak",\'=SUM(A1),\'-5 coins,-5\r\n');
  });
});
