/** The ports the digests use cases and jobs use: they are given the whole set, typed down to these. */
import type { Repositories } from "../../app/ports.ts";

export type DigestRepos = Pick<Repositories, "communities" | "digests" | "ledger" | "outboxes" | "people" | "unsure">;
