/** Scheduled job kinds and their use cases. Later issues add reminders, escalations, digests and check-ins. */
import type { JobHandler } from "../domain/ports.ts";
import type { OutboundTarget } from "../chat/types.ts";
import type { Lang } from "../parse/intent.ts";

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
export function defaultJobHandlers(): ReadonlyMap<string, JobHandler> {
  return new Map([["say", sayJob]]);
}
