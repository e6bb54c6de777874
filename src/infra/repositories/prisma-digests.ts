/**
 * The figures of weekly summaries and digests on Prisma. Every query is bounded by the span through an index
 * (requests by createdAt or closedAt, transfers by kind and createdAt, deeds and credits by chat), so a digest costs
 * the same in a community with three years of history as in a new one.
 */
import type { DigestFigures, Digests, GridFigures, GroupWeek, Span } from "../../features/digests/ports.ts";
import type { Tx } from "./tx.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import { median } from "../../features/digests/domain/figures.ts";

const DAY_MS = 24 * 60 * 60 * 1000;
const ACTIVE = ["open", "assigned"];

/** Prisma implementation of `Digests`. */
export class PrismaDigests implements Digests {
  constructor(private readonly tx: Tx) {}

  async groupWeek(chatId: number, span: Span): Promise<GroupWeek> {
    const range = { gte: span.from, lt: span.to };
    const deeds = await this.tx.goodDeed.findMany({
      where: { chatId, createdAt: range },
      select: { helperId: true, kind: true, private: true, helper: { select: { displayName: true, nameInSummary: true } } },
      orderBy: { id: "asc" },
    });
    // Hours of credits confirmed in the span and not reversed since.
    const credits = await this.tx.pendingCredit.aggregate({ where: { chatId, state: "confirmed", decidedAt: range, transfer: { reversal: { is: null } } }, _sum: { minutes: true } });
    const chat = await this.tx.chat.findUniqueOrThrow({ where: { id: chatId }, select: { communityId: true } });
    const requestsResolved = await this.tx.helpRequest.count({ where: { communityId: chat.communityId, closedAt: range, chatId, state: "done" } });
    const eventsHeld = await this.tx.eventChat.count({ where: { chatId, event: { startsAt: range, state: { not: "cancelled" } } } });
    const helpers = new Map<number, GroupWeek["helpers"][number]>();
    for (const deed of deeds) {
      const known = helpers.get(deed.helperId) ?? { personId: deed.helperId, name: deed.helper.displayName, nameable: false };
      // Named only for a deed the group may hear of, and only if they allow it.
      known.nameable ||= !deed.private && deed.helper.nameInSummary;
      helpers.set(deed.helperId, known);
    }
    return {
      helpers: [...helpers.values()],
      minutes: credits._sum.minutes ?? 0,
      requestsResolved,
      eventsHeld,
      thanks: deeds.filter((deed) => deed.kind === "thanks").length,
    };
  }

  async figures(communityId: number, gridIds: number[] | null, span: Span): Promise<DigestFigures> {
    const buildings = await this.tx.building.findMany({ where: { communityId }, select: { id: true, gridId: true } });
    const grids = await this.tx.grid.findMany({ where: { communityId, ...(gridIds ? { id: { in: gridIds } } : {}) }, select: { id: true, name: true }, orderBy: { id: "asc" } });
    const gridOf = new Map(buildings.map((building) => [building.id, building.gridId]));
    const inScope = (buildingId: number | null) => gridIds === null || (buildingId !== null && gridIds.includes(gridOf.get(buildingId) ?? -1));
    const figures = new Map<number | null, GridFigures>(grids.map((grid) => [grid.id, emptyGrid(grid.id, grid.name)]));
    const gridFigures = (buildingId: number | null) => {
      const gridId = buildingId === null ? null : (gridOf.get(buildingId) ?? null);
      if (!figures.has(gridId)) figures.set(gridId, emptyGrid(gridId, ""));
      return figures.get(gridId)!;
    };
    const range = { gte: span.from, lt: span.to };
    const notSos = { not: "sos" };

    // Related rows are read with a join on the same bounds, never as an IN list of ids (SQLite caps parameters).
    const made = await this.tx.helpRequest.findMany({ where: { communityId, createdAt: range, category: notSos }, select: { id: true, buildingId: true, createdAt: true } });
    const firstAccepted = await this.firstAssignments({ communityId, createdAt: range, category: notSos });
    const waits = new Map<GridFigures, number[]>();
    for (const request of made.filter((one) => inScope(one.buildingId))) {
      const grid = gridFigures(request.buildingId);
      grid.newRequests += 1;
      const first = firstAccepted.get(request.id);
      if (first) waits.set(grid, [...(waits.get(grid) ?? []), (first.getTime() - request.createdAt.getTime()) / 60000]);
    }
    for (const [grid, minutes] of waits) grid.medianFirstAcceptMinutes = median(minutes);

    // Open at the end of the span: still open now, or closed only after it.
    const openWhere = [
      { communityId, state: { in: ACTIVE }, createdAt: { lt: span.to }, category: notSos },
      { communityId, closedAt: { gte: span.to }, createdAt: { lt: span.to }, category: notSos },
    ];
    for (const where of openWhere) {
      const open = await this.tx.helpRequest.findMany({ where, select: { id: true, buildingId: true, createdAt: true } });
      const taken = await this.firstAssignments(where);
      for (const request of open.filter((one) => inScope(one.buildingId))) {
        const grid = gridFigures(request.buildingId);
        grid.open += 1;
        const at = taken.get(request.id);
        if (request.createdAt.getTime() <= span.to.getTime() - DAY_MS && !(at && at < span.to)) grid.stale += 1;
      }
    }
    const expired = await this.tx.helpRequest.findMany({ where: { communityId, closedAt: range, state: "expired" }, select: { buildingId: true } });
    for (const request of expired.filter((one) => inScope(one.buildingId))) gridFigures(request.buildingId).expired += 1;

    const alerts = (await this.tx.helpRequest.findMany({ where: { communityId, createdAt: range, category: "sos" }, select: { id: true, buildingId: true, createdAt: true } })).filter((one) =>
      inScope(one.buildingId),
    );
    const acks = await this.tx.requestPing.findMany({
      where: { state: "accepted", request: { communityId, createdAt: range, category: "sos" } },
      select: { requestId: true, answeredAt: true },
    });
    const firstAck = new Map<number, Date>();
    for (const ack of acks) {
      const known = firstAck.get(ack.requestId);
      if (ack.answeredAt && (!known || ack.answeredAt < known)) firstAck.set(ack.requestId, ack.answeredAt);
    }
    const ackSeconds = alerts.flatMap((alert) => {
      const at = firstAck.get(alert.id);
      return at ? [(at.getTime() - alert.createdAt.getTime()) / 1000] : [];
    });

    const reports = await this.tx.report.findMany({ where: { communityId, createdAt: range }, select: { state: true, buildingId: true } });
    const mediations = await this.tx.mediationCase.groupBy({ by: ["state"], where: { communityId, createdAt: range }, _count: { _all: true } });

    const { minutesByCategory, topHelpers } = await this.hours(communityId, range, inScope);
    const enrolments = await this.tx.checkinEnrolment.findMany({
      where: { active: true, person: { communityId }, createdAt: { lt: span.to }, OR: [{ lastCheckinAt: null }, { lastCheckinAt: { lt: new Date(span.to.getTime() - DAY_MS) } }] },
      select: { createdAt: true, lastCheckinAt: true, person: { select: { buildingId: true } } },
    });
    return {
      grids: [...figures.values()],
      sos: {
        alerts: alerts.length,
        acknowledged: ackSeconds.length,
        medianAckSeconds: median(ackSeconds),
        slowestAckSeconds: ackSeconds.length ? Math.max(...ackSeconds) : null,
      },
      reports: countBy(reports.filter((report) => inScope(report.buildingId)).map((report) => report.state)),
      mediations: Object.fromEntries(mediations.map((row) => [row.state, row._count._all])),
      minutesByCategory,
      topHelpers,
      lapsedCheckins: enrolments.filter((one) => inScope(one.person.buildingId) && one.createdAt.getTime() <= span.to.getTime() - DAY_MS).length,
    };
  }

