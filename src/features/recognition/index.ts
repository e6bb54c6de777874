/** What recognition offers the app: its commands, its monthly jobs, the milestone check and the certificate's font. */
export { recognitionCommands } from "./commands.ts";
export { GROUP_STARS_JOB, MONTHLY_JOB, ensureMonthlyJobs, groupStarsJob, monthlyStarsJob } from "./monthly-stars.ts";
export { noteMilestone } from "./milestones.ts";
export { CERTIFICATE_FONT_FAMILY } from "./domain/certificate.ts";
