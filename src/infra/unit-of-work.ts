/** Runs a use case in one Prisma interactive transaction, with every repository bound to it. */
import type { Repositories, UnitOfWork } from "../app/ports.ts";
import type { Clock } from "../kernel/clock.ts";
import type { Db } from "./db.ts";
import type { Tx } from "./repositories/tx.ts";
import type { CommunityDefaults } from "./repositories/prisma-directories.ts";
import { PrismaDirectories } from "./repositories/prisma-directories.ts";
import {
  PrismaAppStates,
  PrismaAuditLogs,
  PrismaGroupNotes,
  PrismaJobs,
  PrismaOutboxes,
  PrismaProcessedMessages,
  PrismaVolunteers,
} from "./repositories/prisma-small-ports.ts";
import { PrismaHelpRequests } from "./repositories/prisma-help-requests.ts";
import { PrismaLedger, PrismaPendingCredits } from "./repositories/prisma-time-bank.ts";
import { PrismaCommunities, PrismaGoodDeeds } from "./repositories/prisma-communities.ts";
import { PrismaDigests } from "./repositories/prisma-digests.ts";
import { PrismaPeople } from "./repositories/prisma-people.ts";
import { PrismaEvents } from "./repositories/prisma-events.ts";
import { PrismaUnsureMessages } from "./repositories/prisma-unsure-messages.ts";
import { PrismaPersonalData } from "./repositories/prisma-personal-data.ts";
import { PrismaReports } from "./repositories/prisma-reports.ts";
import { PrismaMediations } from "./repositories/prisma-mediation.ts";
import { PrismaVisits } from "./repositories/prisma-visits.ts";
import { PrismaGuardians } from "./repositories/prisma-guardians.ts";
import { PrismaCheckins } from "./repositories/prisma-checkins.ts";
import { PrismaHonours } from "./repositories/prisma-honours.ts";

/** Every repository bound to `tx`, reading the time once. */
export function repositoriesFor(tx: Tx, now: Date, defaults?: CommunityDefaults): Repositories {
  return {
    requests: new PrismaHelpRequests(tx, now),
    credits: new PrismaPendingCredits(tx, now),
    ledger: new PrismaLedger(tx, now),
    deeds: new PrismaGoodDeeds(tx, now),
    communities: new PrismaCommunities(tx),
    digests: new PrismaDigests(tx),
    events: new PrismaEvents(tx, now),
    people: new PrismaPeople(tx),
    volunteers: new PrismaVolunteers(tx, now),
    groupNotes: new PrismaGroupNotes(tx, now),
    directories: new PrismaDirectories(tx, now, defaults),
    outboxes: new PrismaOutboxes(tx, now),
    processed: new PrismaProcessedMessages(tx, now),
    jobs: new PrismaJobs(tx, now),
    audit: new PrismaAuditLogs(tx, now),
    states: new PrismaAppStates(tx),
    unsure: new PrismaUnsureMessages(tx, now),
    personalData: new PrismaPersonalData(tx),
    reports: new PrismaReports(tx, now),
    mediation: new PrismaMediations(tx, now),
    visits: new PrismaVisits(tx, now),
    guardians: new PrismaGuardians(tx, now),
    checkins: new PrismaCheckins(tx, now),
    honours: new PrismaHonours(tx),
  };
}

/** Prisma implementation of `UnitOfWork`. */
export class PrismaUnitOfWork implements UnitOfWork {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    /** What a community created on the way is created with (the configured time zone and locale). */
    private readonly defaults?: CommunityDefaults,
  ) {}

  run<T>(work: (repos: Repositories) => Promise<T>): Promise<T> {
    return this.db.transaction((tx) => work(repositoriesFor(tx, this.clock.now(), this.defaults)));
  }
}
