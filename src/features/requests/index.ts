/** What the help requests feature offers other features. */
export { pingNextWave } from "./flow.ts";
