/**
 * The commands of reports: `/报告 …` (`/report …`) reports a problem, or with a number changes its state; `/工单`
 * (`/reports`) shows the board, one report, or with a state word changes it; `/fixcheck` answers "修好了吗？".
 */
import type { CommandIntent, ReportIntent } from "../../parse/intent.ts";
import type { MessageContext } from "../../app/shared/context.ts";
import type { Repositories } from "../../app/ports.ts";
import type { ReportSettings } from "./flow.ts";
import { command } from "../../app/shared/command.ts";
import { reply } from "../../app/shared/context.ts";
import { build } from "../../parse/classify.ts";
import { readStateChange } from "./domain/states.ts";
import { recordReport } from "./raise-report.ts";
import { answerFixCheck, changeReport } from "./change-state.ts";
import { showBoard, showReport } from "./board.ts";
import { reportTexts } from "./texts.ts";

const NUMBERED = /^#?\s*(\d{1,9})(?:\s+([\s\S]+))?$/u;

export const reportCommands = (settings: ReportSettings) => [
  command({
    name: "report",
    zh: "报告",
    aliases: ["报修", "上报"],
    handler: async (context, repos, args) => {
      const text = args.trim();
      if (!text) return reply(context, repos, reportTexts(context.lang).reportUsage);
      const numbered = NUMBERED.exec(text);
      if (numbered && !numbered[2]) return showReport(context, repos, Number(numbered[1]));
      const change = numbered?.[2] ? readStateChange(numbered[2]) : undefined;
      if (numbered && change) return changeReport(context, repos, Number(numbered[1]), change);
      return newReport(context, repos, settings, text);
    },
    help: { line: "requests", order: 4, zh: { joiner: "；", before: "公共设施坏了直接说，或 ", example: "3栋楼道灯坏了" }, en: { joiner: "; ", before: "something broken around the estate? say so, or ", example: "the lift in building 3 is down" } },
    menu: { order: 18, zh: "报告公共设施问题", en: "Report a problem around the estate" },
  }),
  command({
    name: "reports",
    zh: "工单",
    aliases: ["问题列表", "报修进度"],
    handler: async (context, repos, args) => {
      const text = args.trim();
      if (!text) return showBoard(context, repos);
      const numbered = NUMBERED.exec(text);
      if (!numbered) return reply(context, repos, reportTexts(context.lang).changeUsage);
      if (!numbered[2]) return showReport(context, repos, Number(numbered[1]));
      const change = readStateChange(numbered[2]);
      if (!change) return reply(context, repos, reportTexts(context.lang).changeUsage);
      return changeReport(context, repos, Number(numbered[1]), change);
    },
    help: { line: "requests", order: 5, zh: { joiner: "、", after: " 看处理进度" }, en: { joiner: ", ", after: " shows how they are going" } },
    menu: { order: 19, zh: "公共设施问题的处理进度", en: "How reported problems are going" },
  }),
  command({
    name: "fixcheck",
    handler: async (context, repos, args) => {
      const match = /^#?\s*(\d{1,9})\s+(yes|no)$/iu.exec(args.trim());
      if (!match) return reply(context, repos, reportTexts(context.lang).changeUsage);
      return answerFixCheck(context, repos, Number(match[1]), match[2]!.toLowerCase() === "yes");
    },
  }),
];

/** `/报告 3栋电梯坏了`: the words read as the parser reads a report. */
async function newReport(context: MessageContext<CommandIntent>, repos: Repositories, settings: ReportSettings, text: string) {
  const timeZone = await repos.people.timeZoneOf(context.person.communityId);
  const built = build("report", text, { now: context.now, timeZone, botNames: [context.botName] });
  const intent: ReportIntent = built?.kind === "report" ? built : { kind: "report", problem: "other" };
  return recordReport({ ...context, intent }, repos, settings, text);
}
