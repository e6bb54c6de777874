/** In-memory honours (recognition): the same sums as the Prisma ones, over the fake store's rows. */
import type { GroupChat, HonourView, Honours, MonthHelper } from "../../../src/features/recognition/ports.ts";
import { knownChat } from "./directories.ts";
import { insert, type CreditRow, type FakeState } from "./state.ts";

/** In-memory `Honours`. */
export class FakeHonours implements Honours {
  constructor(private readonly state: FakeState) {}

  /** A confirmed credit whose transfer was not reversed. */
  #standing(credit: CreditRow): boolean {
    return credit.state === "confirmed" && credit.transferId !== null && !this.state.transfers.some((one) => one.reversesId === credit.transferId);
  }

  async month(chatId: number, span: { from: Date; to: Date }): Promise<MonthHelper[]> {
    const within = (at: Date | null) => at !== null && at >= span.from && at < span.to;
    return this.state.memberships
      .filter((one) => one.chatId === chatId)
      .map((membership) => this.state.people.find((one) => one.id === membership.personId)!)
      .map((person) => ({
        personId: person.id,
        name: person.displayName,
        nameInSummary: person.nameInSummary,
        minutes: this.state.credits.filter((one) => one.helperId === person.id && this.#standing(one) && within(one.decidedAt)).reduce((sum, one) => sum + one.minutes, 0),
        thanks: this.state.deeds.filter((one) => one.kind === "thanks" && one.helperId === person.id && within(one.createdAt)).length,
      }))
      .filter((one) => one.minutes > 0 || one.thanks > 0);
  }

  async confirmedMinutes(personId: number): Promise<number> {
    return this.state.credits.filter((one) => one.helperId === personId && this.#standing(one)).reduce((sum, one) => sum + one.minutes, 0);
  }

  async get(personId: number): Promise<HonourView> {
    const row = this.state.honours.find((one) => one.personId === personId);
    return { public: row?.public ?? false, milestoneHours: row?.milestoneHours ?? 0 };
  }

  async setPublic(personId: number, value: boolean): Promise<void> {
    const row = this.state.honours.find((one) => one.personId === personId);
    if (row) row.public = value;
    else insert(this.state, "honours", { personId, public: value, milestoneHours: 0 });
  }

  async markMilestone(personId: number, hours: number): Promise<boolean> {
    const row = this.state.honours.find((one) => one.personId === personId) ?? insert(this.state, "honours", { personId, public: false, milestoneHours: 0 });
    if (row.milestoneHours >= hours) return false;
    row.milestoneHours = hours;
    return true;
  }

  async groupsOf(personId: number): Promise<GroupChat[]> {
    const ids = new Set(this.state.memberships.filter((one) => one.personId === personId).map((one) => one.chatId));
    return this.state.chats.filter((one) => ids.has(one.id) && one.kind === "group").sort((a, b) => a.id - b.id).map(knownChat);
  }
}
