/** In-memory `Checkins`: enrolments, their contacts in order and their days over the fake store. */
import type { CheckinDayView, Checkins, EnrolmentView, NewEnrolment } from "../../../src/features/checkins/ports.ts";
import { insert, type CheckinDayRow, type CheckinRow, type FakeState } from "./state.ts";

/** In-memory `Checkins`. */
export class FakeCheckins implements Checkins {
  constructor(
    private readonly state: FakeState,
    private readonly now: Date,
  ) {}

  async enrolment(personId: number): Promise<EnrolmentView | null> {
    const row = this.#row(personId);
    return row ? this.#view(row) : null;
  }

  async enrol(enrolment: NewEnrolment): Promise<EnrolmentView> {
    const data = { active: true, pausedUntil: null, askMinute: enrolment.askMinute, graceMinutes: enrolment.graceMinutes, enrolledById: enrolment.enrolledById };
    const row = this.#row(enrolment.personId);
    if (row) Object.assign(row, data);
    else insert(this.state, "checkins", { personId: enrolment.personId, createdAt: this.now, lastCheckinAt: null, ...data });
    return this.#view(this.#row(enrolment.personId)!);
  }

  async setContacts(personId: number, contacts: number[]): Promise<void> {
    const row = this.#row(personId)!;
    this.state.checkinContacts = this.state.checkinContacts.filter((one) => one.enrolmentId !== row.id);
    for (const [position, contact] of contacts.entries()) insert(this.state, "checkinContacts", { enrolmentId: row.id, personId: contact, position });
  }

  async setActive(personId: number, active: boolean): Promise<void> {
    const row = this.#row(personId);
    if (row) row.active = active;
  }

  async setAskMinute(personId: number, askMinute: number): Promise<void> {
    const row = this.#row(personId);
    if (row) row.askMinute = askMinute;
  }

  async pause(personId: number, until: Date | null): Promise<void> {
    const row = this.#row(personId);
    if (row) row.pausedUntil = until;
  }

  async contactOf(contactId: number): Promise<EnrolmentView[]> {
    const ids = new Set(this.state.checkinContacts.filter((one) => one.personId === contactId).map((one) => one.enrolmentId));
    return this.state.checkins.filter((row) => row.active && ids.has(row.id)).map((row) => this.#view(row));
  }

  async askedToLookIn(personId: number, dates: string[]): Promise<EnrolmentView[]> {
    const days = this.state.checkinDays.filter((day) => dates.includes(day.date) && day.state !== "answered" && day.escalatedTo.includes(personId));
    const ids = new Set(days.map((day) => day.enrolmentId));
    return this.state.checkins.filter((row) => row.active && ids.has(row.id)).map((row) => this.#view(row));
  }

  async day(personId: number, date: string): Promise<CheckinDayView | null> {
    const row = this.state.checkinDays.find((one) => one.personId === personId && one.date === date);
    return row ? dayView(row) : null;
  }

  async saveDay(personId: number, date: string, change: Parameters<Checkins["saveDay"]>[2]): Promise<CheckinDayView> {
    const { askedAt: _asked, ...rest } = change;
    if (change.state === "answered" && change.answeredAt) this.#row(personId)!.lastCheckinAt = change.answeredAt;
    let row = this.state.checkinDays.find((one) => one.personId === personId && one.date === date);
    row ??= insert(this.state, "checkinDays", {
      enrolmentId: this.#row(personId)!.id,
      personId,
      date,
      state: "asked",
      late: false,
      answeredById: null,
      answeredAt: null,
      goingById: null,
      escalatedTo: [],
    });
    Object.assign(row, rest);
    return dayView(row);
  }

  async enrolledIdentities(): Promise<string[]> {
    const enrolled = new Set(this.state.checkins.filter((row) => row.active).map((row) => row.personId));
    return this.state.identities.filter((one) => enrolled.has(one.personId)).map((one) => `${one.platform}:${one.externalId}`);
  }

  #row(personId: number): CheckinRow | undefined {
    return this.state.checkins.find((one) => one.personId === personId);
  }

  #view(row: CheckinRow): EnrolmentView {
    const person = this.state.people.find((one) => one.id === row.personId)!;
    const name = (id: number) => this.state.people.find((one) => one.id === id)?.displayName ?? "";
    return {
      id: row.id,
      personId: row.personId,
      personName: person.displayName,
      communityId: person.communityId,
      active: row.active,
      askMinute: row.askMinute ?? 540,
      graceMinutes: row.graceMinutes ?? 120,
      pausedUntil: row.pausedUntil ?? null,
      enrolledById: row.enrolledById ?? null,
      contacts: this.state.checkinContacts
        .filter((one) => one.enrolmentId === row.id)
        .sort((a, b) => a.position - b.position)
        .map((one) => ({ personId: one.personId, name: name(one.personId) })),
    };
  }
}

function dayView(row: CheckinDayRow): CheckinDayView {
  return {
    personId: row.personId,
    date: row.date,
    state: row.state,
    late: row.late,
    answeredById: row.answeredById,
    goingById: row.goingById,
    escalatedTo: [...row.escalatedTo],
  };
}
