/** What the mediation feature offers other features: the counts digests may show (never a case's content). */
export type { CaseCount, Mediations } from "./ports.ts";
export { raiseDispute } from "./open-case.ts";
