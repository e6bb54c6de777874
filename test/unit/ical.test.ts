import { describe, expect, it } from "vitest";
import { toICal } from "../../src/features/events/domain/ical.ts";
import { render } from "../../src/chat/render.ts";
import { capabilities } from "../support/fake-adapter.ts";

const now = new Date("2026-11-25T02:00:00Z");

describe("iCalendar export", () => {
  it("writes one VEVENT per event in UTC with CRLF line ends, escaped text and a stable UID", () => {
    const ics = toICal(
      [
        { id: 7, title: "邻里花园除草; bring gloves, please", place: "东门花坛", startsAt: new Date("2026-11-28T01:00:00Z"), endsAt: new Date("2026-11-28T03:00:00Z") },
        { id: 8, title: "Tea", place: null, startsAt: new Date("2026-11-29T07:00:00Z"), endsAt: null, cancelled: true },
      ],
      "3栋邻里群",
      now,
    );
    expect(ics.endsWith("\r\n")).toBe(true);
    expect(ics.split("\r\n").filter(Boolean)).toEqual([
      "BEGIN:VCALENDAR",
      "VERSION:2.0",
      "PRODID:-//Linli//Neighbourhood events//ZH",
      "CALSCALE:GREGORIAN",
      "METHOD:PUBLISH",
      "X-WR-CALNAME:3栋邻里群",
      "BEGIN:VEVENT",
      "UID:linli-event-7@linli",
      "DTSTAMP:20261125T020000Z",
      "DTSTART:20261128T010000Z",
      "DTEND:20261128T030000Z",
      "SUMMARY:邻里花园除草\\; bring gloves\\, please",
      "LOCATION:东门花坛",
      "STATUS:CONFIRMED",
      "END:VEVENT",
      "BEGIN:VEVENT",
      "UID:linli-event-8@linli",
      "DTSTAMP:20261125T020000Z",
      "DTSTART:20261129T070000Z",
      "DTEND:20261129T080000Z",
      "SUMMARY:Tea",
      "STATUS:CANCELLED",
      "END:VEVENT",
      "END:VCALENDAR",
    ]);
  });

  it("folds long lines at 75 octets without splitting a character", () => {
    const ics = toICal([{ id: 1, title: "长".repeat(60), place: null, startsAt: now, endsAt: null }], "x", now);
    const summary = ics.split("\r\n").filter((line) => line.startsWith("SUMMARY") || line.startsWith(" "));
    for (const line of summary) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    expect(summary.map((line, index) => (index === 0 ? line : line.slice(1))).join("")).toBe(`SUMMARY:${"长".repeat(60)}`);
  });

  it("attaches the file where the platform sends files, else says so in the text", () => {
    const file = { name: "e.ics", mime: "text/calendar", content: "BEGIN:VCALENDAR" };
    expect(render({ text: "日历", file }, capabilities({ files: true }), "zh-CN").parts).toEqual([{ text: "日历", file }]);
    expect(render({ text: "日历", file }, capabilities(), "zh-CN").parts).toEqual([{ text: "日历\n（这里不能发文件“e.ics”，请向协调员索取。）" }]);
  });
});
