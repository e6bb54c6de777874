/** A resident's own data on Prisma: gathering it for `/mydata`, and erasing and anonymising it for `/forgetme`. */
import type { Platform } from "../../kernel/platform.ts";
import type { ForgetCounts, PersonalData, PersonalDataView } from "../../features/privacy/ports.ts";
import type { HelpCategory } from "../../features/requests/ports.ts";
import type { Tx } from "./tx.ts";
import { isPrivateCategory } from "../../features/requests/domain/policy.ts";
import { isQuestionOf, questionKeysOf } from "../../chat/numbered-choices.ts";
import { needlesOf, scrubJson, scrubText } from "../../features/privacy/domain/scrub.ts";

/** A text column that may name someone, and whether it holds JSON. */
type Column = { table: ScrubTable; column: string; json?: boolean };
type ScrubTable =
  | "outboxMessage"
  | "chatList"
  | "chat"
  | "membership"
  | "helpRequest"
  | "event"
  | "pendingCredit"
  | "goodDeed"
  | "ledgerTransfer"
  | "report"
  | "reportUpdate"
  | "mediationCase"
  | "mediationNote"
  | "visit"
  | "auditLog"
  | "unsureMessage";

/** Every stored free text where a person's names, phone or room may appear (written by them or about them). */
const FREE_TEXT: readonly Column[] = [
  { table: "outboxMessage", column: "body", json: true },
  { table: "chatList", column: "entries", json: true },
  { table: "chatList", column: "title" },
  { table: "chat", column: "title" },
  { table: "membership", column: "alias" },
  { table: "helpRequest", column: "what" },
  { table: "helpRequest", column: "place" },
  { table: "helpRequest", column: "sourceText" },
  { table: "event", column: "title" },
  { table: "event", column: "place" },
  { table: "pendingCredit", column: "description" },
  { table: "goodDeed", column: "description" },
  { table: "ledgerTransfer", column: "memo" },
  { table: "report", column: "description" },
  { table: "report", column: "place" },
  { table: "report", column: "stateNote" },
  { table: "reportUpdate", column: "note" },
  { table: "mediationCase", column: "description" },
  { table: "mediationNote", column: "text" },
  { table: "visit", column: "note" },
  { table: "auditLog", column: "detail", json: true },
  { table: "unsureMessage", column: "text" },
];

/** The generic shape of the delegates used for scrubbing (each table has an integer id and the text column). */
interface ScrubDelegate {
  findMany(args: { where: Record<string, unknown>; select: Record<string, boolean> }): Promise<Array<Record<string, unknown>>>;
  update(args: { where: { id: number }; data: Record<string, unknown> }): Promise<unknown>;
}

/** Prisma implementation of `PersonalData`. */
export class PrismaPersonalData implements PersonalData {
  constructor(private readonly tx: Tx) {}

