/** Ports of a resident's own data: everything Linli holds about them (`/mydata`), and forgetting them (`/forgetme`). */
import type { Platform } from "../../kernel/platform.ts";

/** What Linli holds about one person, gathered for them alone. Private: only ever sent to that person. */
export interface PersonalDataView {
  displayName: string;
  locale: string | null;
  phone: string | null;
  building: string | null;
  room: string | null;
  /** Whether the weekly summary may name them. */
  nameInSummary: boolean;
  since: Date;
  identities: Array<{ platform: Platform; externalId: string; displayName: string; canMessage: boolean }>;
  memberships: Array<{ chat: string; kind: "group" | "private"; alias: string | null; isAdmin: boolean }>;
  roles: Array<{ role: string; grid: string | null }>;
  volunteer: {
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
    emergencyPhone: string | null;
  } | null;
  /** Help requests they asked for, newest first. */
  requestsMade: Array<{ id: number; category: string; what: string; state: string; createdAt: Date }>;
  /** Requests they helped with or took on, newest first (what was needed is left out for private categories). */
  requestsTaken: Array<{ id: number; category: string; what: string; state: string; assignedAt: Date }>;
  /** Their sign-ups, soonest event first. */
  signUps: Array<{ eventId: number; title: string; startsAt: Date; state: string; count: number }>;
  /** Good deeds counted for them. */
  deeds: { done: number; received: number };
  /** Reports they made, with their content. */
  reports: Array<{ id: number; kind: string | null; description: string; state: string; createdAt: Date }>;
  /** Mediation cases they opened (with the content) or mediate (without: it is the parties'). */
  mediations: Array<{ id: number; role: "opener" | "mediator"; description: string | null; state: string; createdAt: Date }>;
  /** The daily check-in they are enrolled in, if any. */
  checkin: { active: boolean; dueMinute: number; askMinute?: number; contacts?: string[] } | null;
  /** Whose daily check-in contact they are (by name). */
  checkinContactFor?: string[];
  /** The active visit rotas they are in: visited (as the elder) or visiting, with the volunteers in turn order. */
  visitRotas?: Array<{ role: "elder" | "volunteer"; elder: string; weekday: number; minute: number; volunteers: string[] }>;
  /** Who acts for them (guardian mode), and for whom they act, by name. */
  guardian?: string | null;
  wards?: string[];
}

/** What forgetting a person changed, as counts (for the audit log, which holds no personal data). */
export interface ForgetCounts {
  identities: number;
  memberships: number;
  roles: number;
  /** Rows elsewhere whose text named them, now naming the anonymous label instead. */
  scrubbed: number;
  /** Their own free texts emptied (private request details, mediation content, unsure messages). */
  erased: number;
}

/** A resident's own data. */
export interface PersonalData {
  /** Everything held about a person, or null when there is no such person. */
  about(personId: number): Promise<PersonalDataView | null>;
  /** Events (still open, starting after `now`) the person is signed up or waitlisted for. */
  futureSignUps(personId: number, now: Date): Promise<number[]>;
  /**
   * Erase a person's details and anonymise them in history: their identities, memberships, roles, volunteer profile,
   * check-in, phone, residence and names go; wherever their names, phone or room appear in stored text (messages,
   * lists, memos, logs) `label` stands instead; their private free texts are emptied. Ledger entries, requests, pings,
   * deeds and sign-ups stay (on the anonymised person), so counts and other people's records are unchanged.
   */
  forget(personId: number, label: string): Promise<ForgetCounts>;
}
