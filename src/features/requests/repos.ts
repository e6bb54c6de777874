/** The ports the help requests use cases and jobs use: they are given the whole set, typed down to these. */
import type { Repositories } from "../../app/ports.ts";

export type RequestRepos = Pick<Repositories, "audit" | "credits" | "deeds" | "directories" | "jobs" | "outboxes" | "people" | "requests" | "states">;
