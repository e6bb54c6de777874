/** In-memory `PersonalData`: a resident's own data gathered, and erased and anonymised, over the fake store. */
import { isQuestionOf } from "../../../src/chat/numbered-choices.ts";
import type { ForgetCounts, PersonalData, PersonalDataView } from "../../../src/features/privacy/ports.ts";
import { isPrivateCategory } from "../../../src/features/requests/domain/policy.ts";
import { needlesOf, scrubText } from "../../../src/features/privacy/domain/scrub.ts";
import type { FakeState } from "./state.ts";

/** In-memory `PersonalData` (reports hold no text in the fake store, so they list nothing). */
export class FakePersonalData implements PersonalData {
  constructor(private readonly state: FakeState) {}

  async about(personId: number): Promise<PersonalDataView | null> {
    const s = this.state;
    const person = s.people.find((one) => one.id === personId);
    if (!person) return null;
    const v = s.volunteers.find((one) => one.personId === personId);
    const requests = new Map(s.requests.map((one) => [one.id, one]));
    const events = new Map(s.events.map((one) => [one.id, one]));
    const checkin = s.checkins.find((one) => one.personId === personId);
    const name = (id: number) => s.people.find((one) => one.id === id)?.displayName ?? "";
    return {
      displayName: person.displayName,
      locale: person.locale,
      phone: person.phone,
      building: s.buildings.find((one) => one.id === person.buildingId)?.name ?? null,
      room: person.room,
      nameInSummary: person.nameInSummary,
      since: new Date(0),
      identities: s.identities.filter((one) => one.personId === personId).map((one) => ({ platform: one.platform, externalId: one.externalId, displayName: one.displayName, canMessage: true })),
      memberships: s.memberships
        .filter((one) => one.personId === personId)
        .map((one) => {
          const chat = s.chats.find((each) => each.id === one.chatId)!;
          return { chat: chat.title, kind: chat.kind, alias: one.alias, isAdmin: one.isAdmin };
        }),
      roles: s.roles.filter((one) => one.personId === personId).map((one) => ({ role: one.role, grid: s.grids.find((grid) => grid.id === one.gridId)?.name ?? null })),
      volunteer: v
        ? {
            active: v.active,
            skills: [...v.skills],
            items: [...v.items],
            hasCar: v.hasCar,
            firstAid: v.firstAid,
            medicalTraining: v.medicalTraining,
            verified: v.verified,
            availability: structuredClone(v.availability),
            quietFrom: v.quietFrom,
            quietTo: v.quietTo,
            maxPingsPerDay: v.maxPingsPerDay,
            emergencyPhone: v.emergencyPhone,
          }
        : null,
      requestsMade: s.requests
        .filter((one) => one.requesterId === personId)
        .sort((a, b) => b.id - a.id)
        .map((one) => ({ id: one.id, category: one.category, what: one.what, state: one.state, createdAt: one.createdAt })),
      requestsTaken: s.assignments
        .filter((one) => one.volunteerId === personId)
        .sort((a, b) => b.id - a.id)
        .map((one) => {
          const request = requests.get(one.requestId)!;
          return { id: request.id, category: request.category, what: isPrivateCategory(request.category) ? "" : request.what, state: one.state, assignedAt: one.assignedAt };
        }),
      signUps: s.signUps
        .filter((one) => one.personId === personId)
        .map((one) => ({ eventId: one.eventId, title: events.get(one.eventId)!.title, startsAt: events.get(one.eventId)!.startsAt, state: one.state, count: one.count }))
        .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime()),
      deeds: { done: s.deeds.filter((one) => one.helperId === personId).length, received: s.deeds.filter((one) => one.beneficiaryId === personId).length },
      reports: [],
      mediations: [
        ...s.mediations
          .filter((one) => one.openedById === personId)
          .sort((a, b) => b.id - a.id)
          .map((one) => ({ id: one.id, role: "opener" as const, description: one.description ?? "", state: one.state, createdAt: one.createdAt })),
        ...s.mediations
          .filter((one) => one.mediatorId === personId && one.openedById !== personId)
          .sort((a, b) => b.id - a.id)
          .map((one) => ({ id: one.id, role: "mediator" as const, description: null, state: one.state, createdAt: one.createdAt })),
      ],
      checkin: checkin
        ? {
            active: checkin.active,
            dueMinute: (checkin.askMinute ?? 540) + (checkin.graceMinutes ?? 120),
            askMinute: checkin.askMinute ?? 540,
            contacts: s.checkinContacts
              .filter((one) => one.enrolmentId === checkin.id)
              .sort((a, b) => a.position - b.position)
              .map((one) => s.people.find((each) => each.id === one.personId)?.displayName ?? ""),
          }
        : null,
      checkinContactFor: s.checkinContacts
        .filter((one) => one.personId === personId)
        .flatMap((one) => s.checkins.filter((each) => each.id === one.enrolmentId && each.active))
        .map((one) => s.people.find((each) => each.id === one.personId)?.displayName ?? ""),
      visitRotas: s.visitRotas
        .filter((rota) => rota.active && (rota.elderId === personId || rota.volunteerIds.includes(personId)))
        .map((rota) => ({ role: rota.elderId === personId ? ("elder" as const) : ("volunteer" as const), elder: name(rota.elderId), weekday: rota.weekday, minute: rota.minute, volunteers: rota.volunteerIds.map(name) })),
      guardian: person.guardianId ? name(person.guardianId) : null,
      wards: s.people.filter((one) => one.guardianId === personId).map((one) => one.displayName),
    };
  }

  async futureSignUps(personId: number, now: Date): Promise<number[]> {
    const open = new Set(this.state.events.filter((one) => one.state === "open" && one.startsAt > now).map((one) => one.id));
    return this.state.signUps
      .filter((one) => one.personId === personId && one.state !== "cancelled" && open.has(one.eventId))
      .map((one) => one.eventId)
      .sort((a, b) => a - b);
  }

  async forget(personId: number, label: string): Promise<ForgetCounts> {
    const s = this.state;
    const person = s.people.find((one) => one.id === personId);
    if (!person) return { identities: 0, memberships: 0, roles: 0, scrubbed: 0, erased: 0 };
    const identities = s.identities.filter((one) => one.personId === personId);
    const memberships = s.memberships.filter((one) => one.personId === personId);
    const needles = needlesOf({
      names: [person.displayName, ...identities.map((one) => one.displayName), ...memberships.map((one) => one.alias)],
      phones: [person.phone, s.volunteers.find((one) => one.personId === personId)?.emergencyPhone],
      room: person.room,
    });
    const privateChats = s.chats.filter((chat) => chat.kind === "private" && memberships.some((one) => one.chatId === chat.id));
    let erased = 0;
    const before = s.outbox.length;
    const theirs = ({ target }: (typeof s.outbox)[number]) =>
      target.kind === "user"
        ? identities.some((one) => one.platform === target.platform && one.externalId === target.userId)
        : privateChats.some((chat) => chat.platform === target.platform && chat.externalId === target.chatId);
    s.outbox = s.outbox.filter((row) => !theirs(row));
    erased += before - s.outbox.length;
    for (const key of Object.keys(s.appStates)) {
      const chatsOn = (platform: string) => privateChats.filter((chat) => chat.platform === platform).map((chat) => chat.externalId);
      if (identities.some((one) => isQuestionOf(key, one.platform, one.externalId, chatsOn(one.platform)))) {
        delete s.appStates[key];
        erased += 1;
      }
    }
    for (const chat of privateChats) Object.assign(chat, { title: label, externalId: `forgotten-${chat.id}` });
    for (const request of s.requests.filter((one) => one.requesterId === personId)) {
      request.sourceText = null;
      request.place = null;
      if (isPrivateCategory(request.category)) request.what = "";
      erased += 1;
    }
    for (const deed of s.deeds.filter((one) => one.private && (one.helperId === personId || one.beneficiaryId === personId))) {
      deed.description = null;
      erased += 1;
    }
    const photos = s.reportPhotos.length;
    s.reportPhotos = s.reportPhotos.filter((one) => one.personId !== personId);
    erased += photos - s.reportPhotos.length;
    const theirCases = s.mediations.filter((one) => one.openedById === personId);
    for (const one of theirCases) {
      one.description = "";
      erased += 1;
    }
    for (const note of s.mediationNotes.filter((each) => theirCases.some((one) => one.id === each.caseId))) {
      note.text = "";
      erased += 1;
    }
    const unsure = s.unsure.length;
    s.unsure = s.unsure.filter((one) => one.personId !== personId);
    erased += unsure - s.unsure.length;
    for (const visit of s.visits.filter((one) => one.elderId === personId && one.note !== null)) {
      visit.note = null;
      erased += 1;
    }
    for (const rota of s.visitRotas) {
      if (rota.elderId === personId) rota.active = false;
      rota.volunteerIds = rota.volunteerIds.filter((one) => one !== personId);
    }
    const own = new Set(s.checkins.filter((one) => one.personId === personId).map((one) => one.id));
    s.checkinContacts = s.checkinContacts.filter((one) => one.personId !== personId && !own.has(one.enrolmentId));
    s.checkinDays = s.checkinDays.filter((one) => one.personId !== personId);
    for (const day of s.checkinDays) {
      if (day.answeredById === personId) day.answeredById = null;
      if (day.goingById === personId) day.goingById = null;
    }
    s.checkins = s.checkins.filter((one) => one.personId !== personId);
    s.volunteers = s.volunteers.filter((one) => one.personId !== personId);
    const roles = s.roles.filter((one) => one.personId === personId).length;
    s.roles = s.roles.filter((one) => one.personId !== personId);
    s.memberships = s.memberships.filter((one) => one.personId !== personId);
    s.identities = s.identities.filter((one) => one.personId !== personId);
    Object.assign(person, { displayName: label, locale: null, phone: null, buildingId: null, room: null, nameInSummary: false });
    let scrubbed = 0;
    const scrub = <T extends string | null>(text: T): T => {
      const after = scrubText(text, needles, label);
      if (after !== text) scrubbed += 1;
      return after;
    };
    for (const row of s.outbox) {
      row.message.text = scrub(row.message.text);
      if (row.target.kind === "user") row.target.displayName = scrub(row.target.displayName);
    }
    for (const list of s.chatLists) {
      list.title = scrub(list.title);
      for (const entry of list.entries) entry.text = scrub(entry.text);
    }
    for (const chat of s.chats) chat.title = scrub(chat.title);
    for (const membership of s.memberships) membership.alias = scrub(membership.alias);
    for (const request of s.requests) Object.assign(request, { what: scrub(request.what), place: scrub(request.place), sourceText: scrub(request.sourceText) });
    for (const event of s.events) Object.assign(event, { title: scrub(event.title), place: scrub(event.place) });
    for (const credit of s.credits) credit.description = scrub(credit.description);
    for (const deed of s.deeds) deed.description = scrub(deed.description);
    for (const transfer of s.transfers) transfer.memo = scrub(transfer.memo);
    for (const entry of s.audit) if (entry.detail !== undefined) entry.detail = JSON.parse(scrub(JSON.stringify(entry.detail))) as unknown;
    for (const one of s.unsure) one.text = scrub(one.text);
    for (const one of s.mediations) if (one.description !== undefined) one.description = scrub(one.description);
    for (const note of s.mediationNotes) note.text = scrub(note.text);
    for (const visit of s.visits) visit.note = scrub(visit.note);
    for (const key of Object.keys(s.appStates)) s.appStates[key] = JSON.parse(scrub(JSON.stringify(s.appStates[key]))) as string;
    return { identities: identities.length, memberships: memberships.length, roles, scrubbed, erased };
  }
}
