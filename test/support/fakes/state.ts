/**
 * The in-memory store behind the fake repositories: one array of plain rows per table, shaped like the Prisma schema
 * where the ports read them. A unit of work clones it and swaps the clone in on success.
 */
import type { OutboundMessage, OutboundTarget, Platform } from "../../../src/chat/types.ts";
import type { Lang } from "../../../src/kernel/lang.ts";
import type { AuditEntry, UnsureRecord } from "../../../src/app/ports.ts";
import type { HelpCategory, PingView, RequestState } from "../../../src/features/requests/ports.ts";
import type { PendingCreditView, TransferKind } from "../../../src/features/timebank/ports.ts";
import type { NewEvent } from "../../../src/features/events/ports.ts";
import type { NewGoodDeed } from "../../../src/features/deeds/ports.ts";

export interface CommunityRow { id: number; name: string; timeZone: string; locale: string; settings: string }
export interface GridRow { id: number; communityId: number; name: string; isDefault: boolean }
export interface BuildingRow { id: number; communityId: number; gridId: number | null; key: string; name: string }
export interface ChatRow {
  id: number;
  communityId: number;
  platform: Platform;
  externalId: string;
  kind: "group" | "private";
  title: string;
  locale: string;
  buildingId: number | null;
  gridId: number | null;
  interest: string | null;
}
export interface PersonRow {
  id: number;
  communityId: number;
  displayName: string;
  locale: string | null;
  phone: string | null;
  buildingId: number | null;
  room: string | null;
  nameInSummary: boolean;
  /** Guardian mode: who acts for this person. */
  guardianId?: number | null;
}
export interface IdentityRow { id: number; personId: number; platform: Platform; externalId: string; displayName: string }
export interface MembershipRow { id: number; chatId: number; personId: number; alias: string | null; isAdmin: boolean }
export type Role = "grid_captain" | "coordinator" | "mediator";
export interface RoleRow { id: number; communityId: number; personId: number; role: Role; gridId: number | null }
export interface VolunteerRow {
  id: number;
  personId: number;
  active: boolean;
  skills: string[];
  items: string[];
  hasCar: boolean;
  firstAid: boolean;
  medicalTraining: boolean;
  verified: boolean;
  availability: Array<{ days: number[]; from: number; to: number }>;
  quietFrom: number | null;
  quietTo: number | null;
  maxPingsPerDay: number;
  pingsAccepted: number;
  pingsMissed: number;
  emergencyPhone: string | null;
}
export interface RequestRow {
  id: number;
  communityId: number;
  requesterId: number;
  chatId: number | null;
  buildingId: number | null;
  category: HelpCategory;
  what: string;
  neededAt: Date | null;
  place: string | null;
  urgent: boolean;
  state: RequestState;
  sourceText: string | null;
  minutesSpent: number | null;
  createdAt: Date;
  closedAt: Date | null;
}
export interface PingRow { id: number; requestId: number; volunteerId: number; wave: number; state: PingView["state"]; sentAt: Date; answeredAt: Date | null }
export interface AssignmentRow { id: number; requestId: number; volunteerId: number; state: "active" | "done" | "withdrawn"; assignedAt: Date; doneAt: Date | null }
/** An event as stored: the fields of a new one, and what the store adds. */
export type EventRow = Omit<NewEvent, "seriesId"> & { id: number; seriesId: number | null; state: "open" | "cancelled" | "done"; createdAt: Date };
export interface SignUpRow {
  id: number;
  eventId: number;
  personId: number;
  count: number;
  state: "confirmed" | "waitlisted" | "cancelled";
  position: number;
  attended: boolean | null;
  createdAt: Date;
}
export interface ChatListRow { id: number; chatId: number; title: string; entries: Array<{ n: number; text: string }>; eventId: number | null }
export interface AccountRow { id: number; communityId: number; personId: number | null; kind: "person" | "fund" }
export interface TransferRow {
  id: number;
  communityId: number;
  kind: TransferKind;
  category: string | null;
  memo: string | null;
  reversesId: number | null;
  createdAt: Date;
}
export interface EntryRow { id: number; transferId: number; accountId: number; minutes: number; createdAt: Date }
/** A pending credit as stored: the view without the names and the community, with when it was decided. */
export type CreditRow = Omit<PendingCreditView, "communityId" | "helperName" | "beneficiaryName"> & { decidedAt: Date | null };
export interface DeedRow extends NewGoodDeed { id: number; createdAt: Date }
export interface HonourRow { id: number; personId: number; public: boolean; milestoneHours: number }
export interface ReportRow {
  id: number;
  communityId: number;
  reporterId: number;
  chatId: number | null;
  buildingId: number | null;
  gridId: number | null;
  place: string | null;
  placeKey: string | null;
  kind: string;
  description: string;
  state: string;
  stateNote: string | null;
  duplicateOfId: number | null;
  createdAt: Date;
  updatedAt: Date;
  resolvedAt: Date | null;
}
export interface ReportPhotoRow { id: number; reportId: number; personId: number; platform: Platform; ref: string; createdAt: Date }
export interface ReportUpdateRow { id: number; reportId: number; actorId: number | null; state: string; note: string | null; createdAt: Date }
/** A visit rota (探访) as stored: the volunteers in turn order. */
export interface VisitRotaRow { id: number; communityId: number; elderId: number; weekday: number; minute: number; active: boolean; createdById: number; volunteerIds: number[] }
/** One week's visit as stored. */
export interface VisitRow { id: number; rotaId: number; elderId: number; volunteerId: number; week: number; dueAt: Date; state: "scheduled" | "done" | "missed" | "swapped"; minutes: number | null; note: string | null; creditId: number | null }
/** A mediation case as stored (digest tests seed only what they count, so the rest is optional). */
export interface MediationRow {
  id: number;
  communityId: number;
  state: string;
  createdAt: Date;
  openedById?: number;
  mediatorId?: number | null;
  gridId?: number | null;
  chatId?: number | null;
  kind?: string | null;
  description?: string;
  outcome?: string | null;
  referredTo?: string | null;
  otherPartyId?: number | null;
  otherPartyAnswer?: string | null;
  followUp?: string | null;
  takenAt?: Date | null;
  closedAt?: Date | null;
}
export interface MediationNoteRow { id: number; caseId: number; authorId: number; text: string; createdAt: Date }
export interface CheckinRow {
  id: number;
  personId: number;
  active: boolean;
  createdAt: Date;
  lastCheckinAt: Date | null;
  askMinute?: number;
  graceMinutes?: number;
  pausedUntil?: Date | null;
  enrolledById?: number | null;
}
export interface CheckinContactRow { id: number; enrolmentId: number; personId: number; position: number }
export interface CheckinDayRow {
  id: number;
  enrolmentId: number;
  personId: number;
  date: string;
  state: "asked" | "answered" | "missed" | "paused";
  late: boolean;
  answeredById: number | null;
  answeredAt: Date | null;
  goingById: number | null;
  escalatedTo: number[];
}
export interface JobRow {
  id: number;
  kind: string;
  dueAt: Date;
  payload: unknown;
  staleAt: Date | null;
  dedupeKey: string | null;
  state: "pending" | "done" | "dropped" | "failed";
  createdAt: Date;
}
/** A message written to the outbox: what tests assert on. */
export interface OutboxRow { id: number; target: OutboundTarget; message: OutboundMessage; lang: Lang; priority: number; createdAt: Date }
export interface ProcessedRow { id: number; platform: Platform; externalId: string; chatId: number | null; intent: string; processedAt: Date }
export interface AuditRow extends AuditEntry { id: number; createdAt: Date }

