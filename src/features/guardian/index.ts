/**
 * What guardian mode offers the app and other features: its port, and who acts for a person (check-ins ask the
 * guardian of an elder in no chat: "今天看过李奶奶了吗？").
 */
import type { Guardians } from "./ports.ts";

export type { Guardians, GuardedPerson, Ward } from "./ports.ts";
export { mayActFor } from "./act-on-behalf.ts";

/** Who acts for a person in guardian mode (a coordinator), or null when nobody does. */
export function guardianOf(repos: { guardians: Pick<Guardians, "guardianOf"> }, personId: number): Promise<number | null> {
  return repos.guardians.guardianOf(personId);
}
