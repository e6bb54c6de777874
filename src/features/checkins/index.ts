/** What daily check-ins offer the app: the route, the commands, the jobs, the pipeline's hook and the settings. */
export { checkinRoute } from "./answer.ts";
export { checkinCommands } from "./commands.ts";
export { askCheckinJob, escalateCheckinJob } from "./jobs.ts";
export { checkinPresence, type Presence, type PresenceFacts } from "./presence.ts";
export { ASK_JOB, ESCALATE_JOB, DEFAULT_CHECKIN_SETTINGS, questionGoesTo, type CheckinSettings } from "./flow.ts";
