/** Ports of the reports context: residents' reports of problems in the shared environment, their photos and history. */
import type { Lang } from "../../kernel/lang.ts";
import type { PhotoRef, Platform } from "../../kernel/platform.ts";
import type { ReportKind, ReportState } from "./domain/states.ts";

export type { ReportKind, ReportState } from "./domain/states.ts";

/** A new report (a duplicate points at the report it repeats). */
export interface NewReport {
  communityId: number;
  reporterId: number;
  chatId: number | null;
  buildingId: number | null;
  gridId: number | null;
  /** How people read the place, in Chinese (for exports); null when unknown. */
  place: string | null;
  placeKey: string | null;
  kind: ReportKind;
  description: string;
  duplicateOfId?: number | null;
}

/** A report as use cases see it. */
export interface ReportView {
  id: number;
  communityId: number;
  reporterId: number;
  reporterName: string;
  chatId: number | null;
  /** The chat it was reported in: the platform and language to tell people in. */
  chat: { platform: Platform; externalId: string; lang: Lang; kind: "group" | "private" } | null;
  buildingId: number | null;
  gridId: number | null;
  place: string | null;
  placeKey: string | null;
  kind: ReportKind;
  description: string;
  state: ReportState;
  stateNote: string | null;
  duplicateOfId: number | null;
  createdAt: Date;
  updatedAt: Date;
  resolvedAt: Date | null;
  /** How many people reported it: its reporter and those of its duplicates. */
  reporters: number;
}

/** One change in a report's history. */
export interface ReportUpdateView {
  state: ReportState;
  note: string | null;
  actorId: number | null;
  createdAt: Date;
}

/** Reports, their photos and their history. */
export interface Reports {
  open(report: NewReport): Promise<{ id: number }>;
  get(id: number): Promise<ReportView | null>;
  /** The active report (not a duplicate) of this kind at this place, oldest first, if any. */
  findActive(communityId: number, kind: ReportKind, placeKey: string): Promise<ReportView | null>;
  /** The person's latest report (a duplicate included) made in this chat since `since`. */
  latestBy(personId: number, chatId: number, since: Date): Promise<ReportView | null>;
  /** A building's key and grid. */
  building(buildingId: number): Promise<{ key: string; gridId: number | null } | null>;
  addPhoto(reportId: number, personId: number, photo: PhotoRef): Promise<void>;
  /** The photos of a report and of its duplicates, oldest first. */
  photos(reportId: number): Promise<PhotoRef[]>;
  /** The people who reported it (its reporter first, then those of its duplicates), each once. */
  reporters(reportId: number): Promise<number[]>;
  /** Change the state with its note, recording who did it; resolvedAt is set for fixed, closed and referred. */
  setState(reportId: number, state: Exclude<ReportState, "duplicate">, note: string | null, actorId: number | null): Promise<void>;
  /** Mark a report a duplicate of another: it and its own duplicates point at `ofId` from now on. */
  markDuplicate(reportId: number, ofId: number, note: string | null, actorId: number | null): Promise<void>;
  /** Active reports (no duplicates), oldest first: of these buildings, of these grids, or (both null) the community's. */
  active(communityId: number, scope: { buildingIds?: number[]; gridIds?: number[] }): Promise<ReportView[]>;
  /** Every report of a community that is not a duplicate, oldest first (Open311 export). */
  all(communityId: number): Promise<ReportView[]>;
  updates(reportId: number): Promise<ReportUpdateView[]>;
}
