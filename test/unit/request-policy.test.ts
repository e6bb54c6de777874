import { describe, expect, it } from "vitest";
import {
  DEFAULT_REQUEST_SETTINGS,
  carHelps,
  creditCategory,
  creditMinutes,
  emergencyNumber,
  expiryOf,
  joinsOpenSos,
  localTime,
  waveDeadline,
} from "../../src/features/requests/domain/policy.ts";
import { daysOf } from "../../src/features/community/volunteering.ts";
import { parse } from "../../src/app/parser.ts";

const at = (iso: string) => new Date(iso);

describe("request policy", () => {
  it("waits 10 minutes for an urgent wave and 60 otherwise", () => {
    const now = at("2026-11-25T02:00:00Z");
    expect(waveDeadline(now, true, DEFAULT_REQUEST_SETTINGS).toISOString()).toBe("2026-11-25T02:10:00.000Z");
    expect(waveDeadline(now, false, { ...DEFAULT_REQUEST_SETTINGS, waveMinutes: 30 }).toISOString()).toBe("2026-11-25T02:30:00.000Z");
  });

  it("joins a repeated SOS to an open one raised less than 10 minutes before; not after, not once closed, not to a request", () => {
    const raised = at("2026-11-25T02:00:00Z");
    const sos = { category: "sos" as const, state: "open" as const, createdAt: raised };
    expect(joinsOpenSos(sos, at("2026-11-25T02:09:59Z"), DEFAULT_REQUEST_SETTINGS)).toBe(true);
    expect(joinsOpenSos(sos, at("2026-11-25T02:10:00Z"), DEFAULT_REQUEST_SETTINGS)).toBe(false);
    expect(joinsOpenSos({ ...sos, state: "assigned" }, at("2026-11-25T02:05:00Z"), DEFAULT_REQUEST_SETTINGS)).toBe(true);
    for (const state of ["done", "cancelled", "expired"] as const) expect(joinsOpenSos({ ...sos, state }, at("2026-11-25T02:01:00Z"), DEFAULT_REQUEST_SETTINGS)).toBe(false);
    expect(joinsOpenSos({ ...sos, category: "medical" }, at("2026-11-25T02:01:00Z"), DEFAULT_REQUEST_SETTINGS)).toBe(false);
    expect(joinsOpenSos(sos, at("2026-11-25T02:00:01Z"), { ...DEFAULT_REQUEST_SETTINGS, sosJoinMinutes: 0 })).toBe(false);
  });

  it("expires 48 hours after the request, or after the time it was needed if later", () => {
    const created = at("2026-11-25T02:00:00Z");
    expect(expiryOf(created, null, DEFAULT_REQUEST_SETTINGS).toISOString()).toBe("2026-11-27T02:00:00.000Z");
    expect(expiryOf(created, at("2026-11-28T01:00:00Z"), DEFAULT_REQUEST_SETTINGS).toISOString()).toBe("2026-11-30T01:00:00.000Z");
    expect(expiryOf(created, at("2026-11-24T01:00:00Z"), DEFAULT_REQUEST_SETTINGS).toISOString()).toBe("2026-11-27T02:00:00.000Z");
  });

  it("advises the right number: 119 for fire, 110 for a missing person, 120 for the rest", () => {
    expect(emergencyNumber("fire")).toBe("119");
    expect(emergencyNumber("missing")).toBe("110");
    for (const kind of ["fall", "unconscious", "medical", "other"] as const) expect(emergencyNumber(kind)).toBe("120");
    expect(carHelps("fire")).toBe(false);
    expect(carHelps("fall")).toBe(true);
  });

  it("credits the time said, else acceptance to done in quarter hours between 15 minutes and 2 hours", () => {
    const accepted = at("2026-11-25T02:00:00Z");
    expect(creditMinutes(accepted, at("2026-11-25T02:05:00Z"))).toBe(15);
    expect(creditMinutes(accepted, at("2026-11-25T02:46:00Z"))).toBe(60);
    expect(creditMinutes(accepted, at("2026-11-25T09:00:00Z"))).toBe(120);
    expect(creditMinutes(accepted, at("2026-11-25T09:00:00Z"), 1.5)).toBe(90);
    expect(creditCategory("companionship", false)).toBe("B");
    expect(creditCategory("sos", true)).toBe("C");
    expect(creditCategory("medical", true)).toBe("C");
    expect(creditCategory("borrow", true)).toBe("A");
  });

  it("reads the local weekday and minute in the community's zone", () => {
    expect(localTime(at("2026-11-29T15:30:00Z"), "Asia/Shanghai")).toEqual({ weekday: 7, minute: 23 * 60 + 30 });
    expect(localTime(at("2026-11-29T16:05:00Z"), "Asia/Shanghai")).toEqual({ weekday: 1, minute: 5 });
  });
});

describe("availability days", () => {
  it.each([
    ["工作日 18:00-21:00", [1, 2, 3, 4, 5]],
    ["周末 全天", [6, 7]],
    ["周一至周五", [1, 2, 3, 4, 5]],
    ["周五到周一", [5, 6, 7, 1]],
    ["周二、周四", [2, 4]],
    ["mon-wed", [1, 2, 3]],
    ["sat, sun", [6, 7]],
    ["every day", [1, 2, 3, 4, 5, 6, 7]],
  ])("%s", (text, days) => {
    expect(daysOf(text)).toEqual(days);
  });
});

describe("closing a request in words", () => {
  const context = { now: at("2026-11-25T02:00:00Z"), timeZone: "Asia/Shanghai", botNames: ["邻里小助手"] };
  it.each([
    ["好了，谢谢", "done"],
    ["已经解决了，谢谢大家", "done"],
    ["谢谢，借到了！", "done"],
    ["all sorted now, thanks!", "done"],
    ["不用了，谢谢", "withdrawn"],
    ["never mind", "withdrawn"],
  ])("%s → %s", (text, closing) => {
    expect(parse(text, context)).toMatchObject({ kind: "none", closing });
  });
  it.each(["谢谢王师傅帮我修好了水管", "我家水管修好了", "好了好了别吵了，大家早点休息"])("%s is no closing", (text) => {
    expect(parse(text, context)).not.toMatchObject({ closing: expect.anything() as unknown });
  });
  it("reads the request commands in zh and en", () => {
    expect(parse("/接单 12", context)).toEqual({ kind: "command", name: "accept", args: "12" });
    expect(parse("/完成 12 2小时", context)).toEqual({ kind: "command", name: "done", args: "12 2小时" });
    expect(parse("/cancel #3", context)).toEqual({ kind: "command", name: "cancel", args: "#3" });
    expect(parse("/收到 7", context)).toEqual({ kind: "command", name: "ack", args: "7" });
    expect(parse("/我的求助", context)).toEqual({ kind: "command", name: "requests", args: "" });
  });
});
