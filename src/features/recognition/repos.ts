/** The ports the recognition use cases and jobs use: they are given the whole set, typed down to these. */
import type { Repositories } from "../../app/ports.ts";

export type RecognitionRepos = Pick<Repositories, "communities" | "directories" | "honours" | "jobs" | "outboxes" | "people">;
