/** The ports the privacy use cases use: they are given the whole set, typed down to these. */
import type { Repositories } from "../../app/ports.ts";

export type PrivacyRepos = Pick<
  Repositories,
  "audit" | "communities" | "credits" | "deeds" | "directories" | "events" | "groupNotes" | "jobs" | "ledger" | "outboxes" | "people" | "personalData" | "requests" | "states"
>;
