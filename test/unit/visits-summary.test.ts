/** The group's weekly summary counts visits to elders (本周探访独居老人 N 次) and never names them. */
import { describe, expect, it } from "vitest";
import { timeBankTexts } from "../../src/features/timebank/texts.ts";
import type { GroupWeek } from "../../src/features/digests/ports.ts";

const week = (visits: number): GroupWeek => ({ helpers: [{ personId: 1, name: "张阿姨", nameable: true }], minutes: 0, requestsResolved: 1, eventsHeld: 0, thanks: 0, visits });

describe("weekly summary with visits", () => {
  it("counts the visits in both languages, and says nothing of them when there were none", () => {
    expect(timeBankTexts("zh-CN").summary("3栋邻里群", week(6))).toContain("解决求助 1 件 · 探访独居老人 6 次");
    expect(timeBankTexts("en").summary("Block 3", week(1))).toContain("1 request resolved · 1 visit to elders living alone");
    expect(timeBankTexts("en").summary("Block 3", week(2))).toContain("2 visits to elders living alone");
    expect(timeBankTexts("zh-CN").summary("3栋邻里群", week(0))).not.toContain("探访");
  });
});
