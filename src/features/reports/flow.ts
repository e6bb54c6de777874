/**
 * What every report use case shares: who looks after a report (its grid's captains, else the coordinators), telling
 * them and its reporters privately, the settings, and the photo a resident sent just before reporting.
 */
import type { Lang } from "../../kernel/lang.ts";
import type { OutboundMessage, PhotoRef } from "../../kernel/platform.ts";
import type { ChatOfOrigin } from "../../app/shared/tell.ts";
import type { ReportRepos } from "./repos.ts";
import type { ReportView } from "./ports.ts";
import type { ReportLabel } from "./texts.ts";
import { tell } from "../../app/shared/tell.ts";
import { placeLabel } from "./domain/place.ts";

/** The reports' settings. */
export interface ReportSettings {
  /** A report still open this many days reminds its captain; twice this, the coordinators hear of it. */
  remindDays: number;
}

/** The default settings (REPORT_REMIND_DAYS). */
export const DEFAULT_REPORT_SETTINGS: ReportSettings = { remindDays: 7 };

/** How long before or after a report a photo from the same person in the same chat belongs to it. */
export const PHOTO_WINDOW_MS = 3 * 60_000;

/** The job that reminds the captain (round 1) and then the coordinators (round 2) of a report still open. */
export const REMIND_JOB = "report.remind";

/** The people who look after a report: its grid's captains, else the community's coordinators. */
export async function caretakersOf(
  repos: Pick<ReportRepos, "people">,
  report: { gridId: number | null; communityId: number },
): Promise<{ people: number[]; role: "captain" | "coordinator" | "nobody" }> {
  const captains = report.gridId === null ? [] : await repos.people.captainsOf(report.gridId);
  if (captains.length) return { people: captains, role: "captain" };
  const coordinators = await repos.people.coordinatorsOf(report.communityId);
  return { people: coordinators, role: coordinators.length ? "coordinator" : "nobody" };
}

/** Where a report came from, for telling people about it (its platform and language first). */
export function originOf(report: Pick<ReportView, "chat" | "chatId">): ChatOfOrigin {
  return { chat: report.chat, chatId: report.chatId };
}

/** The report as texts name it, its place in `lang`. */
export function labelOf(report: Pick<ReportView, "id" | "kind" | "placeKey" | "duplicateOfId">, lang: Lang): ReportLabel {
  return { id: report.duplicateOfId ?? report.id, kind: report.kind, place: placeLabel(report.placeKey, lang) };
}

/** Tell each of these people privately; how many could be told. */
export async function tellEach(
  repos: Pick<ReportRepos, "people" | "outboxes">,
  people: number[],
  report: Pick<ReportView, "chat" | "chatId">,
  message: (lang: Lang) => OutboundMessage | string,
): Promise<number> {
  let told = 0;
  for (const person of people) if (await tell(repos, person, originOf(report), message)) told += 1;
  return told;
}

/** The key of the photo a person last sent in a chat, kept a few minutes for a report that may follow it. */
export function recentPhotoKey(platform: string, chatId: string, senderId: string): string {
  return `photo:${platform}:${chatId}:${senderId}`;
}

/** A photo kept under `recentPhotoKey`. */
export interface RecentPhoto {
  photo: PhotoRef;
  at: string;
}

/** The photo a person sent in a chat within the window before `now`, taken (forgotten once used); else undefined. */
export async function takeRecentPhoto(repos: Pick<ReportRepos, "states">, key: string, now: Date): Promise<PhotoRef | undefined> {
  const value = await repos.states.get(key);
  if (!value) return undefined;
  await repos.states.delete([key]);
  const recent = JSON.parse(value) as RecentPhoto;
  return now.getTime() - new Date(recent.at).getTime() <= PHOTO_WINDOW_MS ? recent.photo : undefined;
}

/** A message with a photo when there is one. */
export function withPhoto(text: string, photo: PhotoRef | undefined, extra: Partial<OutboundMessage> = {}): OutboundMessage {
  return { text, ...extra, ...(photo ? { photo } : {}) };
}