  async about(personId: number): Promise<PersonalDataView | null> {
    const person = await this.tx.person.findUnique({
      where: { id: personId },
      include: {
        building: true,
        identities: { orderBy: { id: "asc" } },
        memberships: { include: { chat: true }, orderBy: { id: "asc" } },
        roles: { include: { grid: true }, orderBy: { id: "asc" } },
        volunteer: true,
        checkin: { include: { contacts: { orderBy: { position: "asc" }, include: { person: { select: { displayName: true } } } } } },
        checkinContactOf: { include: { enrolment: { include: { person: { select: { displayName: true } } } } }, orderBy: { id: "asc" } },
      },
    });
    if (!person) return null;
    const [made, taken, signUps, done, received, reports, opened, led] = await Promise.all([
      this.tx.helpRequest.findMany({ where: { requesterId: personId }, orderBy: { id: "desc" } }),
      this.tx.requestAssignment.findMany({ where: { volunteerId: personId }, include: { request: true }, orderBy: { id: "desc" } }),
      this.tx.signUp.findMany({ where: { personId }, include: { event: true }, orderBy: { event: { startsAt: "asc" } } }),
      this.tx.goodDeed.count({ where: { helperId: personId } }),
      this.tx.goodDeed.count({ where: { beneficiaryId: personId } }),
      this.tx.report.findMany({ where: { reporterId: personId }, orderBy: { id: "desc" } }),
      this.tx.mediationCase.findMany({ where: { openedById: personId }, orderBy: { id: "desc" } }),
      this.tx.mediationCase.findMany({ where: { mediatorId: personId }, orderBy: { id: "desc" } }),
    ]);
    const v = person.volunteer;
    return {
      displayName: person.displayName,
      locale: person.locale,
      phone: person.phone,
      building: person.building?.name ?? null,
      room: person.room,
      nameInSummary: person.nameInSummary,
      since: person.createdAt,
      identities: person.identities.map((one) => ({ platform: one.platform as Platform, externalId: one.externalId, displayName: one.displayName, canMessage: one.canMessage })),
      memberships: person.memberships.map((one) => ({ chat: one.chat.title, kind: one.chat.kind === "private" ? "private" : "group", alias: one.alias, isAdmin: one.isAdmin })),
      roles: person.roles.map((one) => ({ role: one.role, grid: one.grid?.name ?? null })),
      volunteer: v && {
        active: v.active,
        skills: JSON.parse(v.skills) as string[],
        items: JSON.parse(v.items) as string[],
        hasCar: v.hasCar,
        firstAid: v.firstAid,
        medicalTraining: v.medicalTraining,
        verified: v.verified,
        availability: JSON.parse(v.availability) as Array<{ days: number[]; from: number; to: number }>,
        quietFrom: v.quietFrom,
        quietTo: v.quietTo,
        maxPingsPerDay: v.maxPingsPerDay,
        emergencyPhone: v.emergencyPhone,
      },
      requestsMade: made.map((one) => ({ id: one.id, category: one.category, what: one.what, state: one.state, createdAt: one.createdAt })),
      requestsTaken: taken.map((one) => ({
        id: one.request.id,
        category: one.request.category,
        // What someone else needed is theirs when it is private (a medical need): only its category is shown.
        what: isPrivateCategory(one.request.category as HelpCategory) ? "" : one.request.what,
        state: one.state,
        assignedAt: one.assignedAt,
      })),
      signUps: signUps.map((one) => ({ eventId: one.eventId, title: one.event.title, startsAt: one.event.startsAt, state: one.state, count: one.count })),
      deeds: { done, received },
      reports: reports.map((one) => ({ id: one.id, kind: one.kind, description: one.description, state: one.state, createdAt: one.createdAt })),
      mediations: [
        ...opened.map((one) => ({ id: one.id, role: "opener" as const, description: one.description, state: one.state, createdAt: one.createdAt })),
        ...led.filter((one) => one.openedById !== personId).map((one) => ({ id: one.id, role: "mediator" as const, description: null, state: one.state, createdAt: one.createdAt })),
      ],
      checkin: person.checkin && {
        active: person.checkin.active,
        dueMinute: person.checkin.dueMinute,
        askMinute: person.checkin.askMinute,
        contacts: person.checkin.contacts.map((one) => one.person.displayName),
      },
      checkinContactFor: person.checkinContactOf.filter((one) => one.enrolment.active).map((one) => one.enrolment.person.displayName),
      ...(await this.#visitsAndGuardians(personId, person.guardianId)),
    };
  }

  /** The active visit rotas a person is in, who acts for them and for whom they act. */
  async #visitsAndGuardians(personId: number, guardianId: number | null): Promise<Pick<PersonalDataView, "visitRotas" | "guardian" | "wards">> {
    const [rotas, wards] = await Promise.all([
      this.tx.visitRota.findMany({
        where: { active: true, OR: [{ elderId: personId }, { members: { some: { volunteerId: personId } } }] },
        include: { members: { orderBy: { order: "asc" } } },
        orderBy: { id: "asc" },
      }),
      this.tx.person.findMany({ where: { guardianId: personId }, select: { displayName: true }, orderBy: { id: "asc" } }),
    ]);
    const ids = [...new Set([...rotas.flatMap((rota) => [rota.elderId, ...rota.members.map((one) => one.volunteerId)]), ...(guardianId ? [guardianId] : [])])];
    const names = new Map((await this.tx.person.findMany({ where: { id: { in: ids } }, select: { id: true, displayName: true } })).map((one) => [one.id, one.displayName]));
    return {
      visitRotas: rotas.map((rota) => ({
        role: rota.elderId === personId ? ("elder" as const) : ("volunteer" as const),
        elder: names.get(rota.elderId) ?? "",
        weekday: rota.weekday,
        minute: rota.minute,
        volunteers: rota.members.map((one) => names.get(one.volunteerId) ?? ""),
      })),
      guardian: guardianId ? (names.get(guardianId) ?? null) : null,
      wards: wards.map((one) => one.displayName),
    };
  }

