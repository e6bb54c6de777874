/** Help requests, pings and assignments on Prisma. */
import type { Candidate } from "../../features/requests/domain/rank-volunteers.ts";
import type {
  HelpCategory,
  HelpRequests,
  HelpRequestView,
  NewHelpRequest,
  PingView,
  RequestState,
} from "../../features/requests/ports.ts";
import type { Tx } from "./tx.ts";
import type { Platform } from "../../chat/types.ts";
import { ACTIVE_STATES, assignmentOnClose, closingMove, fromStates, reliabilityOf, stateAfter, WAITING_PING } from "../../features/requests/domain/state-machine.ts";

const DAY_MS = 24 * 60 * 60 * 1000;
const ACTIVE = [...ACTIVE_STATES];
const VIEW_INCLUDE = {
  requester: { select: { displayName: true } },
  building: { select: { gridId: true, name: true } },
  chat: { select: { platform: true, externalId: true, locale: true, kind: true } },
  assignments: { where: { state: "active" }, include: { volunteer: { select: { displayName: true } } } },
} as const;

/** Prisma implementation of `HelpRequests`. */
export class PrismaHelpRequests implements HelpRequests {
  constructor(private readonly tx: Tx, private readonly now: Date) {}

  async open(request: NewHelpRequest): Promise<{ id: number }> {
    return this.tx.helpRequest.create({
      data: { ...request, neededAt: request.neededAt ?? null, place: request.place ?? null, createdAt: this.now },
      select: { id: true },
    });
  }

  async get(id: number): Promise<HelpRequestView | null> {
    const row = await this.tx.helpRequest.findUnique({ where: { id }, include: VIEW_INCLUDE });
    return row && toView(row);
  }

  async candidates(communityId: number): Promise<Candidate[]> {
    const dayAgo = new Date(this.now.getTime() - DAY_MS);
    const weekAgo = new Date(this.now.getTime() - 7 * DAY_MS);
    // Profiles with their place, then the last week's pings; reliability comes from counters kept on the profile, so
    // ranking never scans the whole ping history (bench/request-figures.ts measures this at 1,000 volunteers).
    const profiles = await this.tx.$queryRaw<CandidateRow[]>`
      SELECT v."personId", p."communityId", p."buildingId", b."gridId", v."skills", v."items", v."hasCar", v."firstAid",
             v."medicalTraining", v."verified", v."quietFrom", v."quietTo", v."availability", v."maxPingsPerDay",
             v."pingsAccepted", v."pingsMissed"
      FROM "VolunteerProfile" v
      JOIN "Person" p ON p."id" = v."personId"
      LEFT JOIN "Building" b ON b."id" = p."buildingId"
      WHERE v."active" = ${true}`;
    const recent = await this.tx.$queryRaw<Array<{ volunteerId: number | bigint; today: number | bigint; week: number | bigint }>>`
      SELECT "volunteerId", SUM(CASE WHEN "sentAt" >= ${dayAgo} THEN 1 ELSE 0 END) AS "today", COUNT(*) AS "week"
      FROM "RequestPing" WHERE "sentAt" >= ${weekAgo} GROUP BY "volunteerId"`;
    const open = await this.tx.requestAssignment.groupBy({ by: ["volunteerId"], where: { state: "active" }, _count: { _all: true } });
    const pings = new Map(recent.map((row) => [Number(row.volunteerId), { today: Number(row.today), week: Number(row.week) }]));
    const assignments = new Map(open.map((row) => [row.volunteerId, row._count._all]));
    const rows = profiles.filter((row) => Number(row.communityId) === communityId);
    return rows.map((row) => ({
      personId: Number(row.personId),
      buildingId: row.buildingId === null ? null : Number(row.buildingId),
      gridId: row.gridId === null ? null : Number(row.gridId),
      active: true,
      skills: JSON.parse(row.skills) as string[],
      items: JSON.parse(row.items) as string[],
      hasCar: Boolean(row.hasCar),
      firstAid: Boolean(row.firstAid),
      medicalTraining: Boolean(row.medicalTraining),
      verified: Boolean(row.verified),
      quietFrom: row.quietFrom === null ? null : Number(row.quietFrom),
      quietTo: row.quietTo === null ? null : Number(row.quietTo),
      availability: JSON.parse(row.availability) as Candidate["availability"],
      maxPingsPerDay: Number(row.maxPingsPerDay),
      pingsToday: pings.get(Number(row.personId))?.today ?? 0,
      pingsLast7Days: pings.get(Number(row.personId))?.week ?? 0,
      openAssignments: assignments.get(Number(row.personId)) ?? 0,
      accepted: Number(row.pingsAccepted),
      missed: Number(row.pingsMissed),
    }));
  }