/** Every table. */
export interface FakeState {
  /** The last id given out, per table. */
  ids: Record<string, number>;
  communities: CommunityRow[];
  grids: GridRow[];
  buildings: BuildingRow[];
  chats: ChatRow[];
  people: PersonRow[];
  identities: IdentityRow[];
  memberships: MembershipRow[];
  roles: RoleRow[];
  volunteers: VolunteerRow[];
  requests: RequestRow[];
  pings: PingRow[];
  assignments: AssignmentRow[];
  events: EventRow[];
  signUps: SignUpRow[];
  chatLists: ChatListRow[];
  accounts: AccountRow[];
  transfers: TransferRow[];
  entries: EntryRow[];
  credits: CreditRow[];
  deeds: DeedRow[];
  reports: ReportRow[];
  reportPhotos: ReportPhotoRow[];
  reportUpdates: ReportUpdateRow[];
  mediations: MediationRow[];
  mediationNotes: MediationNoteRow[];
  visitRotas: VisitRotaRow[];
  visits: VisitRow[];
  checkins: CheckinRow[];
  checkinContacts: CheckinContactRow[];
  checkinDays: CheckinDayRow[];
  honours: HonourRow[];
  jobs: JobRow[];
  outbox: OutboxRow[];
  processed: ProcessedRow[];
  audit: AuditRow[];
  appStates: Record<string, string>;
  unsure: UnsureRecord[];
}

/** Tables that hold rows with ids. */
export type Table = Exclude<keyof FakeState, "ids" | "appStates">;

/** An empty store. */
export function emptyState(): FakeState {
  return {
    ids: {},
    communities: [],
    grids: [],
    buildings: [],
    chats: [],
    people: [],
    identities: [],
    memberships: [],
    roles: [],
    volunteers: [],
    requests: [],
    pings: [],
    assignments: [],
    events: [],
    signUps: [],
    chatLists: [],
    accounts: [],
    transfers: [],
    entries: [],
    credits: [],
    deeds: [],
    reports: [],
    reportPhotos: [],
    reportUpdates: [],
    mediations: [],
    mediationNotes: [],
    visitRotas: [],
    visits: [],
    checkins: [],
    checkinContacts: [],
    checkinDays: [],
    honours: [],
    jobs: [],
    outbox: [],
    processed: [],
    audit: [],
    appStates: {},
    unsure: [],
  };
}

/** Add a row with the table's next id (ids auto-increment from 1, like the database's). */
export function insert<T extends Table>(state: FakeState, table: T, row: Omit<FakeState[T][number], "id">): FakeState[T][number] {
  const id = (state.ids[table] ?? 0) + 1;
  state.ids[table] = id;
  const full = { ...row, id } as FakeState[T][number];
  (state[table] as Array<FakeState[T][number]>).push(full);
  return full;
}

/** A row that must exist (a foreign key the database would enforce). */
export function must<T>(row: T | undefined, what: string): T {
  if (row === undefined) throw new Error(`fake store: no ${what}`);
  return row;
}
