/** The ports the check-in use cases and jobs use: they are given the whole set, typed down to these. */
import type { Repositories } from "../../app/ports.ts";

export type CheckinRepos = Pick<Repositories, "audit" | "checkins" | "directories" | "guardians" | "jobs" | "outboxes" | "people">;
