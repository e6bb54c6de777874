/** The ports the reports use cases and jobs use: they are given the whole set, typed down to these. */
import type { Repositories } from "../../app/ports.ts";

export type ReportRepos = Pick<Repositories, "audit" | "directories" | "jobs" | "outboxes" | "people" | "reports" | "states">;
