/** The ports the community use cases and jobs use: they are given the whole set, typed down to these. */
import type { Repositories } from "../../app/ports.ts";

export type CommunityRepos = Pick<Repositories, "audit" | "directories" | "outboxes" | "people" | "volunteers">;
