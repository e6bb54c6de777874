/** Daily check-ins on Prisma: enrolments, their contacts in order, and one row per person per local day. */
import type { CheckinDayView, Checkins, EnrolmentView, NewEnrolment } from "../../features/checkins/ports.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import type { Tx } from "./tx.ts";

const INCLUDE = {
  person: { select: { displayName: true, communityId: true } },
  contacts: { orderBy: { position: "asc" }, include: { person: { select: { displayName: true } } } },
} as const;
type Row = Prisma.CheckinEnrolmentGetPayload<{ include: typeof INCLUDE }>;
type DayRow = Prisma.CheckinDayGetPayload<object>;

function view(row: Row): EnrolmentView {
  return {
    id: row.id,
    personId: row.personId,
    personName: row.person.displayName,
    communityId: row.person.communityId,
    active: row.active,
    askMinute: row.askMinute,
    graceMinutes: row.graceMinutes,
    pausedUntil: row.pausedUntil,
    enrolledById: row.enrolledById,
    contacts: row.contacts.map((contact) => ({ personId: contact.personId, name: contact.person.displayName })),
  };
}

function dayView(row: DayRow): CheckinDayView {
  return {
    personId: row.personId,
    date: row.date,
    state: row.state as CheckinDayView["state"],
    late: row.late,
    answeredById: row.answeredById,
    goingById: row.goingById,
    escalatedTo: JSON.parse(row.escalatedTo) as number[],
  };
}

/** Prisma implementation of `Checkins`. */
export class PrismaCheckins implements Checkins {
  constructor(private readonly tx: Tx, private readonly now: Date) {}

  async enrolment(personId: number): Promise<EnrolmentView | null> {
    const row = await this.tx.checkinEnrolment.findUnique({ where: { personId }, include: INCLUDE });
    return row && view(row);
  }

  async enrol(enrolment: NewEnrolment): Promise<EnrolmentView> {
    const data = {
      active: true,
      pausedUntil: null,
      askMinute: enrolment.askMinute,
      graceMinutes: enrolment.graceMinutes,
      dueMinute: enrolment.askMinute + enrolment.graceMinutes,
      enrolledById: enrolment.enrolledById,
    };
    const row = await this.tx.checkinEnrolment.upsert({
      where: { personId: enrolment.personId },
      create: { personId: enrolment.personId, createdAt: this.now, ...data },
      update: data,
      include: INCLUDE,
    });
    return view(row);
  }

  async setAskMinute(personId: number, askMinute: number): Promise<void> {
    const row = await this.tx.checkinEnrolment.findUniqueOrThrow({ where: { personId }, select: { graceMinutes: true } });
    await this.tx.checkinEnrolment.update({ where: { personId }, data: { askMinute, dueMinute: askMinute + row.graceMinutes } });
  }

  async setContacts(personId: number, contacts: number[]): Promise<void> {
    const row = await this.tx.checkinEnrolment.findUniqueOrThrow({ where: { personId }, select: { id: true } });
    await this.tx.checkinContact.deleteMany({ where: { enrolmentId: row.id } });
    for (const [position, contact] of contacts.entries()) {
      await this.tx.checkinContact.create({ data: { enrolmentId: row.id, personId: contact, position, createdAt: this.now } });
    }
    await this.tx.checkinEnrolment.update({ where: { id: row.id }, data: { contactPersonId: contacts[0] ?? null } });
  }

  async setActive(personId: number, active: boolean): Promise<void> {
    await this.tx.checkinEnrolment.updateMany({ where: { personId }, data: { active } });
  }

  async pause(personId: number, until: Date | null): Promise<void> {
    await this.tx.checkinEnrolment.updateMany({ where: { personId }, data: { pausedUntil: until } });
  }

  async contactOf(contactId: number): Promise<EnrolmentView[]> {
    const rows = await this.tx.checkinEnrolment.findMany({ where: { active: true, contacts: { some: { personId: contactId } } }, include: INCLUDE, orderBy: { id: "asc" } });
    return rows.map(view);
  }

  async askedToLookIn(personId: number, dates: string[]): Promise<EnrolmentView[]> {
    const days = await this.tx.checkinDay.findMany({ where: { date: { in: dates }, state: { not: "answered" }, enrolment: { active: true } }, include: { enrolment: { include: INCLUDE } }, orderBy: { id: "asc" } });
    const asked = days.filter((day) => (JSON.parse(day.escalatedTo) as number[]).includes(personId)).map((day) => view(day.enrolment));
    return [...new Map(asked.map((one) => [one.id, one])).values()];
  }

  async day(personId: number, date: string): Promise<CheckinDayView | null> {
    const row = await this.tx.checkinDay.findUnique({ where: { personId_date: { personId, date } } });
    return row && dayView(row);
  }

  async saveDay(personId: number, date: string, change: Parameters<Checkins["saveDay"]>[2]): Promise<CheckinDayView> {
    const { escalatedTo, ...rest } = change;
    const data = { ...rest, ...(escalatedTo ? { escalatedTo: JSON.stringify(escalatedTo) } : {}) };
    const existing = await this.tx.checkinDay.findUnique({ where: { personId_date: { personId, date } }, select: { id: true } });
    if (change.state === "answered" && change.answeredAt) await this.tx.checkinEnrolment.updateMany({ where: { personId }, data: { lastCheckinAt: change.answeredAt } });
    if (existing) return dayView(await this.tx.checkinDay.update({ where: { id: existing.id }, data }));
    const enrolment = await this.tx.checkinEnrolment.findUniqueOrThrow({ where: { personId }, select: { id: true } });
    return dayView(await this.tx.checkinDay.create({ data: { state: "asked", ...data, personId, date, enrolmentId: enrolment.id, createdAt: this.now } }));
  }

  async enrolledIdentities(): Promise<string[]> {
    const rows = await this.tx.identity.findMany({ where: { person: { checkin: { active: true } } }, select: { platform: true, externalId: true } });
    return rows.map((row) => `${row.platform}:${row.externalId}`);
  }
}
