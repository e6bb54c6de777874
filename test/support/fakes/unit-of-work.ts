/**
 * The in-memory unit of work: each run works on a deep copy of the store and swaps it in when the work succeeds, so a
 * throw rolls everything back. Runs are serialised, like the single writer of SQLite.
 */
import type { Repositories, UnitOfWork } from "../../../src/app/ports.ts";
import type { Clock } from "../../../src/kernel/clock.ts";
import { emptyState, type FakeState } from "./state.ts";
import { FakeHelpRequests, FakePeople } from "./requests.ts";
import { FakeLedger, FakePendingCredits } from "./time-bank.ts";
import { FakeEvents } from "./events.ts";
import { FakeCommunities, FakeDirectories, FakeVolunteers } from "./directories.ts";
import { FakeDigests } from "./digests.ts";
import { FakePersonalData } from "./personal-data.ts";
import { FakeReports } from "./reports.ts";
import { FakeMediations } from "./mediation.ts";
import { FakeVisits } from "./visits.ts";
import { FakeGuardians } from "./guardians.ts";
import { FakeCheckins } from "./checkins.ts";
import { FakeHonours } from "./honours.ts";
import {
  FakeAppStates,
  FakeAuditLogs,
  FakeGoodDeeds,
  FakeGroupNotes,
  FakeJobs,
  FakeOutboxes,
  FakeProcessedMessages,
  FakeUnsureMessages,
} from "./small-ports.ts";

/** Every fake repository over `state`, reading the time once (as `repositoriesFor` does). */
export function fakeRepositories(state: FakeState, now: Date): Repositories {
  return {
    requests: new FakeHelpRequests(state, now),
    credits: new FakePendingCredits(state, now),
    ledger: new FakeLedger(state, now),
    deeds: new FakeGoodDeeds(state, now),
    communities: new FakeCommunities(state),
    digests: new FakeDigests(state),
    events: new FakeEvents(state, now),
    people: new FakePeople(state),
    volunteers: new FakeVolunteers(state),
    groupNotes: new FakeGroupNotes(state),
    directories: new FakeDirectories(state),
    outboxes: new FakeOutboxes(state, now),
    processed: new FakeProcessedMessages(state, now),
    jobs: new FakeJobs(state, now),
    audit: new FakeAuditLogs(state, now),
    states: new FakeAppStates(state),
    unsure: new FakeUnsureMessages(state, now),
    personalData: new FakePersonalData(state),
    reports: new FakeReports(state, now),
    mediation: new FakeMediations(state, now),
    visits: new FakeVisits(state),
    guardians: new FakeGuardians(state),
    checkins: new FakeCheckins(state, now),
    honours: new FakeHonours(state),
  };
}

/** In-memory `UnitOfWork`; `state` is the committed store (read it in assertions, write it to seed). */
export class FakeUnitOfWork implements UnitOfWork {
  state: FakeState;
  #queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly clock: Clock, state: FakeState = emptyState()) {
    this.state = state;
  }

  run<T>(work: (repos: Repositories) => Promise<T>): Promise<T> {
    const run = this.#queue.then(async () => {
      const copy = structuredClone(this.state);
      const result = await work(fakeRepositories(copy, this.clock.now()));
      this.state = copy;
      return result;
    });
    this.#queue = run.catch(() => undefined);
    return run;
  }
}
