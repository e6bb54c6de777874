/** In-memory help requests, pings and assignments, and the people a request touches (same semantics as Prisma's). */
import type { Platform } from "../../../src/chat/types.ts";
import type { Candidate } from "../../../src/features/requests/domain/rank-volunteers.ts";
import type {
  HelpRequests,
  HelpRequestView,
  NewHelpRequest,
  People,
  PingView,
  Reach,
  Residence,
} from "../../../src/features/requests/ports.ts";
import {
  ACTIVE_STATES,
  assignmentOnClose,
  canMove,
  closingMove,
  reliabilityOf,
  stateAfter,
  WAITING_PING,
} from "../../../src/features/requests/domain/state-machine.ts";
import { insert, must, type FakeState, type RequestRow } from "./state.ts";

const DAY_MS = 24 * 60 * 60 * 1000;

/** The view of a request row, as `PrismaHelpRequests` builds it. */
export function requestView(state: FakeState, row: RequestRow): HelpRequestView {
  const requester = must(state.people.find((person) => person.id === row.requesterId), `person ${row.requesterId}`);
  const building = state.buildings.find((one) => one.id === row.buildingId);
  const chat = state.chats.find((one) => one.id === row.chatId);
  const assignment = state.assignments.find((one) => one.requestId === row.id && one.state === "active");
  const helper = assignment && state.people.find((person) => person.id === assignment.volunteerId);
  return {
    id: row.id,
    communityId: row.communityId,
    requesterId: row.requesterId,
    requesterName: requester.displayName,
    chatId: row.chatId,
    chat: chat ? { platform: chat.platform, externalId: chat.externalId, lang: chat.locale === "en" ? "en" : "zh-CN", kind: chat.kind } : null,
    buildingId: row.buildingId,
    buildingName: building?.name ?? null,
    gridId: building?.gridId ?? null,
    place: row.place,
    category: row.category,
    what: row.what,
    urgent: row.urgent,
    state: row.state,
    createdAt: row.createdAt,
    neededAt: row.neededAt,
    helper: assignment && helper ? { personId: assignment.volunteerId, displayName: helper.displayName, assignedAt: assignment.assignedAt } : null,
  };
}

/** In-memory `HelpRequests`. */
export class FakeHelpRequests implements HelpRequests {
  constructor(private readonly state: FakeState, private readonly now: Date) {}

  async open(request: NewHelpRequest): Promise<{ id: number }> {
    const row = insert(this.state, "requests", {
      ...request,
      neededAt: request.neededAt ?? null,
      place: request.place ?? null,
      state: "open",
      minutesSpent: null,
      createdAt: this.now,
      closedAt: null,
    });
    return { id: row.id };
  }

  async get(id: number): Promise<HelpRequestView | null> {
    const row = this.state.requests.find((one) => one.id === id);
    return row ? requestView(this.state, row) : null;
  }

  async candidates(communityId: number): Promise<Candidate[]> {
    const dayAgo = this.now.getTime() - DAY_MS;
    const weekAgo = this.now.getTime() - 7 * DAY_MS;
    return this.state.volunteers.flatMap((profile) => {
      const person = this.state.people.find((one) => one.id === profile.personId);
      if (!profile.active || !person || person.communityId !== communityId) return [];
      const pings = this.state.pings.filter((ping) => ping.volunteerId === profile.personId && ping.sentAt.getTime() >= weekAgo);
      return [{
        personId: profile.personId,
        buildingId: person.buildingId,
        gridId: this.state.buildings.find((one) => one.id === person.buildingId)?.gridId ?? null,
        active: true,
        skills: [...profile.skills],
        items: [...profile.items],
        hasCar: profile.hasCar,
        firstAid: profile.firstAid,
        medicalTraining: profile.medicalTraining,
        verified: profile.verified,
        quietFrom: profile.quietFrom,
        quietTo: profile.quietTo,
        availability: profile.availability.map((window) => ({ ...window, days: [...window.days] })),
        maxPingsPerDay: profile.maxPingsPerDay,
        pingsToday: pings.filter((ping) => ping.sentAt.getTime() >= dayAgo).length,
        pingsLast7Days: pings.length,
        openAssignments: this.state.assignments.filter((one) => one.volunteerId === profile.personId && one.state === "active").length,
        accepted: profile.pingsAccepted,
        missed: profile.pingsMissed,
      }];
    });
  }