  async pings(requestId: number): Promise<PingView[]> {
    const rows = await this.tx.requestPing.findMany({ where: { requestId }, orderBy: { id: "asc" } });
    return rows.map((row) => ({ volunteerId: row.volunteerId, wave: row.wave, state: row.state as PingView["state"] }));
  }

  async addPings(requestId: number, wave: number, volunteerIds: number[]): Promise<void> {
    for (const volunteerId of volunteerIds) {
      await this.tx.requestPing.upsert({
        where: { requestId_volunteerId: { requestId, volunteerId } },
        create: { requestId, volunteerId, wave, sentAt: this.now },
        update: { wave, state: WAITING_PING, sentAt: this.now, answeredAt: null },
      });
    }
  }

  async answerPing(requestId: number, volunteerId: number, from: PingView["state"][], to: PingView["state"]): Promise<boolean> {
    // Counted only when the ping was still waiting: a late acceptance of a ping that timed out was counted as missed.
    const waiting = from.includes(WAITING_PING)
      ? (await this.tx.requestPing.updateMany({ where: { requestId, volunteerId, state: WAITING_PING }, data: { state: to, answeredAt: this.now } })).count
      : 0;
    if (waiting === 1) {
      await this.#countAnswer([volunteerId], to);
      return true;
    }
    const { count } = await this.tx.requestPing.updateMany({
      where: { requestId, volunteerId, state: { in: from.filter((state) => state !== WAITING_PING) } },
      data: { state: to, answeredAt: this.now },
    });
    return count === 1;
  }

  async closePings(requestId: number, to: "expired" | "taken"): Promise<number[]> {
    const open = await this.tx.requestPing.findMany({ where: { requestId, state: WAITING_PING }, select: { volunteerId: true } });
    await this.tx.requestPing.updateMany({ where: { requestId, state: WAITING_PING }, data: { state: to, answeredAt: this.now } });
    const ids = open.map((ping) => ping.volunteerId);
    await this.#countAnswer(ids, to);
    return ids;
  }

