/**
 * iCalendar (RFC 5545) for events: one VEVENT each, times in UTC, text escaped, lines folded at 75 octets, CRLF line
 * ends; a stable UID per event so a calendar app updates rather than duplicates it on re-import. Pure.
 */

/** What a calendar entry needs. */
export interface CalendarEvent {
  id: number;
  title: string;
  place: string | null;
  startsAt: Date;
  endsAt: Date | null;
  description?: string;
  cancelled?: boolean;
}

/** A VCALENDAR with the events, named `name`, stamped `now`. */
export function toICal(events: CalendarEvent[], name: string, now: Date): string {
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Linli//Neighbourhood events//ZH",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${escapeText(name)}`,
  ];
  for (const event of events) {
    lines.push(
      "BEGIN:VEVENT",
      `UID:linli-event-${event.id}@linli`,
      `DTSTAMP:${utc(now)}`,
      `DTSTART:${utc(event.startsAt)}`,
      `DTEND:${utc(event.endsAt ?? new Date(event.startsAt.getTime() + 60 * 60_000))}`,
      `SUMMARY:${escapeText(event.title)}`,
      ...(event.place ? [`LOCATION:${escapeText(event.place)}`] : []),
      ...(event.description ? [`DESCRIPTION:${escapeText(event.description)}`] : []),
      `STATUS:${event.cancelled ? "CANCELLED" : "CONFIRMED"}`,
      "END:VEVENT",
    );
  }
  lines.push("END:VCALENDAR");
  return `${lines.map(fold).join("\r\n")}\r\n`;
}

function utc(date: Date): string {
  return date.toISOString().replace(/[-:]/gu, "").replace(/\.\d{3}/u, "");
}

function escapeText(text: string): string {
  return text.replace(/\\/gu, "\\\\").replace(/;/gu, "\\;").replace(/,/gu, "\\,").replace(/\r?\n/gu, "\\n");
}

/** Fold a content line at 75 octets (UTF-8), never inside a character; continuation lines start with a space. */
function fold(line: string): string {
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  for (const char of line) {
    const size = new TextEncoder().encode(char).length;
    const limit = parts.length === 0 ? 75 : 74; // a continuation's leading space counts
    if (octets + size > limit) {
      parts.push(current);
      current = "";
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join("\r\n ");
}
