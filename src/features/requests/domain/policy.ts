/**
 * The rules of a help request that need no storage: how long a wave waits, when a request expires, what an SOS
 * reply advises, how a finished request becomes time-bank minutes. Pure, so they are unit-tested directly.
 */
import type { Need } from "./rank-volunteers.ts";
import type { LocalTime } from "./rank-volunteers.ts";
import { localMinute, weekday } from "../../../kernel/zoned-time.ts";

/** What a help request is about; "sos" marks an emergency alert. */
export type HelpCategory = Need["category"] | "sos";

/** The states a request moves through. */
export type RequestState = "open" | "assigned" | "done" | "cancelled" | "expired";

/** The kinds of emergency the parser tells apart. */
export type Emergency = "fall" | "fire" | "unconscious" | "missing" | "medical" | "other";

/** Tunable settings (from the environment; see config.ts). */
export interface RequestSettings {
  /** Volunteers pinged per wave. */
  waveSize: number;
  /** How long a wave waits for an answer before the next one, in minutes. */
  waveMinutesUrgent: number;
  waveMinutes: number;
  /** A request nobody took expires after this many hours (or this long after the time it was needed). */
  expiryHours: number;
  /** First-aiders alerted at once for an SOS, and the minutes without an acknowledgement before it widens. */
  sosAlertSize: number;
  sosWidenMinutes: number;
  /** How many times an unacknowledged SOS widens and repeats. */
  sosRounds: number;
  /**
   * Another SOS from the same person within this many minutes of their open one joins it (an update for whoever was
   * alerted, no new round of alerts); later, or once it is closed, it is a new emergency.
   */
  sosJoinMinutes: number;
}

/** The defaults the issue asks for. */
export const DEFAULT_REQUEST_SETTINGS: RequestSettings = {
  waveSize: 3,
  waveMinutesUrgent: 10,
  waveMinutes: 60,
  expiryHours: 48,
  sosAlertSize: 5,
  sosWidenMinutes: 2,
  sosRounds: 3,
  sosJoinMinutes: 10,
};

const MINUTE = 60_000;

/** When the current wave of a request gives up waiting. */
export function waveDeadline(now: Date, urgent: boolean, settings: RequestSettings): Date {
  return new Date(now.getTime() + (urgent ? settings.waveMinutesUrgent : settings.waveMinutes) * MINUTE);
}

/** When an untaken request expires: `expiryHours` after it was asked, or after the time it was needed if later. */
export function expiryOf(createdAt: Date, neededAt: Date | null, settings: RequestSettings): Date {
  const base = neededAt && neededAt > createdAt ? neededAt : createdAt;
  return new Date(base.getTime() + settings.expiryHours * 60 * MINUTE);
}

/** Whether another SOS from the requester of `open` (raised at its `createdAt`) joins it instead of alerting again. */
export function joinsOpenSos(open: { category: HelpCategory; state: RequestState; createdAt: Date }, now: Date, settings: RequestSettings): boolean {
  const active = open.state === "open" || open.state === "assigned";
  return open.category === "sos" && active && now.getTime() - open.createdAt.getTime() < settings.sosJoinMinutes * MINUTE;
}

/** The number to call first for an emergency: fire 119, a missing person 110, anything with a body hurt 120. */
export function emergencyNumber(emergency: Emergency): "120" | "119" | "110" {
  return emergency === "fire" ? "119" : emergency === "missing" ? "110" : "120";
}

/** Whether a car helps (getting someone to hospital, searching for someone). */
export function carHelps(emergency: Emergency): boolean {
  return emergency !== "fire";
}

/** Whether help of this category is private: counted in weekly summaries, but its helpers are never named there. */
export function isPrivateCategory(category: HelpCategory): boolean {
  return category === "medical" || category === "childcare" || category === "care" || category === "sos";
}

/** Time-bank category of a finished request: B companionship, C emergency, A daily-life care for the rest. */
export function creditCategory(category: HelpCategory, urgent: boolean): "A" | "B" | "C" {
  if (category === "companionship") return "B";
  if (category === "sos" || (category === "medical" && urgent)) return "C";
  return "A";
}

/**
 * Minutes to credit for a finished request: what the person said ("/done 12 2小时"), else the time from acceptance
 * to done rounded up to a quarter hour, at least 15 minutes and at most 2 hours (the beneficiary confirms it later).
 */
export function creditMinutes(assignedAt: Date, now: Date, statedHours?: number): number {
  if (statedHours !== undefined && statedHours > 0) return Math.min(Math.round(statedHours * 60), 24 * 60);
  const elapsed = Math.ceil((now.getTime() - assignedAt.getTime()) / (15 * MINUTE)) * 15;
  return Math.min(Math.max(elapsed, 15), 120);
}

/** Local weekday and minute of `now` in a time zone, for quiet hours and availability. */
export function localTime(now: Date, timeZone: string): LocalTime {
  return { weekday: weekday(now, timeZone) || 7, minute: localMinute(now, timeZone) };
}