  async pings(requestId: number): Promise<PingView[]> {
    return this.state.pings.filter((ping) => ping.requestId === requestId).map((ping) => ({ volunteerId: ping.volunteerId, wave: ping.wave, state: ping.state }));
  }

  async addPings(requestId: number, wave: number, volunteerIds: number[]): Promise<void> {
    for (const volunteerId of volunteerIds) {
      const ping = this.state.pings.find((one) => one.requestId === requestId && one.volunteerId === volunteerId);
      if (ping) Object.assign(ping, { wave, state: WAITING_PING, sentAt: this.now, answeredAt: null });
      else insert(this.state, "pings", { requestId, volunteerId, wave, state: WAITING_PING, sentAt: this.now, answeredAt: null });
    }
  }

  async answerPing(requestId: number, volunteerId: number, from: PingView["state"][], to: PingView["state"]): Promise<boolean> {
    const ping = this.state.pings.find((one) => one.requestId === requestId && one.volunteerId === volunteerId);
    if (!ping || !from.includes(ping.state)) return false;
    const waiting = ping.state === WAITING_PING;
    Object.assign(ping, { state: to, answeredAt: this.now });
    if (waiting) this.#countAnswer([volunteerId], to);
    return true;
  }

  async closePings(requestId: number, to: "expired" | "taken"): Promise<number[]> {
    const open = this.state.pings.filter((ping) => ping.requestId === requestId && ping.state === WAITING_PING);
    for (const ping of open) Object.assign(ping, { state: to, answeredAt: this.now });
    const ids = open.map((ping) => ping.volunteerId);
    this.#countAnswer(ids, to);
    return ids;
  }

  #countAnswer(volunteerIds: number[], to: PingView["state"]): void {
    const counted = reliabilityOf(to);
    if (counted === null) return;
    for (const profile of this.state.volunteers.filter((one) => volunteerIds.includes(one.personId))) {
      if (counted === "accepted") profile.pingsAccepted += 1;
      else profile.pingsMissed += 1;
    }
  }

  async assign(requestId: number, volunteerId: number): Promise<boolean> {
    const request = this.state.requests.find((one) => one.id === requestId);
    if (!request || !canMove(request.state, "accept")) return false;
    request.state = stateAfter("accept");
    insert(this.state, "assignments", { requestId, volunteerId, state: "active", assignedAt: this.now, doneAt: null });
    return true;
  }

  async unassign(requestId: number, volunteerId: number): Promise<boolean> {
    const assignment = this.state.assignments.find((one) => one.requestId === requestId && one.volunteerId === volunteerId && one.state === "active");
    if (!assignment) return false;
    Object.assign(assignment, { state: "withdrawn", doneAt: this.now });
    const request = this.state.requests.find((one) => one.id === requestId);
    if (request && canMove(request.state, "decline")) request.state = stateAfter("decline");
    for (const ping of this.state.pings.filter((one) => one.requestId === requestId && one.volunteerId === volunteerId)) {
      Object.assign(ping, { state: "declined", answeredAt: this.now });
    }
    return true;
  }

  async close(requestId: number, state: "done" | "cancelled" | "expired", minutesSpent?: number): Promise<boolean> {
    const request = this.state.requests.find((one) => one.id === requestId);
    if (!request || !canMove(request.state, closingMove(state))) return false;
    Object.assign(request, { state, closedAt: this.now, minutesSpent: minutesSpent ?? null });
    for (const assignment of this.state.assignments.filter((one) => one.requestId === requestId && one.state === "active")) {
      Object.assign(assignment, { state: assignmentOnClose(state), doneAt: this.now });
    }
    return true;
  }

  async activeOf(requesterId: number): Promise<HelpRequestView[]> {
    return this.#views((row) => row.requesterId === requesterId && ACTIVE_STATES.includes(row.state));
  }

  async activeInGrids(gridIds: number[]): Promise<HelpRequestView[]> {
    const gridOf = (buildingId: number | null) => this.state.buildings.find((one) => one.id === buildingId)?.gridId ?? null;
    return this.#views((row) => ACTIVE_STATES.includes(row.state) && gridIds.includes(gridOf(row.buildingId) ?? -1)).slice(0, 50);
  }

  async helpingWith(volunteerId: number): Promise<HelpRequestView[]> {
    const mine = (row: RequestRow) => this.state.assignments.some((one) => one.requestId === row.id && one.volunteerId === volunteerId && one.state === "active");
    return this.#views((row) => row.state === stateAfter("accept") && mine(row));
  }

  /** Matching requests, newest first. */
  #views(where: (row: RequestRow) => boolean): HelpRequestView[] {
    return this.state.requests.filter(where).sort((a, b) => b.id - a.id).map((row) => requestView(this.state, row));
  }
}

