/** The ports the visits use cases and jobs use: they are given the whole set, typed down to these. */
import type { Repositories } from "../../app/ports.ts";

export type VisitRepos = Pick<Repositories, "audit" | "communities" | "credits" | "directories" | "events" | "jobs" | "outboxes" | "people" | "states" | "visits">;
