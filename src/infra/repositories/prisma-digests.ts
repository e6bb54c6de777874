/**
 * The figures of weekly summaries and digests on Prisma. Every query is bounded by the span through an index
 * (requests by createdAt or closedAt, transfers by kind and createdAt, deeds and credits by chat), so a digest costs
 * the same in a community with three years of history as in a new one.
 */
import type { DigestFigures, Digests, GroupWeek, Span } from "../../features/digests/ports.ts";
import type { RequestState } from "../../features/requests/ports.ts";
import type { Tx } from "./tx.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import { ACTIVE_STATES } from "../../features/requests/domain/state-machine.ts";
import {
  type CheckinRecord,
  digestFigures,
  earliest,
  firstAcknowledgement,
  groupWeekOf,
  type RequestRecord,
  type TransferRecord,
} from "../../features/digests/domain/definitions.ts";

const ACTIVE = [...ACTIVE_STATES];
const REQUEST_FIELDS = { id: true, buildingId: true, chatId: true, category: true, state: true, createdAt: true, closedAt: true } as const;

/** Prisma implementation of `Digests`: reads the rows a span touches; `definitions.ts` says what they count for. */
export class PrismaDigests implements Digests {
  constructor(private readonly tx: Tx) {}

  async groupWeek(chatId: number, span: Span): Promise<GroupWeek> {
    const range = { gte: span.from, lt: span.to };
    const deeds = await this.tx.goodDeed.findMany({
      where: { chatId, createdAt: range },
      select: { helperId: true, kind: true, private: true, createdAt: true, helper: { select: { displayName: true, nameInSummary: true } } },
      orderBy: { id: "asc" },
    });
    const credits = await this.tx.pendingCredit.findMany({
      where: { chatId, state: "confirmed", decidedAt: range },
      select: { state: true, minutes: true, decidedAt: true, transfer: { select: { reversal: { select: { id: true } } } } },
    });
    const chat = await this.tx.chat.findUniqueOrThrow({ where: { id: chatId }, select: { communityId: true } });
    const requests = await this.tx.helpRequest.findMany({ where: { communityId: chat.communityId, closedAt: range, chatId, state: "done" }, select: REQUEST_FIELDS });
    const events = await this.tx.eventChat.findMany({ where: { chatId, event: { startsAt: range, state: { not: "cancelled" } } }, select: { event: { select: { state: true, startsAt: true } } } });
    const { buildingId } = await this.tx.chat.findUniqueOrThrow({ where: { id: chatId }, select: { buildingId: true } });
    const elders = buildingId === null ? [] : (await this.tx.person.findMany({ where: { buildingId }, select: { id: true } })).map((person) => person.id);
    const visits = elders.length ? await this.tx.visit.findMany({ where: { elderId: { in: elders }, state: "done", dueAt: range }, select: { state: true, dueAt: true } }) : [];
    return groupWeekOf(
      {
        deeds: deeds.map((deed) => ({ ...deed, helperName: deed.helper.displayName, nameInSummary: deed.helper.nameInSummary })),
        credits: credits.map((credit) => ({ ...credit, transfer: credit.transfer && { reversed: credit.transfer.reversal !== null } })),
        requests: requests.map((request) => toRecord(request, null)),
        events: events.map((one) => one.event),
        visits,
      },
      span,
    );
  }

