/** The ports guardian mode's use cases use: they are given the whole set, typed down to these. */
import type { Repositories } from "../../app/ports.ts";
import type { RequestRepos } from "../requests/repos.ts";

export type GuardianRepos = Pick<Repositories, "audit" | "directories" | "guardians" | "outboxes" | "people"> & RequestRepos;
