/** In-memory implementations of every port and of the unit of work, for fast use-case tests. */
export { FakeUnitOfWork, fakeRepositories } from "./unit-of-work.ts";
export { emptyState, insert, type FakeState, type OutboxRow } from "./state.ts";
export { knownChat, knownPerson, newCommunity } from "./directories.ts";