  async figures(communityId: number, gridIds: number[] | null, span: Span): Promise<DigestFigures> {
    const buildings = await this.tx.building.findMany({ where: { communityId }, select: { id: true, gridId: true } });
    const grids = await this.tx.grid.findMany({ where: { communityId }, select: { id: true, name: true }, orderBy: { id: "asc" } });
    const range = { gte: span.from, lt: span.to };
    const notSos = { not: "sos" };

    // The requests the span touches: made in it, open at its end (still open, or closed only after it), expired in
    // it, and its SOS alerts. Related rows are read with a join on the same bounds, never as an IN list of ids
    // (SQLite caps parameters).
    const wheres: Prisma.HelpRequestWhereInput[] = [
      { communityId, createdAt: range, category: notSos },
      { communityId, state: { in: ACTIVE }, createdAt: { lt: span.to }, category: notSos },
      { communityId, closedAt: { gte: span.to }, createdAt: { lt: span.to }, category: notSos },
      { communityId, closedAt: range, state: "expired" },
    ];
    const requests = new Map<number, RequestRecord>();
    for (const where of wheres) {
      const rows = await this.tx.helpRequest.findMany({ where, select: REQUEST_FIELDS });
      const first = await this.firstAssignments(where);
      for (const row of rows) requests.set(row.id, toRecord(row, first.get(row.id) ?? null));
    }
    const alerts = await this.tx.helpRequest.findMany({ where: { communityId, createdAt: range, category: "sos" }, select: REQUEST_FIELDS });
    const acks = await this.tx.requestPing.findMany({
      where: { state: "accepted", request: { communityId, createdAt: range, category: "sos" } },
      select: { requestId: true, state: true, answeredAt: true },
    });
    for (const alert of alerts) {
      const record = toRecord(alert, null);
      record.firstAcknowledgedAt = firstAcknowledgement(acks.filter((ack) => ack.requestId === alert.id));
      requests.set(alert.id, record);
    }

    // Every report made before the span ended: one waiting since long ago is the oldest open.
    const reports = await this.tx.report.findMany({
      where: { communityId, createdAt: { lt: span.to } },
      select: { id: true, state: true, kind: true, gridId: true, duplicateOfId: true, createdAt: true, resolvedAt: true },
    });
    const mediations = await this.tx.mediationCase.findMany({ where: { communityId, createdAt: range }, select: { state: true, kind: true, gridId: true, createdAt: true } });
    const checkinDays = await this.tx.checkinDay.findMany({
      where: { person: { communityId }, createdAt: range },
      select: { personId: true, date: true, state: true, late: true, createdAt: true, person: { select: { displayName: true, buildingId: true } } },
      orderBy: [{ personId: "asc" }, { date: "asc" }],
    });
    const checkins = new Map<number, CheckinRecord>();
    for (const day of checkinDays) {
      const record = checkins.get(day.personId) ?? { name: day.person.displayName, buildingId: day.person.buildingId, days: [] };
      record.days.push({ date: day.date, at: day.createdAt, state: day.state as CheckinRecord["days"][number]["state"], late: day.late });
      checkins.set(day.personId, record);
    }
    return digestFigures(
      {
        grids,
        gridOf: new Map(buildings.map((building) => [building.id, building.gridId])),
        requests: [...requests.values()],
        reports,
        mediations,
        transfers: await this.transfers(communityId, range),
        checkins: [...checkins.values()],
      },
      gridIds,
      span,
    );
  }

  /** The first assignment of each request matching `where`, by request id. */
  private async firstAssignments(where: Prisma.HelpRequestWhereInput): Promise<Map<number, Date>> {
    const rows = await this.tx.requestAssignment.findMany({ where: { request: where }, select: { requestId: true, assignedAt: true } });
    const first = new Map<number, Date>();
    for (const row of rows) first.set(row.requestId, earliest([first.get(row.requestId) ?? null, row.assignedAt])!);
    return first;
  }

  /** Credits and reversals of the span, with the person of each entry's account. */
  private async transfers(communityId: number, range: { gte: Date; lt: Date }): Promise<TransferRecord[]> {
    const where = { communityId, kind: { in: ["credit", "reversal"] }, createdAt: range };
    const transfers = await this.tx.ledgerTransfer.findMany({ where, select: { id: true, kind: true, category: true, createdAt: true } });
    const entries = await this.tx.ledgerEntry.findMany({ where: { transfer: where }, select: { transferId: true, accountId: true, minutes: true } });
    const accounts = await this.tx.timeAccount.findMany({ where: { communityId, kind: "person" }, select: { id: true, personId: true } });
    const people = await this.tx.person.findMany({ where: { communityId }, select: { id: true, displayName: true, buildingId: true } });
    const personOf = new Map(accounts.map((account) => [account.id, account.personId]));
    const personById = new Map(people.map((person) => [person.id, { id: person.id, name: person.displayName, buildingId: person.buildingId }]));
    const entriesOf = new Map<number, TransferRecord["entries"]>();
    for (const entry of entries) {
      const person = personById.get(personOf.get(entry.accountId) ?? -1) ?? null;
      entriesOf.set(entry.transferId, [...(entriesOf.get(entry.transferId) ?? []), { minutes: entry.minutes, person }]);
    }
    return transfers.map((transfer) => ({ ...transfer, entries: entriesOf.get(transfer.id) ?? [] }));
  }
}

function toRecord(
  row: { id: number; buildingId: number | null; chatId: number | null; category: string; state: string; createdAt: Date; closedAt: Date | null },
  firstAssignedAt: Date | null,
): RequestRecord {
  return { ...row, state: row.state as RequestState, firstAssignedAt };
}
