/** The ports the time bank use cases and jobs use: they are given the whole set, typed down to these. */
import type { Repositories } from "../../app/ports.ts";

export type TimeBankRepos = Pick<Repositories, "audit" | "communities" | "credits" | "deeds" | "directories" | "events" | "guardians" | "honours" | "jobs" | "ledger" | "outboxes" | "people" | "requests">;
