/** The ports the understanding use cases and jobs use: they are given the whole set, typed down to these. */
import type { Repositories } from "../../app/ports.ts";

export type UnderstandingRepos = Pick<Repositories, "outboxes" | "people" | "unsure">;
