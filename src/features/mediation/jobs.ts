/**
 * Mediation on the clock: a case nobody took in 48 hours goes to the coordinators (privately, with its content: they
 * are entitled to it); a week after a case is closed the resident is asked privately whether it is better now. Each
 * does nothing when the case has moved on since the job was scheduled.
 */
import type { MediationRepos } from "./repos.ts";
import type { JobHandler } from "../../app/ports.ts";
import { UNANSWERED_AFTER_MS } from "./domain/policy.ts";
import { mediationTexts } from "./texts.ts";
import { auditCase, offerMessage, tellAbout } from "./flow.ts";

/** A case still waiting after 48 hours: to the coordinators. */
export const unansweredCaseJob: JobHandler<MediationRepos> = async (payload, repos) => {
  const { caseId } = payload as { caseId: number };
  const c = await repos.mediation.get(caseId);
  if (!c || c.state !== "open") return;
  const coordinators = (await repos.people.coordinatorsOf(c.communityId)).filter((id) => id !== c.openedById);
  for (const one of coordinators) await tellAbout(repos, one, c, (lang) => offerMessage(c, lang, UNANSWERED_AFTER_MS / 3_600_000));
  await auditCase(repos, c, "mediation.escalated", null, { people: coordinators });
};

/** A week after closing: "现在好些了吗？1 好多了 / 2 还是老样子". */
export const followUpCaseJob: JobHandler<MediationRepos> = async (payload, repos) => {
  const { caseId } = payload as { caseId: number };
  const c = await repos.mediation.get(caseId);
  if (!c || c.state !== "closed" || c.followUp !== null) return;
  await tellAbout(repos, c.openedById, c, (lang) => {
    const texts = mediationTexts(lang);
    return {
      text: texts.followUpAsk(c.id),
      options: [
        { label: texts.betterLabel, reply: texts.followUpCommand(c.id, true) },
        { label: texts.sameLabel, reply: texts.followUpCommand(c.id, false) },
      ],
      subject: texts.subject(c.id),
    };
  });
  await auditCase(repos, c, "mediation.follow_up.asked");
};
