/** Ports of daily check-ins: enrolments with their contacts in order, and one row per person per local day. */
import type { DayRecord } from "./domain/ladder.ts";

/** An enrolment as use cases see it. */
export interface EnrolmentView {
  id: number;
  personId: number;
  personName: string;
  communityId: number;
  active: boolean;
  /** Local time of the daily question, minutes after midnight. */
  askMinute: number;
  graceMinutes: number;
  pausedUntil: Date | null;
  enrolledById: number | null;
  /** The named contacts in order (buddy, relative). */
  contacts: Array<{ personId: number; name: string }>;
}

/** A day of a person's check-ins. */
export interface CheckinDayView extends DayRecord {
  personId: number;
  answeredById: number | null;
  goingById: number | null;
  /** The people asked to look in so far, in order. */
  escalatedTo: number[];
}

/** What an enrolment is set up with. */
export interface NewEnrolment {
  personId: number;
  enrolledById: number;
  askMinute: number;
  graceMinutes: number;
}

/** Enrolments, their contacts and their days. */
export interface Checkins {
  enrolment(personId: number): Promise<EnrolmentView | null>;
  /** Enrol (again): active, not paused, with these times; contacts are kept. */
  enrol(enrolment: NewEnrolment): Promise<EnrolmentView>;
  /** Replace the named contacts (in order). */
  setContacts(personId: number, contacts: number[]): Promise<void>;
  setActive(personId: number, active: boolean): Promise<void>;
  /** Change the local time of the daily question (the deadline moves with it). */
  setAskMinute(personId: number, askMinute: number): Promise<void>;
  pause(personId: number, until: Date | null): Promise<void>;
  /** The active enrolments where this person is a named contact. */
  contactOf(contactId: number): Promise<EnrolmentView[]>;
  /** The active enrolments whose day on one of `dates` is not answered and has asked this person to look in. */
  askedToLookIn(personId: number, dates: string[]): Promise<EnrolmentView[]>;
  day(personId: number, date: string): Promise<CheckinDayView | null>;
  /** Write a day (created when new): its state, and what else is given. */
  saveDay(
    personId: number,
    date: string,
    change: Partial<Pick<CheckinDayView, "state" | "late" | "answeredById" | "goingById" | "escalatedTo">> & { askedAt?: Date; answeredAt?: Date },
  ): Promise<CheckinDayView>;
  /** The identities ("platform:externalId") of everyone with an active enrolment: the pipeline's in-memory set. */
  enrolledIdentities(): Promise<string[]>;
}
