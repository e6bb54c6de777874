/**
 * The visits' jobs: a rota's next week opened; the week's volunteer reminded the day before and two hours before
 * (1 会去 / 2 这周去不了); after the visit, asked how long and how she was; and a visit not logged by the next day marked
 * missed with the coordinators told privately. A visit swapped or logged meanwhile is left alone.
 */
import type { JobHandler } from "../../app/ports.ts";
import type { VisitRepos } from "./repos.ts";
import type { VisitPayload, WeekPayload } from "./flow.ts";
import { markMissed } from "./answer.ts";
import { goQuestion, openWeek, tellEach, whenOf } from "./flow.ts";
import { visitTexts } from "./texts.ts";

/** Open a rota's week (and schedule the one after), unless the rota stopped. */
export const openWeekJob: JobHandler<VisitRepos> = async (payload, repos, job) => {
  const { rotaId, week, dueAt } = payload as WeekPayload;
  const rota = await repos.visits.rota(rotaId);
  if (!rota?.active) return;
  await openWeek(repos, rota, week, new Date(dueAt), job.now);
};

/** Remind the week's volunteer, with "1 会去 / 2 这周去不了". */
export const remindVisitJob: JobHandler<VisitRepos> = async (payload, repos) => {
  const { visitId, stage } = payload as VisitPayload;
  const visit = await repos.visits.visit(visitId);
  if (visit?.state !== "scheduled" || !(await repos.visits.rota(visit.rotaId))?.active) return;
  const rota = (await repos.visits.rota(visit.rotaId))!;
  const { time } = whenOf(visit.dueAt, await repos.people.timeZoneOf(rota.communityId));
  await tellEach(repos, [visit.volunteerId], (lang) => {
    const texts = visitTexts(lang);
    return goQuestion(visit, stage === "day" ? texts.remindDayBefore(visit.elderName, time) : texts.remindSoon(visit.elderName, time), lang);
  });
};

/** After the visit: how long, and how was she? (1 去了1小时，一切都好 / 2 这次没去成, or the volunteer's own words). */
export const askVisitJob: JobHandler<VisitRepos> = async (payload, repos) => {
  const { visitId } = payload as VisitPayload;
  const visit = await repos.visits.visit(visitId);
  if (visit?.state !== "scheduled") return;
  await tellEach(repos, [visit.volunteerId], (lang) => {
    const texts = visitTexts(lang);
    return {
      text: texts.askHow(visit.elderName),
      options: [
        { label: texts.wentHour, reply: `/visitreply ${visit.id} 60` },
        { label: texts.didNotGo, reply: `/visitreply ${visit.id} none` },
      ],
      subject: texts.subject(visit.elderName),
    };
  });
};

/** Not logged by the next day: missed, and the coordinators are told. */
export const missedVisitJob: JobHandler<VisitRepos> = async (payload, repos) => {
  const { visitId } = payload as VisitPayload;
  const visit = await repos.visits.visit(visitId);
  if (visit?.state !== "scheduled") return;
  await markMissed(repos, visit, null);
};
