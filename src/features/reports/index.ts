/** What the reports feature offers the app: its handlers, commands, jobs and settings. */
export { raiseReport } from "./raise-report.ts";
export { attachPhoto } from "./attach-photo.ts";
export { reportCommands } from "./commands.ts";
export { remindReportJob } from "./jobs.ts";
export { DEFAULT_REPORT_SETTINGS, REMIND_JOB, type ReportSettings } from "./flow.ts";
