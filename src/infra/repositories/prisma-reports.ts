/** Reports, their photos and history on Prisma. */
import type { NewReport, ReportKind, ReportState, ReportUpdateView, ReportView, Reports } from "../../features/reports/ports.ts";
import type { PhotoRef, Platform } from "../../kernel/platform.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import type { Tx } from "./tx.ts";
import { ACTIVE_STATES } from "../../features/reports/domain/states.ts";

const ACTIVE = [...ACTIVE_STATES];
const RESOLVING: readonly string[] = ["fixed", "closed", "referred"];

const INCLUDE = { reporter: { select: { displayName: true } } } as const;
type Row = Prisma.ReportGetPayload<{ include: typeof INCLUDE }>;

/** Prisma implementation of `Reports`. */
export class PrismaReports implements Reports {
  constructor(private readonly tx: Tx, private readonly now: Date) {}

  async open(report: NewReport): Promise<{ id: number }> {
    const state = report.duplicateOfId ? "duplicate" : "open";
    const row = await this.tx.report.create({
      data: { ...report, duplicateOfId: report.duplicateOfId ?? null, state, createdAt: this.now, updatedAt: this.now },
      select: { id: true },
    });
    await this.tx.reportUpdate.create({ data: { reportId: row.id, actorId: report.reporterId, state, createdAt: this.now } });
    return row;
  }

