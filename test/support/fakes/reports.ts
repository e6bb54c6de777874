/** Reports, their photos and history in memory. */
import type { NewReport, ReportKind, ReportState, ReportUpdateView, ReportView, Reports } from "../../../src/features/reports/ports.ts";
import type { PhotoRef } from "../../../src/kernel/platform.ts";
import type { FakeState, ReportRow } from "./state.ts";
import { isActive } from "../../../src/features/reports/domain/states.ts";
import { insert, must } from "./state.ts";

const RESOLVING: readonly string[] = ["fixed", "closed", "referred"];

/** In-memory `Reports`. */
export class FakeReports implements Reports {
  constructor(private readonly state: FakeState, private readonly now: Date) {}

  async open(report: NewReport): Promise<{ id: number }> {
    const state = report.duplicateOfId ? "duplicate" : "open";
    const row = insert(this.state, "reports", { ...report, duplicateOfId: report.duplicateOfId ?? null, state, stateNote: null, createdAt: this.now, updatedAt: this.now, resolvedAt: null });
    insert(this.state, "reportUpdates", { reportId: row.id, actorId: report.reporterId, state, note: null, createdAt: this.now });
    return { id: row.id };
  }

  async get(id: number): Promise<ReportView | null> {
    const row = this.state.reports.find((each) => each.id === id);
    return row ? this.#view(row) : null;
  }

  async findActive(communityId: number, kind: ReportKind, placeKey: string): Promise<ReportView | null> {
    const row = this.state.reports.find((each) => each.communityId === communityId && each.kind === kind && each.placeKey === placeKey && each.duplicateOfId === null && isActive(each.state));
    return row ? this.#view(row) : null;
  }

  async latestBy(personId: number, chatId: number, since: Date): Promise<ReportView | null> {
    const row = this.state.reports.filter((each) => each.reporterId === personId && each.chatId === chatId && each.createdAt >= since).at(-1);
    return row ? this.#view(row) : null;
  }

  async building(buildingId: number): Promise<{ key: string; gridId: number | null } | null> {
    const row = this.state.buildings.find((each) => each.id === buildingId);
    return row ? { key: row.key, gridId: row.gridId } : null;
  }

  async addPhoto(reportId: number, personId: number, photo: PhotoRef): Promise<void> {
    insert(this.state, "reportPhotos", { reportId, personId, platform: photo.platform, ref: photo.ref, createdAt: this.now });
  }

  async photos(reportId: number): Promise<PhotoRef[]> {
    const ids = new Set(this.#family(reportId).map((row) => row.id));
    return this.state.reportPhotos.filter((row) => ids.has(row.reportId)).map((row) => ({ platform: row.platform, ref: row.ref }));
  }

  async reporters(reportId: number): Promise<number[]> {
    return [...new Set(this.#family(reportId).map((row) => row.reporterId))];
  }

  async setState(reportId: number, state: Exclude<ReportState, "duplicate">, note: string | null, actorId: number | null): Promise<void> {
    const row = must(this.state.reports.find((each) => each.id === reportId), `report ${reportId}`);
    Object.assign(row, { state, stateNote: note, updatedAt: this.now, resolvedAt: RESOLVING.includes(state) ? this.now : null });
    insert(this.state, "reportUpdates", { reportId, actorId, state, note, createdAt: this.now });
  }

  async markDuplicate(reportId: number, ofId: number, note: string | null, actorId: number | null): Promise<void> {
    for (const row of this.state.reports) if (row.duplicateOfId === reportId) Object.assign(row, { duplicateOfId: ofId, updatedAt: this.now });
    const row = must(this.state.reports.find((each) => each.id === reportId), `report ${reportId}`);
    Object.assign(row, { state: "duplicate", duplicateOfId: ofId, stateNote: note, updatedAt: this.now, resolvedAt: this.now });
    insert(this.state, "reportUpdates", { reportId, actorId, state: "duplicate", note: note ?? `#${ofId}`, createdAt: this.now });
  }

  async active(communityId: number, scope: { buildingIds?: number[]; gridIds?: number[] }): Promise<ReportView[]> {
    return this.state.reports
      .filter((row) => row.communityId === communityId && row.duplicateOfId === null && isActive(row.state))
      .filter((row) => !scope.buildingIds || (row.buildingId !== null && scope.buildingIds.includes(row.buildingId)))
      .filter((row) => !scope.gridIds || (row.gridId !== null && scope.gridIds.includes(row.gridId)))
      .map((row) => this.#view(row));
  }

  async all(communityId: number): Promise<ReportView[]> {
    return this.state.reports.filter((row) => row.communityId === communityId && row.duplicateOfId === null).map((row) => this.#view(row));
  }

  async updates(reportId: number): Promise<ReportUpdateView[]> {
    return this.state.reportUpdates
      .filter((row) => row.reportId === reportId)
      .map((row) => ({ state: row.state as ReportState, note: row.note, actorId: row.actorId, createdAt: row.createdAt }));
  }

  /** A report and its duplicates. */
  #family(reportId: number): ReportRow[] {
    return this.state.reports.filter((row) => row.id === reportId || row.duplicateOfId === reportId);
  }

  #view(row: ReportRow): ReportView {
    const chat = this.state.chats.find((each) => each.id === row.chatId);
    return {
      ...row,
      reporterName: must(this.state.people.find((each) => each.id === row.reporterId), `person ${row.reporterId}`).displayName,
      chat: chat ? { platform: chat.platform, externalId: chat.externalId, lang: chat.locale === "en" ? "en" : "zh-CN", kind: chat.kind } : null,
      kind: row.kind as ReportKind,
      state: row.state as ReportState,
      reporters: row.duplicateOfId === null ? new Set(this.#family(row.id).map((each) => each.reporterId)).size : 1,
    };
  }
}
