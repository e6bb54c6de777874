/** Scheduled job kinds and their use cases. Later issues add reminders, escalations, digests and check-ins. */
import type { JobHandler } from "../domain/ports.ts";
import type { OutboundTarget } from "../chat/types.ts";
import type { Lang } from "../parse/intent.ts";
import type { RequestSettings } from "../domain/requests/policy.ts";
import { DEFAULT_REQUEST_SETTINGS } from "../domain/requests/policy.ts";
import { EXPIRE_JOB, WAVE_JOB } from "./request-flow.ts";
import { expireRequestJob, waveTimeoutJob } from "./request-jobs.ts";
import { SOS_WIDEN_JOB, widenSosJob } from "./raise-sos.ts";
import { DEADLINE_JOB, REMIND_JOB } from "./create-event.ts";
import { eventDeadlineJob, remindEventJob } from "./event-jobs.ts";
import { RECUR_JOB, recurEventJob } from "./recur-event.ts";
import { GROUP_SUMMARY_JOB, WEEKLY_JOB, groupSummaryJob, weeklyJob } from "./weekly-summary.ts";
import { DIGEST_JOB, digestJob } from "./send-digest.ts";

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
export function defaultJobHandlers(settings: RequestSettings = DEFAULT_REQUEST_SETTINGS): ReadonlyMap<string, JobHandler> {
  return new Map([
    ["say", sayJob],
    [WAVE_JOB, waveTimeoutJob(settings)],
    [EXPIRE_JOB, expireRequestJob],
    [SOS_WIDEN_JOB, widenSosJob(settings)],
    [REMIND_JOB, remindEventJob],
    [DEADLINE_JOB, eventDeadlineJob],
    [RECUR_JOB, recurEventJob],
    [WEEKLY_JOB, weeklyJob],
    [GROUP_SUMMARY_JOB, groupSummaryJob],
    [DIGEST_JOB, digestJob],
  ]);
}
