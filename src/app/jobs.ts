/** Scheduled job kinds and their use cases. Later issues add reminders, escalations, digests and check-ins. */
import type { JobHandler } from "./ports.ts";
import type { OutboundTarget } from "../chat/types.ts";
import type { Lang } from "../kernel/lang.ts";
import type { RequestSettings } from "../features/requests/domain/policy.ts";
import { DEFAULT_REQUEST_SETTINGS } from "../features/requests/domain/policy.ts";
import { EXPIRE_JOB, WAVE_JOB } from "../features/requests/flow.ts";
import { expireRequestJob, waveTimeoutJob } from "../features/requests/jobs.ts";
import { SOS_WIDEN_JOB, widenSosJob } from "../features/requests/raise-sos.ts";
import { DEADLINE_JOB, RECUR_JOB, REMIND_JOB } from "../features/events/create-event.ts";
import { eventDeadlineJob, remindEventJob } from "../features/events/jobs.ts";
import { recurEventJob } from "../features/events/recur-event.ts";
import { SUMMARY_JOB as EVENT_SUMMARY_JOB, eventSummaryJob } from "../features/events/acknowledge.ts";
import { GROUP_SUMMARY_JOB, WEEKLY_JOB, groupSummaryJob, weeklyJob } from "../features/deeds/weekly-summary.ts";
import { DIGEST_JOB, digestJob } from "../features/digests/send-digest.ts";
import { REMIND_JOB as REPORT_REMIND_JOB, remindReportJob } from "../features/reports/index.ts";
import { FOLLOW_UP_JOB as MEDIATION_FOLLOW_UP_JOB, UNANSWERED_JOB as MEDIATION_UNANSWERED_JOB } from "../features/mediation/flow.ts";
import { followUpCaseJob, unansweredCaseJob } from "../features/mediation/jobs.ts";
import { ASK_JOB as VISIT_ASK_JOB, MISSED_JOB as VISIT_MISSED_JOB, REMIND_JOB as VISIT_REMIND_JOB, WEEK_JOB as VISIT_WEEK_JOB, askVisitJob, missedVisitJob, openWeekJob, remindVisitJob } from "../features/visits/index.ts";
import { GROUP_STARS_JOB, MONTHLY_JOB, groupStarsJob, monthlyStarsJob } from "../features/recognition/index.ts";
import type { CheckinSettings } from "../features/checkins/index.ts";
import { ASK_JOB as CHECKIN_ASK_JOB, DEFAULT_CHECKIN_SETTINGS, ESCALATE_JOB as CHECKIN_ESCALATE_JOB, askCheckinJob, escalateCheckinJob } from "../features/checkins/index.ts";

/** Payload of a "say" job: a message to send at a given time (used by announcements and tests). */
export interface SayPayload {
  target: OutboundTarget;
  text: string;
  lang: Lang;
  priority?: number;
}

/** Send a message at its due time. */
export const sayJob: JobHandler = async (payload, repos) => {
  const job = payload as SayPayload;
  await repos.outboxes.enqueue(job.target, { text: job.text }, { lang: job.lang, ...(job.priority === undefined ? {} : { priority: job.priority }) });
};

/** The job handlers by kind. */
export function defaultJobHandlers(
  settings: RequestSettings = DEFAULT_REQUEST_SETTINGS,
  checkins: CheckinSettings = DEFAULT_CHECKIN_SETTINGS,
): ReadonlyMap<string, JobHandler> {
  return new Map([
    ["say", sayJob],
    [WAVE_JOB, waveTimeoutJob(settings)],
    [EXPIRE_JOB, expireRequestJob],
    [SOS_WIDEN_JOB, widenSosJob(settings)],
    [REMIND_JOB, remindEventJob],
    [DEADLINE_JOB, eventDeadlineJob],
    [RECUR_JOB, recurEventJob],
    [EVENT_SUMMARY_JOB, eventSummaryJob],
    [WEEKLY_JOB, weeklyJob],
    [GROUP_SUMMARY_JOB, groupSummaryJob],
    [DIGEST_JOB, digestJob],
    [REPORT_REMIND_JOB, remindReportJob],
    [MEDIATION_UNANSWERED_JOB, unansweredCaseJob],
    [MEDIATION_FOLLOW_UP_JOB, followUpCaseJob],
    [VISIT_WEEK_JOB, openWeekJob],
    [VISIT_REMIND_JOB, remindVisitJob],
    [VISIT_ASK_JOB, askVisitJob],
    [VISIT_MISSED_JOB, missedVisitJob],
    [CHECKIN_ASK_JOB, askCheckinJob()],
    [CHECKIN_ESCALATE_JOB, escalateCheckinJob(checkins)],
    [MONTHLY_JOB, monthlyStarsJob],
    [GROUP_STARS_JOB, groupStarsJob],
  ]);
}
