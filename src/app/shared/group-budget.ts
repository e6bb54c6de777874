/**
 * The bot's own noise in a group: how often it may acknowledge (one summary per event per window) and how many
 * messages it may send a group in an hour. Both are community settings (`groupNoise: { summaryMinutes,
 * budgetPerHour }`), read with defaults.
 *
 * Where the budget bites: only at low-value acknowledgements, which are written by scheduled summaries (the sign-up
 * summary of events). A summary over budget is not sent but held: its changes stay pending and go out, folded with
 * whatever came after, as soon as the hour's oldest message ages out. Answers are never held or dropped: replies to a
 * command or a question, refusals a resident needs ("sign-ups have closed"), anything an admin asked for, and
 * emergencies (priority 9, which are not even counted). They do count, so a busy hour of answers leaves less room
 * for summaries.
 */
import type { Platform } from "../../kernel/platform.ts";
import type { Repositories } from "../ports.ts";

/** How quiet the bot keeps a group. */
export interface NoiseSettings {
  /** Sign-ups and 接龙 changes of one event are summarised in the group at most once per this many minutes. */
  summaryMinutes: number;
  /** Bot messages per group per rolling hour that summaries may fill (emergencies exempt). */
  budgetPerHour: number;
}

/** The defaults: a summary at most every 3 minutes, 20 messages an hour. */
export const DEFAULT_NOISE: NoiseSettings = { summaryMinutes: 3, budgetPerHour: 20 };

const HOUR_MS = 3_600_000;

/** The noise settings in a community's settings, each falling back to its default when missing or invalid. */
export function noiseOf(settings: Record<string, unknown>): NoiseSettings {
  const noise = (typeof settings.groupNoise === "object" && settings.groupNoise !== null ? settings.groupNoise : {}) as Record<string, unknown>;
  const whole = (value: unknown, fallback: number) => (typeof value === "number" && Number.isInteger(value) && value >= 1 ? value : fallback);
  return {
    summaryMinutes: whole(noise.summaryMinutes, DEFAULT_NOISE.summaryMinutes),
    budgetPerHour: whole(noise.budgetPerHour, DEFAULT_NOISE.budgetPerHour),
  };
}

/** The end of the summary window `now` falls in (windows are aligned to the epoch, so two are never closer than one window). */
export function windowEnd(now: Date, minutes: number): Date {
  const size = minutes * 60_000;
  return new Date((Math.floor(now.getTime() / size) + 1) * size);
}

/** Whether a group has room for one more low-value message now; when not, the time it will. */
export async function groupBudget(
  repos: Pick<Repositories, "outboxes">,
  chat: { platform: Platform; externalId: string },
  budgetPerHour: number,
  now: Date,
): Promise<{ used: number; freeAt: Date | null }> {
  const sent = await repos.outboxes.toGroupSince(chat.platform, chat.externalId, new Date(now.getTime() - HOUR_MS));
  if (sent.length < budgetPerHour) return { used: sent.length, freeAt: null };
  // The hour has room again once enough of its oldest messages have aged out.
  const oldest = sent[sent.length - budgetPerHour]!;
  return { used: sent.length, freeAt: new Date(oldest.getTime() + HOUR_MS + 1) };
}
