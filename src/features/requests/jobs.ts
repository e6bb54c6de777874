/**
 * The request flow on the clock: a wave that got no acceptance in time passes to the next wave (or the captain, then
 * the coordinators); a request nobody took expires with a polite note. Each runs in its job's transaction, and does
 * nothing when the request has moved on since the job was scheduled.
 */
import type { RequestRepos } from "./repos.ts";
import type { JobHandler } from "../../app/ports.ts";
import type { RequestSettings } from "./domain/policy.ts";
import type { WavePayload } from "./flow.ts";
import { auditRequest, CAPTAIN_WAVE, escalate, pingNextWave } from "./flow.ts";
import { tell } from "../../app/shared/tell.ts";
import { requestTexts } from "./texts.ts";
import { dueAtExpiry } from "./domain/state-machine.ts";

/** A wave's timeout. */
export function waveTimeoutJob(settings: RequestSettings): JobHandler {
  return async (payload, repos, job) => {
    const { requestId, wave, stage } = payload as WavePayload;
    const request = await repos.requests.get(requestId);
    if (!request || request.state !== "open") return;
    if (stage === "volunteers") {
      const waves = (await repos.requests.pings(requestId)).map((ping) => ping.wave);
      if (Math.max(0, ...waves.filter((n) => n < CAPTAIN_WAVE)) !== wave || waves.some((n) => n >= CAPTAIN_WAVE)) return;
      await repos.requests.closePings(requestId, "expired");
      await pingNextWave(repos, request, settings, job.now);
    } else if (stage === "captain") {
      await repos.requests.closePings(requestId, "expired");
      await escalate(repos, request, "coordinator", settings, job.now);
    }
  };
}

/**
 * A request's time is up. Still without a helper: it expires, with a polite note. Taken but never marked done: the
 * requester and the helper are asked once whether it is done (it stays open for them to close).
 */
export const expireRequestJob: JobHandler<RequestRepos> = async (payload, repos) => {
  const { requestId } = payload as { requestId: number };
  const request = await repos.requests.get(requestId);
  const due = request && dueAtExpiry({ state: request.state, helperId: request.helper?.personId ?? null });
  if (request && due === "remind" && request.helper) {
    for (const id of [request.requesterId, request.helper.personId]) {
      await tell(repos, id, request, (lang) => requestTexts(lang).remindAssigned(requestId));
    }
    return auditRequest(repos, request, "request.reminded");
  }
  if (!request || due !== "expire" || !(await repos.requests.close(requestId, "expired"))) return;
  await repos.requests.closePings(requestId, "expired");
  await auditRequest(repos, request, "request.expired");
  if (request.category !== "sos") await tell(repos, request.requesterId, request, (lang) => requestTexts(lang).expired(requestId));
};
