/** What the visits feature offers the app: its commands, jobs and the words it reads before other features. */
export { visitCommands } from "./commands.ts";
export { askVisitJob, missedVisitJob, openWeekJob, remindVisitJob } from "./jobs.ts";
export { ASK_JOB, MISSED_JOB, REMIND_JOB, WEEK_JOB } from "./flow.ts";
export { visitLogPresence, visitWordsFirst } from "./in-words.ts";
