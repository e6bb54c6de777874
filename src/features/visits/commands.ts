/**
 * The commands of visits: `/探访 李奶奶 张阿姨 王秀英 每周三 15:00` (`/visit`, coordinators) arranges a rota;
 * `/探访记录 去了1小时，精神不错` (`/visitlog`) logs the visit, or with "这周去不了" swaps the week; `/visitreply N go|no`
 * answers a reminder's numbered options.
 */
import type { CommandIntent } from "../../parse/intent.ts";
import type { MessageContext } from "../../app/shared/context.ts";
import type { Repositories } from "../../app/ports.ts";
import type { VisitView } from "./ports.ts";
import { command } from "../../app/shared/command.ts";
import { saysCannotGo } from "./domain/words.ts";
import { cannotGo, logVisit, notGone, visitAhead, visitToLog, willGo } from "./answer.ts";
import { answerPrivately, createRota } from "./create-rota.ts";
import { visitTexts } from "./texts.ts";

const NUMBERED = /^#?(\d{1,9})\s+([\s\S]+)$/u;

export const visitCommands = [
  command({
    name: "visit",
    zh: "探访",
    aliases: ["探访安排"],
    who: "coordinator",
    handler: (context, repos, args) => createRota(context, repos, args),
    // After /reverse (6), before the captains' /digest (7): a coordinator's command.
    help: { line: "admin", order: 6.5, zh: { example: "李奶奶 张阿姨 每周三 15:00" }, en: { example: "Granny Ann wed 15:00" } },
  }),
  command({
    name: "visitlog",
    zh: "探访记录",
    handler: async (context, repos, args) => {
      const text = args.trim();
      const numbered = NUMBERED.exec(text);
      if (numbered) return answerVisit(context, repos, Number(numbered[1]), numbered[2]!.trim());
      if (!text) return answerPrivately(context, repos, visitTexts(context.lang).needMinutes);
      const visit = saysCannotGo(text) ? await visitAhead(repos, context.person.id, context.now) : await visitToLog(repos, context.person.id, context.now);
      if (!visit) return answerPrivately(context, repos, visitTexts(context.lang).noVisit);
      return inPrivate(context, repos, visit, text);
    },
  }),
  command({
    name: "visitreply",
    handler: async (context, repos, args) => {
      const match = /^#?(\d{1,9})\s+(go|no|\S[\s\S]*)$/iu.exec(args.trim());
      if (!match) return answerPrivately(context, repos, visitTexts(context.lang).noVisit);
      return answerVisit(context, repos, Number(match[1]), match[2]!);
    },
  }),
];

/** An answer about one visit: "go", "no" (can't this week), "none" (didn't go), minutes ("60"), or the words of a log. */
async function answerVisit(context: MessageContext<CommandIntent>, repos: Repositories, id: number, said: string): Promise<void> {
  const visit = await repos.visits.visit(id);
  if (!visit) return answerPrivately(context, repos, visitTexts(context.lang).noVisit);
  const word = said.toLowerCase();
  if (word === "go") return inPrivate(context, repos, visit, "", "go");
  if (word === "no") return inPrivate(context, repos, visit, "", "no");
  if (word === "none") return inPrivate(context, repos, visit, "", "none");
  if (/^\d{1,3}$/u.test(word)) return inPrivate(context, repos, visit, "", "log", Number(word) / 60);
  return inPrivate(context, repos, visit, said);
}

/** Run the answer; its use cases answer privately (from a group, the group hears only that it was handled privately). */
async function inPrivate(context: MessageContext, repos: Repositories, visit: VisitView, text: string, what?: "go" | "no" | "none" | "log", hours?: number): Promise<void> {
  const kind = what ?? (saysCannotGo(text) ? "no" : "log");
  if (kind === "go") await willGo(context, repos, visit);
  else if (kind === "no") await cannotGo(context, repos, visit);
  else if (kind === "none") await notGone(context, repos, visit);
  else await logVisit(context, repos, visit, text, hours);
}
