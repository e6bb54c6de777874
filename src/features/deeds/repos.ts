/** The ports the good deeds use cases and jobs use: they are given the whole set, typed down to these. */
import type { Repositories } from "../../app/ports.ts";

export type DeedRepos = Pick<Repositories, "communities" | "deeds" | "digests" | "directories" | "events" | "jobs" | "outboxes" | "people">;
