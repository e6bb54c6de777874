/** In-memory events and sign-ups (same semantics as Prisma's). */
import type { Events, EventView, NewEvent, SignUpView } from "../../../src/features/events/ports.ts";
import { insert, must, type EventRow, type FakeState, type SignUpRow } from "./state.ts";

const LIVE = ["confirmed", "waitlisted"];

/** In-memory `Events`. */
export class FakeEvents implements Events {
  constructor(private readonly state: FakeState, private readonly now: Date) {}

  async create(event: NewEvent): Promise<{ id: number }> {
    const row = insert(this.state, "events", {
      communityId: event.communityId,
      organiserId: event.organiserId,
      title: event.title,
      place: event.place,
      startsAt: event.startsAt,
      endsAt: event.endsAt,
      capacity: event.capacity,
      deadline: event.deadline,
      kind: event.kind,
      recurrence: event.recurrence,
      seriesId: event.seriesId ?? null,
      reminders: [...event.reminders],
      creditMinutes: event.creditMinutes,
      state: "open",
      chatIds: [...event.chatIds],
      createdAt: this.now,
    });
    return { id: row.id };
  }

  async get(id: number): Promise<EventView | null> {
    const row = this.state.events.find((one) => one.id === id);
    return row ? this.#view(row) : null;
  }

  async upcomingInChat(chatId: number, from: Date): Promise<EventView[]> {
    return this.state.events
      .filter((row) => row.state === "open" && row.startsAt > from && row.chatIds.includes(chatId))
      .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())
      .slice(0, 20)
      .map((row) => this.#view(row));
  }

  async signUps(eventId: number): Promise<SignUpView[]> {
    return this.state.signUps
      .filter((row) => row.eventId === eventId && LIVE.includes(row.state))
      .sort((a, b) => a.state.localeCompare(b.state) || a.position - b.position || a.id - b.id)
      .map((row) => this.#signUp(row));
  }

  async signUpOf(eventId: number, personId: number): Promise<SignUpView | null> {
    const row = this.state.signUps.find((one) => one.eventId === eventId && one.personId === personId);
    return row ? this.#signUp(row) : null;
  }

  async saveSignUp(eventId: number, personId: number, count: number, state: "confirmed" | "waitlisted", position: number): Promise<void> {
    const row = this.state.signUps.find((one) => one.eventId === eventId && one.personId === personId);
    if (row) Object.assign(row, { count, state, position });
    else insert(this.state, "signUps", { eventId, personId, count, state, position, attended: null, createdAt: this.now });
  }

  async cancelSignUp(eventId: number, personId: number): Promise<"confirmed" | "waitlisted" | null> {
    const row = this.state.signUps.find((one) => one.eventId === eventId && one.personId === personId);
    if (!row || row.state === "cancelled") return null;
    const was = row.state;
    row.state = "cancelled";
    return was;
  }

  async nextPosition(eventId: number): Promise<number> {
    return Math.max(0, ...this.state.signUps.filter((row) => row.eventId === eventId).map((row) => row.position)) + 1;
  }

  async setAttended(eventId: number, personId: number, attended: boolean): Promise<boolean> {
    const row = this.state.signUps.find((one) => one.eventId === eventId && one.personId === personId && one.state === "confirmed");
    if (row) row.attended = attended;
    return !!row;
  }

  async cancel(eventId: number): Promise<boolean> {
    const row = this.state.events.find((one) => one.id === eventId && one.state === "open");
    if (row) row.state = "cancelled";
    return !!row;
  }

  async eventOfList(chatId: number, title: string): Promise<number | null> {
    return this.state.chatLists.find((one) => one.chatId === chatId && one.title === title)?.eventId ?? null;
  }

  async linkList(chatId: number, title: string, eventId: number): Promise<void> {
    const list = this.state.chatLists.find((one) => one.chatId === chatId && one.title === title);
    if (list) list.eventId = eventId;
  }

  async seriesPool(seriesId: number): Promise<number[]> {
    const inSeries = new Set(this.state.events.filter((one) => one.id === seriesId || one.seriesId === seriesId).map((one) => one.id));
    const rows = this.state.signUps
      .filter((row) => inSeries.has(row.eventId) && LIVE.includes(row.state))
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id - b.id);
    return [...new Set(rows.map((row) => row.personId))];
  }

  async membersByName(chatId: number): Promise<Array<{ personId: number; names: string[] }>> {
    return this.state.memberships
      .filter((one) => one.chatId === chatId)
      .map((one) => {
        const person = must(this.state.people.find((p) => p.id === one.personId), `person ${one.personId}`);
        return { personId: one.personId, names: [person.displayName, ...(one.alias ? [one.alias] : [])] };
      });
  }

  #view(row: EventRow): EventView {
    const live = this.state.signUps.filter((one) => one.eventId === row.id);
    const total = (state: string) => live.filter((one) => one.state === state).reduce((sum, one) => sum + one.count, 0);
    const { chatIds, seriesId, createdAt: _createdAt, ...event } = row;
    return {
      ...event,
      reminders: [...row.reminders],
      seriesId: seriesId ?? row.id,
      confirmed: total("confirmed"),
      waitlisted: total("waitlisted"),
      chats: chatIds.map((id) => {
        const chat = must(this.state.chats.find((one) => one.id === id), `chat ${id}`);
        return { id: chat.id, platform: chat.platform, externalId: chat.externalId, lang: chat.locale === "en" ? "en" : "zh-CN" };
      }),
    };
  }

  #signUp(row: SignUpRow): SignUpView {
    const person = must(this.state.people.find((one) => one.id === row.personId), `person ${row.personId}`);
    return { personId: row.personId, displayName: person.displayName, count: row.count, state: row.state, position: row.position, attended: row.attended };
  }
}
