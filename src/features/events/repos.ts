/** The ports the events use cases and jobs use: they are given the whole set, typed down to these. */
import type { Repositories } from "../../app/ports.ts";

export type EventRepos = Pick<Repositories, "audit" | "communities" | "directories" | "events" | "groupNotes" | "jobs" | "outboxes" | "people" | "states">;