  /** The first assignment of each request matching `where`, by request id. */
  private async firstAssignments(where: Prisma.HelpRequestWhereInput): Promise<Map<number, Date>> {
    const rows = await this.tx.requestAssignment.findMany({ where: { request: where }, select: { requestId: true, assignedAt: true } });
    const first = new Map<number, Date>();
    for (const row of rows) {
      const known = first.get(row.requestId);
      if (!known || row.assignedAt < known) first.set(row.requestId, row.assignedAt);
    }
    return first;
  }

  /** Minutes credited by category and the top helpers: credits add, reversals of credits subtract. */
  private async hours(communityId: number, range: { gte: Date; lt: Date }, inScope: (buildingId: number | null) => boolean) {
    const where = { communityId, kind: { in: ["credit", "reversal"] }, createdAt: range };
    const transfers = await this.tx.ledgerTransfer.findMany({ where, select: { id: true, kind: true, category: true } });
    const entries = await this.tx.ledgerEntry.findMany({ where: { transfer: where }, select: { transferId: true, accountId: true, minutes: true } });
    const accounts = await this.tx.timeAccount.findMany({ where: { communityId, kind: "person" }, select: { id: true, personId: true } });
    const people = await this.tx.person.findMany({ where: { communityId }, select: { id: true, displayName: true, buildingId: true } });
    const personOf = new Map(accounts.map((account) => [account.id, account.personId]));
    const personById = new Map(people.map((person) => [person.id, person]));
    const entriesOf = new Map<number, typeof entries>();
    for (const entry of entries) entriesOf.set(entry.transferId, [...(entriesOf.get(entry.transferId) ?? []), entry]);
    const minutesByCategory: Record<string, number> = {};
    const byHelper = new Map<number, { name: string; minutes: number }>();
    for (const transfer of transfers) {
      if (transfer.category === null) continue; // a reversal of a transfer or donation
      const sign = transfer.kind === "credit" ? 1 : -1;
      // The helper's side: what a credit paid in (and its reversal took back).
      const helper = entriesOf.get(transfer.id)?.find((entry) => entry.minutes * sign > 0);
      const person = helper && personById.get(personOf.get(helper.accountId) ?? -1);
      if (!helper || !person || !inScope(person.buildingId)) continue;
      minutesByCategory[transfer.category] = (minutesByCategory[transfer.category] ?? 0) + helper.minutes;
      const known = byHelper.get(person.id) ?? { name: person.displayName, minutes: 0 };
      known.minutes += helper.minutes;
      byHelper.set(person.id, known);
    }
    const topHelpers = [...byHelper.values()].filter((one) => one.minutes > 0).sort((a, b) => b.minutes - a.minutes || a.name.localeCompare(b.name)).slice(0, 5);
    return { minutesByCategory, topHelpers };
  }
}

function emptyGrid(gridId: number | null, gridName: string): GridFigures {
  return { gridId, gridName, newRequests: 0, open: 0, stale: 0, expired: 0, medianFirstAcceptMinutes: null };
}

function countBy(values: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}