  /** Keep the reliability counters: an acceptance, or a ping declined or left to time out ("taken" counts as neither). */
  async #countAnswer(volunteerIds: number[], to: PingView["state"]): Promise<void> {
    const counted = reliabilityOf(to);
    if (volunteerIds.length === 0 || counted === null) return;
    await this.tx.volunteerProfile.updateMany({
      where: { personId: { in: volunteerIds } },
      data: counted === "accepted" ? { pingsAccepted: { increment: 1 } } : { pingsMissed: { increment: 1 } },
    });
  }

  async assign(requestId: number, volunteerId: number): Promise<boolean> {
    // A conditional update: of two acceptances in a race, only one finds the request still open.
    const { count } = await this.tx.helpRequest.updateMany({
      where: { id: requestId, state: { in: [...fromStates("accept")] } },
      data: { state: stateAfter("accept") },
    });
    if (count !== 1) return false;
    await this.tx.requestAssignment.create({ data: { requestId, volunteerId, assignedAt: this.now } });
    return true;
  }

  async unassign(requestId: number, volunteerId: number): Promise<boolean> {
    const { count } = await this.tx.requestAssignment.updateMany({
      where: { requestId, volunteerId, state: "active" },
      data: { state: "withdrawn", doneAt: this.now },
    });
    if (count !== 1) return false;
    await this.tx.helpRequest.updateMany({ where: { id: requestId, state: { in: [...fromStates("decline")] } }, data: { state: stateAfter("decline") } });
    await this.tx.requestPing.updateMany({ where: { requestId, volunteerId }, data: { state: "declined", answeredAt: this.now } });
    return true;
  }

  async close(requestId: number, state: "done" | "cancelled" | "expired", minutesSpent?: number): Promise<boolean> {
    const { count } = await this.tx.helpRequest.updateMany({
      where: { id: requestId, state: { in: [...fromStates(closingMove(state))] } },
      data: { state, closedAt: this.now, minutesSpent: minutesSpent ?? null },
    });
    if (count !== 1) return false;
    await this.tx.requestAssignment.updateMany({
      where: { requestId, state: "active" },
      data: { state: assignmentOnClose(state), doneAt: this.now },
    });
    return true;
  }

  async activeOf(requesterId: number): Promise<HelpRequestView[]> {
    const rows = await this.tx.helpRequest.findMany({
      where: { requesterId, state: { in: ACTIVE } },
      include: VIEW_INCLUDE,
      orderBy: { id: "desc" },
    });
    return rows.map(toView);
  }

  async activeInGrids(gridIds: number[]): Promise<HelpRequestView[]> {
    const rows = await this.tx.helpRequest.findMany({
      where: { state: { in: ACTIVE }, building: { gridId: { in: gridIds } } },
      include: VIEW_INCLUDE,
      orderBy: { id: "desc" },
      take: 50,
    });
    return rows.map(toView);
  }

  async helpingWith(volunteerId: number): Promise<HelpRequestView[]> {
    const rows = await this.tx.helpRequest.findMany({
      where: { state: stateAfter("accept"), assignments: { some: { volunteerId, state: "active" } } },
      include: VIEW_INCLUDE,
      orderBy: { id: "desc" },
    });
    return rows.map(toView);
  }
}

/** A row of the candidates query (numbers may come back as bigint, booleans as 0/1, depending on the database). */
type CandidateRow = Record<"personId" | "communityId" | "maxPingsPerDay" | "pingsAccepted" | "pingsMissed", number | bigint> & {
  buildingId: number | bigint | null;
  gridId: number | bigint | null;
  quietFrom: number | bigint | null;
  quietTo: number | bigint | null;
  hasCar: boolean | number;
  firstAid: boolean | number;
  medicalTraining: boolean | number;
  verified: boolean | number;
  skills: string;
  items: string;
  availability: string;
};

type ViewRow = {
  id: number;
  communityId: number;
  requesterId: number;
  chatId: number | null;
  buildingId: number | null;
  category: string;
  what: string;
  urgent: boolean;
  state: string;
  createdAt: Date;
  neededAt: Date | null;
  place: string | null;
  requester: { displayName: string };
  building: { gridId: number | null; name: string } | null;
  chat: { platform: string; externalId: string; locale: string; kind: string } | null;
  assignments: Array<{ volunteerId: number; assignedAt: Date; volunteer: { displayName: string } }>;
};

function toView(row: ViewRow): HelpRequestView {
  const assignment = row.assignments[0];
  return {
    id: row.id,
    communityId: row.communityId,
    requesterId: row.requesterId,
    requesterName: row.requester.displayName,
    chatId: row.chatId,
    chat: row.chat && {
      platform: row.chat.platform as Platform,
      externalId: row.chat.externalId,
      lang: row.chat.locale === "en" ? "en" : "zh-CN",
      kind: row.chat.kind === "private" ? "private" : "group",
    },
    buildingId: row.buildingId,
    buildingName: row.building?.name ?? null,
    gridId: row.building?.gridId ?? null,
    place: row.place,
    category: row.category as HelpCategory,
    what: row.what,
    urgent: row.urgent,
    state: row.state as RequestState,
    createdAt: row.createdAt,
    neededAt: row.neededAt,
    helper: assignment
      ? { personId: assignment.volunteerId, displayName: assignment.volunteer.displayName, assignedAt: assignment.assignedAt }
      : null,
  };
}
