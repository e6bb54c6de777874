/** What the mediation feature offers the app: its port and the use case of a dispute raised in words. */
export type { Mediations } from "./ports.ts";
export { raiseDispute } from "./open-case.ts";
