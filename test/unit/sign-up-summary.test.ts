/** The group's sign-up summary (netting changes within a window) and the noise settings, pure. */
import { describe, expect, it } from "vitest";
import { emptySummary, isEmpty, noteChange, parseSummary, type SignUpChange } from "../../src/features/events/domain/sign-up-summary.ts";
import { DEFAULT_NOISE, groupBudget, noiseOf, windowEnd } from "../../src/app/shared/group-budget.ts";
import { eventTexts } from "../../src/features/events/texts.ts";

const who = (personId: number, name: string, count = 1) => ({ personId, name, count });
const fold = (...changes: SignUpChange[]) => changes.reduce(noteChange, emptySummary());

describe("sign-up summary", () => {
  it("nets the changes of one window: in and out again is nothing, out and in again is in, waiting then moved up is in", () => {
    const summary = fold(
      { kind: "added", who: who(1, "小李") },
      { kind: "added", who: who(2, "小王", 2) },
      { kind: "removed", who: who(2, "小王", 2) },
      { kind: "removed", who: who(3, "老张") },
      { kind: "added", who: who(3, "老张") },
      { kind: "waiting", who: who(4, "赵阿姨") },
      { kind: "promoted", who: who(4, "赵阿姨") },
      { kind: "promoted", who: who(5, "钱师傅") },
      { kind: "removed", who: who(6, "孙老师") },
      { kind: "unknown", entry: "外婆的朋友" },
      { kind: "unknown", entry: "外婆的朋友" },
    );
    expect(summary).toEqual({
      added: [who(1, "小李"), who(3, "老张"), who(4, "赵阿姨")],
      waiting: [],
      removed: [who(6, "孙老师")],
      promoted: [who(5, "钱师傅")],
      unknown: ["外婆的朋友"],
    });
    expect(eventTexts("zh-CN").summary("周六义诊", summary, 23, 30)).toBe(
      "周六义诊：新报名 3 人（小李、老张、赵阿姨），候补转正 1 人（钱师傅），取消 1 人（孙老师），没认出 外婆的朋友（请本人回复“报名”）；共 23/30 人。",
    );
    expect(eventTexts("en").summary("Clinic", fold({ kind: "added", who: who(1, "Ann", 2) }, { kind: "waiting", who: who(2, "Bob") }), 2, null)).toBe(
      "Clinic: 2 new (Ann+1); 1 on the waitlist (Bob). 2 signed up.",
    );
  });

  it("reads back what it stored, and nothing from what it cannot read", () => {
    const summary = fold({ kind: "added", who: who(1, "小李") });
    expect(parseSummary(JSON.stringify(summary))).toEqual(summary);
    expect(isEmpty(parseSummary(null))).toBe(true);
    expect(isEmpty(parseSummary("{not json"))).toBe(true);
  });
});

describe("noise settings and the group's hourly budget", () => {
  it("reads the community's settings, each falling back to its default", () => {
    expect(noiseOf({})).toEqual(DEFAULT_NOISE);
    expect(noiseOf({ groupNoise: { summaryMinutes: 5, budgetPerHour: 0 } })).toEqual({ summaryMinutes: 5, budgetPerHour: 20 });
    expect(noiseOf({ groupNoise: "loud" })).toEqual(DEFAULT_NOISE);
  });

  it("closes windows on their boundaries, so two summaries are never closer than one window", () => {
    expect(windowEnd(new Date("2026-11-25T02:00:00Z"), 3).toISOString()).toBe("2026-11-25T02:03:00.000Z");
    expect(windowEnd(new Date("2026-11-25T02:02:59Z"), 3).toISOString()).toBe("2026-11-25T02:03:00.000Z");
    expect(windowEnd(new Date("2026-11-25T02:03:00Z"), 3).toISOString()).toBe("2026-11-25T02:06:00.000Z");
  });

  it("has room below the budget; at it, room again once enough of the hour's oldest messages have aged out", async () => {
    const now = new Date("2026-11-25T03:00:00Z");
    const sent = [10, 20, 30].map((minute) => new Date(Date.UTC(2026, 10, 25, 2, minute)));
    const repos = { outboxes: { enqueue: async () => undefined, toGroupSince: async () => sent } };
    expect(await groupBudget(repos, { platform: "console", externalId: "g" }, 4, now)).toEqual({ used: 3, freeAt: null });
    expect(await groupBudget(repos, { platform: "console", externalId: "g" }, 2, now)).toEqual({ used: 3, freeAt: new Date(Date.UTC(2026, 10, 25, 3, 20) + 1) });
  });
});
