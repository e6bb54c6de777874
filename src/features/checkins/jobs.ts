/**
 * The daily question and the ladder after a missed one. The question job asks the person (unless paused, already
 * heard from or asked today, or the time was moved), schedules tomorrow's and the deadline; each escalation step asks the next person unless someone
 * answered, someone is going to look, or the step was taken already ("联系不上" moves on at once).
 */
import type { JobHandler } from "../../app/ports.ts";
import type { CheckinRepos } from "./repos.ts";
import type { AskPayload, CheckinSettings, EscalatePayload } from "./flow.ts";
import { localDate, localMinute } from "../../kernel/zoned-time.ts";
import { ESCALATE_JOB, askNext, guardianQuestionMessage, questionGoesTo, questionMessage, scheduleNextAsk, tellPrivately, timeZoneOf } from "./flow.ts";

/** Ask the person privately how they are today; at the deadline the escalation starts. */
export function askCheckinJob(): JobHandler<CheckinRepos> {
  return async (payload, repos, job) => {
    const { personId } = payload as AskPayload;
    const enrolment = await repos.checkins.enrolment(personId);
    if (!enrolment?.active) return;
    const timeZone = await timeZoneOf(repos, enrolment);
    // The time was changed since this was scheduled: the question at the new time is (or is now) scheduled instead.
    if (localMinute(job.dueAt, timeZone) !== enrolment.askMinute) {
      await scheduleNextAsk(repos, enrolment, job.now, timeZone);
      return;
    }
    const date = localDate(job.dueAt, timeZone);
    await scheduleNextAsk(repos, enrolment, job.dueAt, timeZone);
    const day = await repos.checkins.day(personId, date);
    // Heard from today already, or asked already today (before the time was moved later).
    if (day?.state === "answered" || day?.state === "asked" || day?.state === "missed") return;
    if (enrolment.pausedUntil && enrolment.pausedUntil.getTime() > job.now.getTime()) {
      await repos.checkins.saveDay(personId, date, { state: "paused" });
      return;
    }
    await repos.checkins.saveDay(personId, date, { state: "asked", askedAt: job.now });
    const asked = await questionGoesTo(repos, enrolment);
    await tellPrivately(repos, asked.personId, (lang) => (asked.guardian ? guardianQuestionMessage(enrolment, lang) : questionMessage(enrolment, lang)));
    const deadline: EscalatePayload = { personId, date, step: 0 };
    await repos.jobs.schedule({
      kind: ESCALATE_JOB,
      dueAt: new Date(job.dueAt.getTime() + enrolment.graceMinutes * 60_000),
      payload: deadline,
      dedupeKey: `${ESCALATE_JOB}:${personId}:${date}:0`,
    });
  };
}

/** One step of the ladder for a day nobody has answered. */
export function escalateCheckinJob(settings: CheckinSettings): JobHandler<CheckinRepos> {
  return async (payload, repos, job) => {
    const { personId, date, step } = payload as EscalatePayload;
    const enrolment = await repos.checkins.enrolment(personId);
    if (!enrolment?.active) return;
    if (enrolment.pausedUntil && enrolment.pausedUntil.getTime() > job.now.getTime()) return;
    const day = await repos.checkins.day(personId, date);
    if (!day || day.state === "answered" || day.state === "paused" || day.goingById !== null) return;
    if (day.escalatedTo.length > step) return;
    if (day.state === "asked") await repos.checkins.saveDay(personId, date, { state: "missed" });
    await askNext(repos, enrolment, day, date, job.now, settings.stepMinutes);
  };
}
