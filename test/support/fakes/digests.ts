/** In-memory digests: every row of the community handed to the same definitions the Prisma digests use. */
import type { DigestFigures, Digests, GroupWeek, Span } from "../../../src/features/digests/ports.ts";
import { digestFigures, earliest, firstAcknowledgement, groupWeekOf, type RequestRecord } from "../../../src/features/digests/domain/definitions.ts";
import { must, type FakeState, type RequestRow } from "./state.ts";

/** In-memory `Digests`. */
export class FakeDigests implements Digests {
  constructor(private readonly state: FakeState) {}

  async groupWeek(chatId: number, span: Span): Promise<GroupWeek> {
    const chat = must(this.state.chats.find((one) => one.id === chatId), `chat ${chatId}`);
    const person = (id: number) => must(this.state.people.find((one) => one.id === id), `person ${id}`);
    return groupWeekOf(
      {
        deeds: this.state.deeds
          .filter((deed) => deed.chatId === chatId)
          .map((deed) => ({ ...deed, helperName: person(deed.helperId).displayName, nameInSummary: person(deed.helperId).nameInSummary })),
        credits: this.state.credits
          .filter((credit) => credit.chatId === chatId)
          .map((credit) => ({
            ...credit,
            transfer: credit.transferId === null ? null : { reversed: this.state.transfers.some((one) => one.reversesId === credit.transferId) },
          })),
        requests: this.state.requests.filter((request) => request.communityId === chat.communityId && request.chatId === chatId).map((row) => this.#record(row)),
        events: this.state.events.filter((event) => event.chatIds.includes(chatId)),
        visits: this.state.visits.filter((visit) => chat.buildingId !== null && this.state.people.find((one) => one.id === visit.elderId)?.buildingId === chat.buildingId),
      },
      span,
    );
  }

  async figures(communityId: number, gridIds: number[] | null, span: Span): Promise<DigestFigures> {
    const inCommunity = <T extends { communityId: number }>(rows: T[]) => rows.filter((row) => row.communityId === communityId);
    const people = new Map(inCommunity(this.state.people).map((person) => [person.id, person]));
    const accounts = new Map(inCommunity(this.state.accounts).filter((one) => one.kind === "person").map((one) => [one.id, one.personId]));
    return digestFigures(
      {
        grids: inCommunity(this.state.grids),
        gridOf: new Map(inCommunity(this.state.buildings).map((building) => [building.id, building.gridId])),
        requests: inCommunity(this.state.requests).map((row) => this.#record(row)),
        reports: inCommunity(this.state.reports),
        mediations: inCommunity(this.state.mediations).map((one) => ({ state: one.state, kind: one.kind ?? null, gridId: one.gridId ?? null, createdAt: one.createdAt })),
        transfers: inCommunity(this.state.transfers).map((transfer) => ({
          ...transfer,
          entries: this.state.entries
            .filter((entry) => entry.transferId === transfer.id)
            .map((entry) => {
              const person = people.get(accounts.get(entry.accountId) ?? -1);
              return { minutes: entry.minutes, person: person ? { id: person.id, name: person.displayName, buildingId: person.buildingId } : null };
            }),
        })),
        checkins: this.state.checkins.flatMap((one) => {
          const person = people.get(one.personId);
          const days = this.state.checkinDays.filter((day) => day.personId === one.personId).map((day) => ({ date: day.date, at: new Date(`${day.date}T01:00:00Z`), state: day.state, late: day.late }));
          return person ? [{ name: person.displayName, buildingId: person.buildingId, days }] : [];
        }),
      },
      gridIds,
      span,
    );
  }

  #record(row: RequestRow): RequestRecord {
    return {
      ...row,
      firstAssignedAt: earliest(this.state.assignments.filter((one) => one.requestId === row.id).map((one) => one.assignedAt)),
      firstAcknowledgedAt: firstAcknowledgement(this.state.pings.filter((ping) => ping.requestId === row.id)),
    };
  }
}
