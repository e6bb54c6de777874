/** The ports the mediation use cases and jobs use: they are given the whole set, typed down to these. */
import type { Repositories } from "../../app/ports.ts";

export type MediationRepos = Pick<Repositories, "audit" | "directories" | "jobs" | "mediation" | "outboxes" | "people">;
