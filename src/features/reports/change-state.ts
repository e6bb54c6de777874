/**
 * Captains and coordinators move a report through its states ("/工单 7 处理中 已联系物业", "/report 7 fixed"); every
 * reporter is told privately of each change. When it is marked fixed, each reporter is asked "修好了吗？"; "还没有"
 * reopens it and tells the captain.
 */
import type { CommandIntent } from "../../parse/intent.ts";
import type { MessageContext } from "../../app/shared/context.ts";
import type { ReportRepos } from "./repos.ts";
import type { ReportView } from "./ports.ts";
import type { StateChange } from "./domain/states.ts";
import { reply } from "../../app/shared/context.ts";
import { t } from "../../app/shared/texts.ts";
import { canChange, isActive } from "./domain/states.ts";
import { caretakersOf, labelOf, tellEach } from "./flow.ts";
import { reportTexts } from "./texts.ts";

/** Change report `id` as `change` says, if the sender looks after it. */
export async function changeReport(context: MessageContext<CommandIntent>, repos: ReportRepos, id: number, change: StateChange): Promise<void> {
  const texts = reportTexts(context.lang);
  const report = await repos.reports.get(id);
  if (!report || report.communityId !== context.person.communityId) return reply(context, repos, texts.notFound(id));
  const refusal = await whyNot(context, repos, report);
  if (refusal) return reply(context, repos, refusal);
  if (report.duplicateOfId !== null) return reply(context, repos, texts.isDuplicate(id, report.duplicateOfId));
  if (report.state === change.state) return reply(context, repos, texts.sameState(id, report.state));
  if (!canChange(report.state, change.state)) return reply(context, repos, texts.cannotChange(id, report.state));
  if (change.state === "duplicate") return merge(context, repos, report, change.of, change.note);
  if (change.state === "closed" && !change.note) return reply(context, repos, texts.needReason(id));
  const reporters = await repos.reports.reporters(id);
  await repos.reports.setState(id, change.state, change.note, context.person.id);
  const told = await tellEach(repos, reporters.filter((each) => each !== context.person.id), report, (lang) => {
    const words = reportTexts(lang);
    const label = labelOf(report, lang);
    if (change.state !== "fixed") return words.changed(label, change.state, change.note);
    return {
      text: words.fixedQuestion(label, change.note),
      options: [
        { label: words.fixedYes, reply: `/fixcheck ${id} yes` },
        { label: words.fixedNo, reply: `/fixcheck ${id} no` },
      ],
      subject: `${words.kind[report.kind]} #${id}`,
    };
  });
  await repos.audit.append({ communityId: report.communityId, actorId: context.person.id, action: "report.state", subjectType: "report", subjectId: id, detail: { from: report.state, to: change.state } });
  await reply(context, repos, texts.changedAck(id, change.state, told));
}

/** Mark a report a duplicate of another open one: its reporters are told and follow the other from now on. */
async function merge(context: MessageContext<CommandIntent>, repos: ReportRepos, report: ReportView, of: number, note: string | null) {
  const texts = reportTexts(context.lang);
  const target = await repos.reports.get(of);
  if (!target || of === report.id || target.communityId !== report.communityId || target.duplicateOfId !== null || !isActive(target.state)) return reply(context, repos, texts.badDuplicate(report.id));
  const reporters = await repos.reports.reporters(report.id);
  await repos.reports.markDuplicate(report.id, of, note, context.person.id);
  const told = await tellEach(repos, reporters.filter((each) => each !== context.person.id), report, (lang) => reportTexts(lang).merged(report.id, of));
  await repos.audit.append({ communityId: report.communityId, actorId: context.person.id, action: "report.merged", subjectType: "report", subjectId: report.id, detail: { into: of } });
  await reply(context, repos, texts.mergedAck(report.id, of, told));
}

/** Why this sender may not change the report: not a captain of its grid nor a coordinator. */
async function whyNot(context: MessageContext, repos: ReportRepos, report: ReportView): Promise<string | undefined> {
  const person = context.person.id;
  if (await repos.directories.hasRole(person, "coordinator")) return undefined;
  const grids = await repos.people.gridsCaptainedBy(person);
  if (!grids.length) return t(context.lang).needCaptain;
  return report.gridId !== null && grids.includes(report.gridId) ? undefined : reportTexts(context.lang).notYourGrid(report.id);
}

/** A reporter answers "修好了吗？": yes is thanked; no reopens the report and tells whoever looks after it. */
export async function answerFixCheck(context: MessageContext<CommandIntent>, repos: ReportRepos, id: number, fixed: boolean): Promise<void> {
  const texts = reportTexts(context.lang);
  const found = await repos.reports.get(id);
  const report = found && found.duplicateOfId !== null ? await repos.reports.get(found.duplicateOfId) : found;
  if (!report || report.communityId !== context.person.communityId) return reply(context, repos, texts.notFound(id));
  if (!(await repos.reports.reporters(report.id)).includes(context.person.id)) return reply(context, repos, texts.notAReporter(report.id));
  if (report.state !== "fixed") return reply(context, repos, texts.notFixedNow(report.id, report.state));
  if (fixed) {
    await repos.audit.append({ communityId: report.communityId, actorId: context.person.id, action: "report.fix_confirmed", subjectType: "report", subjectId: report.id });
    return reply(context, repos, texts.thanksFixed(report.id));
  }
  await repos.reports.setState(report.id, "open", texts.reopenNote, context.person.id);
  const caretakers = (await caretakersOf(repos, report)).people.filter((each) => each !== context.person.id);
  await tellEach(repos, caretakers, report, (lang) => reportTexts(lang).reopenedForLeader(labelOf(report, lang), context.person.displayName));
  await repos.audit.append({ communityId: report.communityId, actorId: context.person.id, action: "report.reopened", subjectType: "report", subjectId: report.id });
  await reply(context, repos, texts.reopened(report.id));
}
