/** Recognition's pure rules: the month's score and stars, milestones, when the stars go out, and the certificate's SVG. */
import { describe, expect, it } from "vitest";
import { hoursOf, milestoneReached, scoreOf, starsOf, type MonthHelper } from "../../src/features/recognition/domain/stars.ts";
import { monthBefore, nextStarsAt } from "../../src/features/recognition/domain/month.ts";
import { certificateSvg, escapeXml } from "../../src/features/recognition/domain/certificate.ts";

const helper = (personId: number, name: string, minutes: number, thanks = 0, nameInSummary = true): MonthHelper => ({ personId, name, nameInSummary, minutes, thanks });

describe("邻里之星", () => {
  it("scores confirmed minutes plus half an hour per thanks", () => {
    expect([scoreOf({ minutes: 0, thanks: 0 }), scoreOf({ minutes: 90, thanks: 0 }), scoreOf({ minutes: 0, thanks: 3 }), scoreOf({ minutes: 60, thanks: 2 })]).toEqual([0, 90, 90, 120]);
  });

  it.each([
    { case: "top three by score", helpers: [helper(1, "甲", 60), helper(2, "乙", 180), helper(3, "丙", 0, 3), helper(4, "丁", 30)], stars: ["乙", "丙", "甲"], unnamed: 0 },
    { case: "opted-out people only counted, the next named one takes the place", helpers: [helper(1, "甲", 600, 0, false), helper(2, "乙", 60), helper(3, "丙", 30)], stars: ["乙", "丙"], unnamed: 1 },
    { case: "ties: more minutes first, then by name", helpers: [helper(1, "B", 0, 2), helper(2, "A", 60), helper(3, "C", 60)], stars: ["A", "C", "B"], unnamed: 0 },
    { case: "nobody with a score", helpers: [helper(1, "甲", 0)], stars: [], unnamed: 0 },
    { case: "only opted-out helpers", helpers: [helper(1, "甲", 60, 0, false), helper(2, "乙", 0, 1, false)], stars: [], unnamed: 2 },
  ])("$case", ({ helpers, stars, unnamed }) => {
    const result = starsOf(helpers);
    expect(result.stars.map((one) => one.name)).toEqual(stars);
    expect(result.unnamed).toBe(unnamed);
  });

  it.each([
    [0, 0, null],
    [599, 0, null],
    [600, 0, 10],
    [600, 10, null],
    [3000, 10, 50],
    [3600, 0, 50], // from nothing past two milestones: the highest is told
    [6000, 50, 100],
    [9000, 100, null],
  ])("%i minutes with %i told: milestone %s", (minutes, told, expected) => {
    expect(milestoneReached(minutes, told)).toBe(expected);
  });

  it("shows hours with at most one decimal", () => {
    expect([hoursOf(0), hoursOf(60), hoursOf(90), hoursOf(100), hoursOf(750)]).toEqual(["0", "1", "1.5", "1.7", "12.5"]);
  });
});

describe("when the stars go out", () => {
  const zone = "Asia/Shanghai";
  it.each([
    ["2026-11-25T10:00:00+08:00", "2026-12-01T09:00:00+08:00"],
    ["2026-12-01T08:59:00+08:00", "2026-12-01T09:00:00+08:00"],
    ["2026-12-01T09:00:00+08:00", "2027-01-01T09:00:00+08:00"],
    ["2026-12-31T23:59:00+08:00", "2027-01-01T09:00:00+08:00"],
  ])("after %s: %s", (now, next) => {
    expect(nextStarsAt(new Date(now), zone)).toEqual(new Date(next));
  });

  it("is about the month before, from its first local midnight to this one", () => {
    expect(monthBefore(new Date("2027-01-01T09:00:00+08:00"), zone)).toEqual({ from: new Date("2026-12-01T00:00:00+08:00"), to: new Date("2027-01-01T00:00:00+08:00"), year: 2026, month: 12 });
    expect(monthBefore(new Date("2026-03-01T09:00:00-05:00"), "America/New_York")).toMatchObject({ from: new Date("2026-02-01T00:00:00-05:00"), month: 2 });
  });
});

describe("the certificate's SVG", () => {
  it("escapes what people typed, and says it in their language", () => {
    expect(escapeXml(`<a href="x">Tom & 'Jerry'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;Tom &amp; &apos;Jerry&apos;&lt;/a&gt;");
    const zh = certificateSvg({ community: "幸福里社区", name: "王<script>&", hours: "12.5", date: "2026-12-01", lang: "zh-CN" });
    expect(zh).toContain("王&lt;script&gt;&amp; 邻居：");
    expect(zh).not.toContain("<script>");
    expect(zh).toContain("感谢您在幸福里社区累计志愿服务 12.5 小时。");
    expect(zh).toContain("2026年12月1日");
    const en = certificateSvg({ community: "Happy Lane", name: "Emma", hours: "2", date: "2026-12-01", lang: "en" });
    expect(en).toContain("Thank you for 2 hours of confirmed help in Happy Lane.");
    expect(en).toContain('font-family="WenQuanYi Micro Hei"');
  });

  it("keeps a very long name on the card, cut with an ellipsis, and control characters out", () => {
    const svg = certificateSvg({ community: "c", name: `${"长".repeat(40)}\u0007`, hours: "1", date: "2026-12-01", lang: "zh-CN" });
    expect(svg).toContain(`${"长".repeat(15)}… 邻居：`);
    expect(svg).not.toContain("\u0007");
  });
});
