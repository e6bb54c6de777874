/** The flat record coordinators (and the corpus test) read for one parsed message. */
import type { Intent, Understanding } from "./intent.ts";

/** `{ intent, category?, when? (YYYY-MM-DD), hours?, count? }` plus the other slots extracted. */
export interface ParseRecord {
  intent: string;
  category?: string;
  when?: string;
  hours?: number;
  count?: number;
  [slot: string]: unknown;
}

/** Flatten an intent into a record. */
export function toRecord(intent: Intent): ParseRecord {
  const { kind, ...slots } = intent;
  const record: ParseRecord = { intent: kind };
  for (const [key, value] of Object.entries(slots)) {
    if (key === "understood" && value && typeof value === "object") {
      const understood = value as Understanding;
      record.by = understood.by;
      record.confidence = Math.round(understood.confidence * 1000) / 1000;
      if (understood.guesses.length > 1) record.guesses = understood.guesses.map((guess) => `${guess.label} ${Math.round(guess.p * 100)}%`);
    } else if (key === "when" && value && typeof value === "object") record.when = (value as { date: string }).date;
    else if (key === "event" && value && typeof value === "object") {
      const event = value as { when?: { date: string }; title?: string };
      if (event.when) record.when = event.when.date;
      if (event.title) record.event = event.title;
    } else record[key] = value;
  }
  return record;
}
