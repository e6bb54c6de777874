/**
 * Ports: what use cases need from storage, as plural-noun interfaces. Infra implements them on Prisma,
 * bound to one transaction; tests may implement them in memory.
 */
import type { ChatRef, OutboundMessage, OutboundTarget, Platform, UserRef } from "../kernel/platform.ts";
import type { Lang } from "../kernel/lang.ts";
import type { HelpRequests, People } from "../features/requests/ports.ts";
import type { Ledger, PendingCredits } from "../features/timebank/ports.ts";
import type { GoodDeeds } from "../features/deeds/ports.ts";
import type { Digests } from "../features/digests/ports.ts";
import type { Events } from "../features/events/ports.ts";
import type { PersonalData } from "../features/privacy/ports.ts";
import type { Reports } from "../features/reports/ports.ts";
import type { Mediations } from "../features/mediation/ports.ts";
import type { Visits } from "../features/visits/ports.ts";
import type { Guardians } from "../features/guardian/ports.ts";
import type { Checkins } from "../features/checkins/ports.ts";
import type { Honours } from "../features/recognition/ports.ts";

/**
 * A chat as Linli knows it: identity and language only. The pipeline caches these for the life of the process, so
 * anything that changes (its building, grid or interest binding) is read fresh by the use cases that need it.
 */
export interface KnownChat {
  id: number;
  communityId: number;
  platform: Platform;
  externalId: string;
  kind: "group" | "private";
  title: string;
  lang: Lang;
}

/** A person as Linli knows them, through the identity they wrote from (cached like `KnownChat`: no residence). */
export interface KnownPerson {
  id: number;
  communityId: number;
  displayName: string;
  lang: Lang | null;
}

/** A community and its defaults. */
export interface KnownCommunity {
  id: number;
  name: string;
  timeZone: string;
  lang: Lang;
}

/** Chats, people, identities, memberships and buildings. */
export interface Directories {
  defaultCommunity(): Promise<KnownCommunity>;
  findChat(platform: Platform, externalId: string): Promise<KnownChat | null>;
  createChat(ref: ChatRef, communityId: number, lang: Lang): Promise<KnownChat>;
  findPerson(platform: Platform, externalId: string): Promise<KnownPerson | null>;
  /** A person of the community by display name (exact), for commands that name someone without a mention. */
  findPersonByName(communityId: number, name: string): Promise<KnownPerson | null>;
  createPerson(user: UserRef, communityId: number): Promise<KnownPerson>;
  /** Record membership; updates the admin flag when the platform says it changed. */
  upsertMembership(chatId: number, personId: number, isAdmin: boolean | undefined): Promise<{ isAdmin: boolean }>;
  /** A person left a chat (nothing happens when they were not a member). */
  removeMembership(chatId: number, personId: number): Promise<void>;
  ensureBuilding(communityId: number, key: string, name: string): Promise<{ id: number }>;
  setResidence(personId: number, buildingId: number, room: string | null): Promise<void>;
  /** The grid a building sits in. */
  gridOfBuilding(buildingId: number): Promise<number | null>;
  /** The private emergency contact card of a person (captains and coordinators only may see it). */
  contactCard(personId: number): Promise<ContactCard | null>;
  setPhone(personId: number, phone: string): Promise<void>;
  /** Whether the weekly summary may name the person (their opt-out). */
  setNameInSummary(personId: number, allowed: boolean): Promise<void>;
  /** Whether the person holds a community role (a coordinator's commands need it). */
  hasRole(personId: number, role: "grid_captain" | "coordinator" | "mediator"): Promise<boolean>;
  /** A grid by name, created when new. */
  ensureGrid(communityId: number, name: string): Promise<{ id: number }>;
  moveBuildingToGrid(buildingId: number, gridId: number): Promise<void>;
  /** Bind a chat to a building or an interest (one at a time). */
  bindChat(chatId: number, binding: { buildingId: number } | { interest: string }): Promise<void>;
  /** Give a community role (a grid captain's with their grid); giving it twice keeps one. */
  assignRole(communityId: number, personId: number, role: "grid_captain" | "coordinator" | "mediator", gridId: number | null): Promise<void>;
}

/** Who someone is, where they live and what they can do in an emergency. Private. */
export interface ContactCard {
  displayName: string;
  building: string | null;
  room: string | null;
  phone: string | null;
  hasCar: boolean;
  firstAid: boolean;
  medicalTraining: boolean;
  /** Checked by a coordinator (childcare needs it). */
  verified: boolean;
  skills: string[];
}

/** Volunteer profiles. */
export interface Volunteers {
  /** Opt a person in (again), adding skills and items to those they had. */
  enroll(personId: number, skills: string[], items?: string[]): Promise<void>;
  /** How many pings a day at most. */
  setDailyLimit(personId: number, limit: number): Promise<void>;
  /** Quiet hours in minutes after local midnight, or null for none. */
  setQuietHours(personId: number, quiet: { from: number; to: number } | null): Promise<void>;
  /** Weekly windows when they may be pinged (days 1 Monday … 7 Sunday, minutes after midnight); empty = any time. */
  setAvailability(personId: number, windows: Array<{ days: number[]; from: number; to: number }>): Promise<void>;
}

/** Options for an outbox message. */
export interface EnqueueOptions {
  /** Higher goes first: 0 bulk, 5 normal (default), 9 emergency. */
  priority?: number;
  /** The language of the target, for texts the render step adds. */
  lang: Lang;
}