  async get(id: number): Promise<ReportView | null> {
    const row = await this.tx.report.findUnique({ where: { id }, include: INCLUDE });
    return row && (await this.#views([row]))[0]!;
  }

  async findActive(communityId: number, kind: ReportKind, placeKey: string): Promise<ReportView | null> {
    const row = await this.tx.report.findFirst({ where: { communityId, kind, placeKey, state: { in: ACTIVE }, duplicateOfId: null }, orderBy: { id: "asc" }, include: INCLUDE });
    return row && (await this.#views([row]))[0]!;
  }

  async latestBy(personId: number, chatId: number, since: Date): Promise<ReportView | null> {
    const row = await this.tx.report.findFirst({ where: { reporterId: personId, chatId, createdAt: { gte: since } }, orderBy: { id: "desc" }, include: INCLUDE });
    return row && (await this.#views([row]))[0]!;
  }

  async building(buildingId: number): Promise<{ key: string; gridId: number | null } | null> {
    return this.tx.building.findUnique({ where: { id: buildingId }, select: { key: true, gridId: true } });
  }

  async addPhoto(reportId: number, personId: number, photo: PhotoRef): Promise<void> {
    await this.tx.reportPhoto.create({ data: { reportId, personId, platform: photo.platform, ref: photo.ref, createdAt: this.now } });
  }

  async photos(reportId: number): Promise<PhotoRef[]> {
    const rows = await this.tx.reportPhoto.findMany({ where: { OR: [{ reportId }, { report: { duplicateOfId: reportId } }] }, orderBy: { id: "asc" } });
    return rows.map((row) => ({ platform: row.platform as Platform, ref: row.ref }));
  }

  async reporters(reportId: number): Promise<number[]> {
    const rows = await this.tx.report.findMany({ where: { OR: [{ id: reportId }, { duplicateOfId: reportId }] }, orderBy: { id: "asc" }, select: { reporterId: true } });
    return [...new Set(rows.map((row) => row.reporterId))];
  }

  async setState(reportId: number, state: Exclude<ReportState, "duplicate">, note: string | null, actorId: number | null): Promise<void> {
    const resolvedAt = RESOLVING.includes(state) ? this.now : null;
    await this.tx.report.update({ where: { id: reportId }, data: { state, stateNote: note, updatedAt: this.now, resolvedAt } });
    await this.tx.reportUpdate.create({ data: { reportId, actorId, state, note, createdAt: this.now } });
  }

  async markDuplicate(reportId: number, ofId: number, note: string | null, actorId: number | null): Promise<void> {
    await this.tx.report.updateMany({ where: { duplicateOfId: reportId }, data: { duplicateOfId: ofId, updatedAt: this.now } });
    await this.tx.report.update({ where: { id: reportId }, data: { state: "duplicate", duplicateOfId: ofId, stateNote: note, updatedAt: this.now, resolvedAt: this.now } });
    await this.tx.reportUpdate.create({ data: { reportId, actorId, state: "duplicate", note: note ?? `#${ofId}`, createdAt: this.now } });
  }

  async active(communityId: number, scope: { buildingIds?: number[]; gridIds?: number[] }): Promise<ReportView[]> {
    const rows = await this.tx.report.findMany({
      where: {
        communityId,
        state: { in: ACTIVE },
        duplicateOfId: null,
        ...(scope.buildingIds ? { buildingId: { in: scope.buildingIds } } : {}),
        ...(scope.gridIds ? { gridId: { in: scope.gridIds } } : {}),
      },
      orderBy: { id: "asc" },
      include: INCLUDE,
    });
    return this.#views(rows);
  }

  async all(communityId: number): Promise<ReportView[]> {
    return this.#views(await this.tx.report.findMany({ where: { communityId, duplicateOfId: null }, orderBy: { id: "asc" }, include: INCLUDE }));
  }

  async updates(reportId: number): Promise<ReportUpdateView[]> {
    const rows = await this.tx.reportUpdate.findMany({ where: { reportId }, orderBy: { id: "asc" } });
    return rows.map((row) => ({ state: row.state as ReportState, note: row.note, actorId: row.actorId, createdAt: row.createdAt }));
  }

  async #views(rows: Row[]): Promise<ReportView[]> {
    const chatIds = [...new Set(rows.flatMap((row) => (row.chatId === null ? [] : [row.chatId])))];
    const chats = new Map(
      (chatIds.length ? await this.tx.chat.findMany({ where: { id: { in: chatIds } }, select: { id: true, platform: true, externalId: true, locale: true, kind: true } }) : []).map((chat) => [chat.id, chat]),
    );
    const reporters = rows.length ? await this.#reporterCounts(rows.map((row) => row.id)) : new Map<number, number>();
    return rows.map((row) => {
      const chat = row.chatId === null ? undefined : chats.get(row.chatId);
      return {
        id: row.id,
        communityId: row.communityId,
        reporterId: row.reporterId,
        reporterName: row.reporter.displayName,
        chatId: row.chatId,
        chat: chat
          ? { platform: chat.platform as Platform, externalId: chat.externalId, lang: chat.locale === "en" ? "en" : "zh-CN", kind: chat.kind === "private" ? "private" : "group" }
          : null,
        buildingId: row.buildingId,
        gridId: row.gridId,
        place: row.place,
        placeKey: row.placeKey,
        kind: (row.kind ?? "other") as ReportKind,
        description: row.description,
        state: row.state as ReportState,
        stateNote: row.stateNote,
        duplicateOfId: row.duplicateOfId,
        createdAt: row.createdAt,
        updatedAt: row.updatedAt,
        resolvedAt: row.resolvedAt,
        reporters: reporters.get(row.id) ?? 1,
      };
    });
  }

  /** How many different people reported each report (its reporter and its duplicates'). */
  async #reporterCounts(ids: number[]): Promise<Map<number, number>> {
    const rows = await this.tx.report.findMany({ where: { OR: [{ id: { in: ids } }, { duplicateOfId: { in: ids } }] }, select: { id: true, duplicateOfId: true, reporterId: true } });
    const people = new Map<number, Set<number>>();
    for (const row of rows) {
      const head = row.duplicateOfId ?? row.id;
      if (!ids.includes(head)) continue;
      const set = people.get(head) ?? new Set<number>();
      set.add(row.reporterId);
      people.set(head, set);
    }
    return new Map([...people].map(([id, set]) => [id, set.size]));
  }
}
