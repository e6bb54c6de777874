/**
 * A report still open after REPORT_REMIND_DAYS reminds whoever looks after it and tells its reporters it is not
 * forgotten (round 1); after twice that, the coordinators hear of it (round 2). A report fixed meanwhile is left alone.
 */
import type { JobHandler } from "../../app/ports.ts";
import type { ReportRepos } from "./repos.ts";
import { isActive } from "./domain/states.ts";
import { caretakersOf, labelOf, tellEach } from "./flow.ts";
import { reportTexts } from "./texts.ts";

/** Payload of a reminder. */
export interface RemindPayload {
  reportId: number;
  round: 1 | 2;
  days: number;
}

/** Remind the captain and reassure the reporters (round 1), or tell the coordinators (round 2). */
export const remindReportJob: JobHandler<ReportRepos> = async (payload, repos) => {
  const { reportId, round, days } = payload as RemindPayload;
  const report = await repos.reports.get(reportId);
  if (!report || report.duplicateOfId !== null || !isActive(report.state)) return;
  if (round === 2) {
    const coordinators = await repos.people.coordinatorsOf(report.communityId);
    await tellEach(repos, coordinators, report, (lang) => reportTexts(lang).escalate(labelOf(report, lang), days, report.reporters));
    return;
  }
  const caretakers = (await caretakersOf(repos, report)).people;
  await tellEach(repos, caretakers, report, (lang) => reportTexts(lang).remindLeader(labelOf(report, lang), days, report.reporters));
  await tellEach(repos, await repos.reports.reporters(report.id), report, (lang) => reportTexts(lang).remindReporter(labelOf(report, lang)));
};
