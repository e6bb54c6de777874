/** What the help requests feature offers other features. */
export { pingNextWave } from "./flow.ts";
/** The use case of a help request (guardian mode raises one for an elder in no chat with it). */
export { requestHelp } from "./request-help.ts";
