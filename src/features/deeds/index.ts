/** What the deeds feature offers other features. */
export { ensureWeeklyJob } from "./weekly-summary.ts";