  async futureSignUps(personId: number, now: Date): Promise<number[]> {
    const rows = await this.tx.signUp.findMany({
      where: { personId, state: { in: ["confirmed", "waitlisted"] }, event: { state: "open", startsAt: { gt: now } } },
      orderBy: { eventId: "asc" },
    });
    return rows.map((row) => row.eventId);
  }

  async forget(personId: number, label: string): Promise<ForgetCounts> {
    const person = await this.tx.person.findUnique({
      where: { id: personId },
      include: { identities: true, memberships: { include: { chat: true } }, volunteer: true },
    });
    if (!person) return { identities: 0, memberships: 0, roles: 0, scrubbed: 0, erased: 0 };
    const needles = needlesOf({
      names: [person.displayName, ...person.identities.map((one) => one.displayName), ...person.memberships.map((one) => one.alias)],
      phones: [person.phone, person.volunteer?.emergencyPhone],
      room: person.room,
    });
    const tx = this.tx;
    // Messages to them (sent or not) are theirs: gone, with those to their private chats.
    const privateChats = person.memberships.filter((one) => one.chat.kind === "private").map((one) => one.chat);
    let erased = 0;
    for (const identity of person.identities) {
      erased += (await tx.outboxMessage.deleteMany({ where: { platform: identity.platform, targetKind: "user", targetId: identity.externalId } })).count;
    }
    // The questions put to them, keyed by their platform ids, go too.
    const chatsOn = (platform: string) => privateChats.filter((chat) => chat.platform === platform).map((chat) => chat.externalId);
    const questions = await tx.appState.findMany({
      where: { OR: person.identities.flatMap((identity) => questionKeysWhere(identity.platform as Platform, identity.externalId, chatsOn(identity.platform))) },
      select: { key: true },
    });
    // Filtered again: SQLite's LIKE ignores ASCII case.
    const asked = questions
      .map(({ key }) => key)
      .filter((key) => person.identities.some((identity) => isQuestionOf(key, identity.platform as Platform, identity.externalId, chatsOn(identity.platform))));
    if (asked.length) erased += (await tx.appState.deleteMany({ where: { key: { in: asked } } })).count;
    for (const chat of privateChats) {
      erased += (await tx.outboxMessage.deleteMany({ where: { platform: chat.platform, targetKind: "chat", targetId: chat.externalId } })).count;
      // The chat row stays for the history that points at it, without their platform id or name.
      await tx.chat.update({ where: { id: chat.id }, data: { title: label, externalId: `forgotten-${chat.id}` } });
    }
    // Their private free texts are emptied; the rest of their history stays, naming the label.
    for (const request of await tx.helpRequest.findMany({ where: { requesterId: personId }, select: { id: true, category: true } })) {
      const secret = isPrivateCategory(request.category as HelpCategory);
      await tx.helpRequest.update({ where: { id: request.id }, data: { sourceText: null, place: null, ...(secret ? { what: "" } : {}) } });
      erased += 1;
    }
    erased += (await tx.goodDeed.updateMany({ where: { private: true, OR: [{ helperId: personId }, { beneficiaryId: personId }] }, data: { description: null } })).count;
    erased += (await tx.mediationCase.updateMany({ where: { openedById: personId }, data: { description: "" } })).count;
    // Their photos of reports (a photo may show them or their door), and one kept for a report that may follow.
    erased += (await tx.reportPhoto.deleteMany({ where: { personId } })).count;
    for (const identity of person.identities) {
      erased += (await tx.appState.deleteMany({ where: { key: { startsWith: `photo:${identity.platform}:`, endsWith: `:${identity.externalId}` } } })).count;
    }
    // The log of a case they raised is about them: emptied. Notes they wrote on others' cases stay, scrubbed of their names below.
    erased += (await tx.mediationNote.updateMany({ where: { case: { openedById: personId } }, data: { text: "" } })).count;
    erased += (await tx.unsureMessage.deleteMany({ where: { personId } })).count;
    // Visits: the notes about a forgotten elder are emptied and her rotas stop; a forgotten volunteer leaves every rota.
    erased += (await tx.visit.updateMany({ where: { elderId: personId, note: { not: null } }, data: { note: null } })).count;
    await tx.visitRota.updateMany({ where: { elderId: personId, active: true }, data: { active: false } });
    await tx.visitRotaMember.deleteMany({ where: { volunteerId: personId } });
    await tx.checkinEnrolment.updateMany({ where: { contactPersonId: personId }, data: { contactPersonId: null } });
    // Their check-ins: their enrolment, its contacts and days; their place on others' lists; their answers for others.
    await tx.checkinContact.deleteMany({ where: { OR: [{ personId }, { enrolment: { personId } }] } });
    await tx.checkinDay.deleteMany({ where: { personId } });
    await tx.checkinDay.updateMany({ where: { answeredById: personId }, data: { answeredById: null } });
    await tx.checkinDay.updateMany({ where: { goingById: personId }, data: { goingById: null } });
    await tx.checkinEnrolment.deleteMany({ where: { personId } });
    await tx.volunteerProfile.deleteMany({ where: { personId } });
    const roles = (await tx.roleAssignment.deleteMany({ where: { personId } })).count;
    const memberships = (await tx.membership.deleteMany({ where: { personId } })).count;
    const identities = (await tx.identity.deleteMany({ where: { personId } })).count;
    await tx.person.update({
      where: { id: personId },
      data: { displayName: label, locale: null, phone: null, buildingId: null, room: null, nameInSummary: false },
    });
    let scrubbed = 0;
    for (const { table, column, json } of FREE_TEXT) {
      const delegate = (tx as unknown as Record<ScrubTable, ScrubDelegate>)[table];
      for (const needle of needles) {
        const rows = await delegate.findMany({ where: { [column]: { contains: json ? JSON.stringify(needle).slice(1, -1) : needle } }, select: { id: true, [column]: true } });
        for (const row of rows) {
          const before = row[column] as string | null;
          const after = json ? scrubJson(before, needles, label) : scrubText(before, needles, label);
          if (after === before) continue;
          await delegate.update({ where: { id: row.id as number }, data: { [column]: after } });
          scrubbed += 1;
        }
      }
    }
    // Small values (questions remembered with the start of their text) are JSON keyed by name, not id.
    const inJson = (needle: string) => JSON.stringify(needle).slice(1, -1);
    if (needles.length) {
      for (const row of await tx.appState.findMany({ where: { OR: needles.map((needle) => ({ value: { contains: inJson(needle) } })) } })) {
        const after = scrubJson(row.value, needles, label);
        if (after === row.value) continue;
        await tx.appState.update({ where: { key: row.key }, data: { value: after } });
        scrubbed += 1;
      }
    }
    return { identities, memberships, roles, scrubbed, erased };
  }
}

/** The questions put to a person, as a query: their private lanes' questions, and their "which one?" questions. */
function questionKeysWhere(platform: Platform, userId: string, privateChats: string[]) {
  const { prefixes, which } = questionKeysOf(platform, userId, privateChats);
  return [...prefixes.map((prefix) => ({ key: { startsWith: prefix } })), { AND: [{ key: { startsWith: which.prefix } }, { key: { endsWith: which.suffix } }] }];
}