/** In-memory `People`. */
export class FakePeople implements People {
  constructor(private readonly state: FakeState) {}

  async reach(personId: number, platform?: Platform, nearChatId?: number | null): Promise<Reach | null> {
    const person = this.state.people.find((one) => one.id === personId);
    if (!person) return null;
    const identities = this.state.identities.filter((one) => one.personId === personId);
    const identity = identities.find((one) => one.platform === platform) ?? identities[0];
    if (!identity) {
      // Guardian mode: the guardian's own reach, naming the person it is about.
      const guardian = person.guardianId ? await this.reach(person.guardianId, platform, nearChatId) : null;
      return guardian && !guardian.onBehalfOf ? { ...guardian, onBehalfOf: { personId, displayName: person.displayName } } : null;
    }
    const groups = this.state.memberships
      .filter((membership) => membership.personId === personId)
      .map((membership) => must(this.state.chats.find((chat) => chat.id === membership.chatId), `chat ${membership.chatId}`))
      .filter((chat) => chat.kind === "group" && chat.platform === identity.platform);
    // A group they share, preferring the one the matter arose in; else that group itself.
    const shared = groups.find((chat) => chat.id === nearChatId) ?? groups[0];
    const near = !shared && nearChatId ? this.state.chats.find((chat) => chat.id === nearChatId) : undefined;
    const fallback = shared ?? (near && near.kind === "group" && near.platform === identity.platform ? near : undefined);
    return {
      personId,
      platform: identity.platform,
      userId: identity.externalId,
      displayName: person.displayName,
      lang: person.locale === "en" ? "en" : person.locale === "zh-CN" ? "zh-CN" : null,
      ...(fallback ? { fallbackChatId: fallback.externalId } : {}),
    };
  }

  async residence(personId: number): Promise<Residence | null> {
    const person = this.state.people.find((one) => one.id === personId);
    const building = person && this.state.buildings.find((one) => one.id === person.buildingId);
    if (!person || !building) return null;
    const volunteer = this.state.volunteers.find((one) => one.personId === personId);
    return { buildingId: building.id, buildingName: building.name, room: person.room, gridId: building.gridId, phone: volunteer?.emergencyPhone ?? person.phone };
  }

  async chatPlace(chatId: number): Promise<{ buildingId: number | null; gridId: number | null }> {
    const chat = this.state.chats.find((one) => one.id === chatId);
    const building = chat && this.state.buildings.find((one) => one.id === chat.buildingId);
    return { buildingId: chat?.buildingId ?? null, gridId: building?.gridId ?? chat?.gridId ?? null };
  }

  async captainsOf(gridId: number): Promise<number[]> {
    return this.state.roles.filter((role) => role.role === "grid_captain" && role.gridId === gridId).map((role) => role.personId);
  }

  async captainsOfCommunity(communityId: number): Promise<number[]> {
    return [...new Set(this.state.roles.filter((role) => role.role === "grid_captain" && role.communityId === communityId).map((role) => role.personId))];
  }

  async coordinatorsOf(communityId: number): Promise<number[]> {
    return [...new Set(this.state.roles.filter((role) => role.role === "coordinator" && role.communityId === communityId).map((role) => role.personId))];
  }

  async gridsCaptainedBy(personId: number): Promise<number[]> {
    return this.state.roles.flatMap((role) => (role.role === "grid_captain" && role.personId === personId && role.gridId !== null ? [role.gridId] : []));
  }

  async timeZoneOf(communityId: number): Promise<string> {
    return this.state.communities.find((one) => one.id === communityId)?.timeZone ?? "Asia/Shanghai";
  }
}