/** The transactional outbox: written with the domain change, sent by the dispatcher after commit. */
export interface Outboxes {
  enqueue(target: OutboundTarget, message: OutboundMessage, options: EnqueueOptions): Promise<void>;
  /**
   * When the bot's messages to a group since `since` were written, oldest first (for the group's hourly budget): the
   * chat's own messages and private ones that fell back to a mention there; emergencies (priority 9) and messages that
   * failed for good are not counted.
   */
  toGroupSince(platform: Platform, chatId: string, since: Date): Promise<Date[]>;
}

/** Thrown by `ProcessedMessages.record` for a message already recorded: the redelivery's transaction rolls back. */
export class AlreadyProcessed extends Error {
  constructor(platform: string, externalId: string) {
    super(`message ${platform}:${externalId} was already processed`);
    this.name = "AlreadyProcessed";
  }
}

/** The record of inbound messages that have had their effect; recording one twice throws `AlreadyProcessed`. */
export interface ProcessedMessages {
  record(platform: Platform, externalId: string, chatId: number | null, intent: string): Promise<void>;
}

/** A job to schedule. */
export interface NewJob {
  kind: string;
  dueAt: Date;
  payload?: unknown;
  /** Past this time the job is dropped instead of run. */
  staleAt?: Date;
  /** Scheduling the same key twice keeps the first. */
  dedupeKey?: string;
}

/** Scheduled jobs. */
export interface Jobs {
  /** Schedule a job; false when one with the same dedupe key exists already (nothing is written then). */
  schedule(job: NewJob): Promise<boolean>;
}

/** An entry for the audit log. */
export interface AuditEntry {
  communityId?: number;
  actorId?: number;
  action: string;
  subjectType?: string;
  subjectId?: string | number;
  detail?: unknown;
}

/** The audit log. */
export interface AuditLogs {
  append(entry: AuditEntry): Promise<void>;
}

/** Small persistent values of the process (numbered options awaiting a reply, the virtual clock). */
export interface AppStates {
  get(key: string): Promise<string | null>;
  set(key: string, value: string): Promise<void>;
  /** The values whose keys start with `prefix`, in key order. */
  list(prefix: string): Promise<Array<{ key: string; value: string }>>;
  /** Forget keys (missing ones are fine). */
  delete(keys: string[]): Promise<void>;
}

/** The last copy of each 接龙 list seen in a chat, by title. */
export interface GroupNotes {
  lastCopy(chatId: number, title: string): Promise<Array<{ n: number; text: string }> | null>;
  saveCopy(chatId: number, title: string, entries: Array<{ n: number; text: string }>): Promise<void>;
}

/** Communities: their settings (policies as JSON) and their group chats. */
export interface Communities {
  list(): Promise<KnownCommunity[]>;
  settings(communityId: number): Promise<Record<string, unknown>>;
  /** Merge `patch` into the settings (one level deep: `{ timeBank: { capHours } }` keeps the other time-bank keys). */
  updateSettings(communityId: number, patch: Record<string, unknown>): Promise<Record<string, unknown>>;
  /** The group chats of a community. */
  groupChats(communityId: number): Promise<KnownChat[]>;
}

/** Every port, bound to one transaction. */
export interface Repositories {
  requests: HelpRequests;
  credits: PendingCredits;
  ledger: Ledger;
  deeds: GoodDeeds;
  communities: Communities;
  digests: Digests;
  events: Events;
  people: People;
  volunteers: Volunteers;
  groupNotes: GroupNotes;
  directories: Directories;
  outboxes: Outboxes;
  processed: ProcessedMessages;
  jobs: Jobs;
  audit: AuditLogs;
  states: AppStates;
  unsure: UnsureMessages;
  personalData: PersonalData;
  reports: Reports;
  mediation: Mediations;
  visits: Visits;
  guardians: Guardians;
  checkins: Checkins;
  honours: Honours;
}

/** Runs a use case in one transaction. Never await chat or network I/O inside `work`. */
export interface UnitOfWork {
  run<T>(work: (repos: Repositories) => Promise<T>): Promise<T>;
}

/** A job as its handler sees it. */
export interface JobInfo {
  id: number;
  kind: string;
  dueAt: Date;
  now: Date;
}

/** A use case run for a job kind, inside the job's transaction (claim, effect and "done" commit together). */
/** `R`: the ports the job uses (its feature's `repos.ts`). */
export type JobHandler<R = Repositories> = (payload: unknown, repos: R, job: JobInfo) => Promise<void>;

/** A message the parser was unsure about, as kept for review. */
export interface UnsureRecord {
  id: number;
  communityId: number;
  chatId: number;
  personId: number;
  text: string;
  guess: string;
  confidence: number;
  guesses: Array<{ label: string; p: number }>;
  outcome: "silent" | "asked" | "llm";
  finalIntent: string | null;
  createdAt: Date;
  answeredAt: Date | null;
}

/** Messages the parser was unsure about: kept for coordinators to review and to label into training data. */
export interface UnsureMessages {
  record(entry: Omit<UnsureRecord, "id" | "createdAt" | "answeredAt" | "finalIntent"> & { finalIntent?: string | null }): Promise<{ id: number }>;
  get(id: number): Promise<UnsureRecord | null>;
  /** Record what the message turned out to mean (once: a second answer is refused with false). */
  answer(id: number, finalIntent: string): Promise<boolean>;
  /** A community's unsure messages created in [from, to), oldest first, with the title of the chat each came from. */
  list(communityId: number, from: Date, to: Date): Promise<Array<UnsureRecord & { chatTitle: string }>>;
}
