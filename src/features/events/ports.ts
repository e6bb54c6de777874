/** Ports of the events context: events, the chats they belong to, sign-ups and their waitlist. */
import type { Lang } from "../../kernel/lang.ts";
import type { Platform } from "../../kernel/platform.ts";

/** A new event. */
export interface NewEvent {
  communityId: number;
  organiserId: number;
  title: string;
  place: string | null;
  startsAt: Date;
  endsAt: Date | null;
  capacity: number | null;
  deadline: Date | null;
  kind: "activity" | "duty";
  recurrence: "weekly" | null;
  /** Reminder offsets in minutes before the start. */
  reminders: number[];
  /** Minutes credited to each attendee of a duty. */
  creditMinutes: number;
  chatIds: number[];
  /** The first occurrence, for the next occurrences of a weekly event. */
  seriesId?: number | null;
}

/** An event as use cases see it, with its sign-up totals (head counts, a "+2" counting two). */
export interface EventView extends Omit<NewEvent, "chatIds" | "seriesId"> {
  id: number;
  state: "open" | "cancelled" | "done";
  /** The first occurrence of its series (itself when it is the first or a one-off). */
  seriesId: number;
  confirmed: number;
  waitlisted: number;
  chats: Array<{ id: number; platform: Platform; externalId: string; lang: Lang }>;
}

/** One person's sign-up. */
export interface SignUpView {
  personId: number;
  displayName: string;
  count: number;
  state: "confirmed" | "waitlisted" | "cancelled";
  position: number;
  attended: boolean | null;
}

/** Events and sign-ups. */
export interface Events {
  create(event: NewEvent): Promise<{ id: number }>;
  get(id: number): Promise<EventView | null>;
  /** Open events of a chat starting after `from`, soonest first. */
  upcomingInChat(chatId: number, from: Date): Promise<EventView[]>;
  /** Confirmed and waitlisted sign-ups, confirmed first, the waitlist in order. */
  signUps(eventId: number): Promise<SignUpView[]>;
  signUpOf(eventId: number, personId: number): Promise<SignUpView | null>;
  /** Create or replace a person's sign-up. */
  saveSignUp(eventId: number, personId: number, count: number, state: "confirmed" | "waitlisted", position: number): Promise<void>;
  /** Cancel a person's sign-up; the state it had, or null when there was none to cancel. */
  cancelSignUp(eventId: number, personId: number): Promise<"confirmed" | "waitlisted" | null>;
  /** The next waitlist position (one more than the last). */
  nextPosition(eventId: number): Promise<number>;
  setAttended(eventId: number, personId: number, attended: boolean): Promise<boolean>;
  /** Cancel an open event; false when it was not open. */
  cancel(eventId: number): Promise<boolean>;
  /** The event a 接龙 list in a chat stands for, and linking one. */
  eventOfList(chatId: number, title: string): Promise<number | null>;
  linkList(chatId: number, title: string, eventId: number): Promise<void>;
  /** Everyone who has signed up for any occurrence of a series (not cancelled), in the order they first joined. */
  seriesPool(seriesId: number): Promise<number[]>;
  /** People of a chat by display name or alias, for 接龙 entries. */
  membersByName(chatId: number): Promise<Array<{ personId: number; names: string[] }>>;
}
