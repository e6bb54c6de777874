/**
 * The board (`/工单`, `/reports`): a building group sees its building's open reports (numbers, kinds, places, states,
 * ages; never names); captains and coordinators get their grid's (the community's) privately. `/工单 7` shows one.
 */
import type { CommandIntent } from "../../parse/intent.ts";
import type { MessageContext } from "../../app/shared/context.ts";
import type { ReportRepos } from "./repos.ts";
import type { ReportView } from "./ports.ts";
import type { BoardRow } from "./texts.ts";
import { replyPrivately, reply } from "../../app/shared/context.ts";
import { buildingName } from "../../kernel/place.ts";
import { labelOf } from "./flow.ts";
import { reportTexts } from "./texts.ts";

const DAY_MS = 86_400_000;

/** Show the open reports where the sender asked, and a captain's or coordinator's privately. */
export async function showBoard(context: MessageContext<CommandIntent>, repos: ReportRepos): Promise<void> {
  const texts = reportTexts(context.lang);
  const { person, chat } = context;
  const leads = await leaderScope(context, repos);
  if (chat.kind === "group") {
    const { buildingId } = await repos.people.chatPlace(chat.id);
    if (buildingId === null) {
      if (!leads) return reply(context, repos, texts.boardNoBuilding);
    } else {
      const building = await repos.reports.building(buildingId);
      const rows = await repos.reports.active(person.communityId, { buildingIds: [buildingId] });
      await reply(context, repos, board(context, rows, building ? buildingName(building.key, context.lang) : ""));
    }
    if (leads) await replyPrivately(context, repos, board(context, await repos.reports.active(person.communityId, leads.scope), leads.title));
    return;
  }
  if (leads) return reply(context, repos, board(context, await repos.reports.active(person.communityId, leads.scope), leads.title));
  const home = await repos.people.residence(person.id);
  if (!home) return reply(context, repos, texts.boardNoHome);
  return reply(context, repos, board(context, await repos.reports.active(person.communityId, { buildingIds: [home.buildingId] }), home.buildingName));
}

/** One report: its kind, place, state with its note, age and how many reported it (no names). */
export async function showReport(context: MessageContext<CommandIntent>, repos: ReportRepos, id: number): Promise<void> {
  const texts = reportTexts(context.lang);
  const found = await repos.reports.get(id);
  const report = found && found.duplicateOfId !== null ? await repos.reports.get(found.duplicateOfId) : found;
  if (!report || report.communityId !== context.person.communityId) return reply(context, repos, texts.notFound(id));
  return reply(context, repos, texts.detail(rowOf(report, context), report.stateNote));
}

function board(context: MessageContext, rows: ReportView[], title: string): string {
  const texts = reportTexts(context.lang);
  return rows.length ? texts.board(title, rows.map((row) => rowOf(row, context))) : texts.boardEmpty(title);
}

function rowOf(report: ReportView, context: MessageContext): BoardRow {
  const days = Math.floor((context.now.getTime() - report.createdAt.getTime()) / DAY_MS);
  return { ...labelOf(report, context.lang), state: report.state, days, reporters: report.reporters };
}

/** A coordinator's scope (the community) or a captain's (their grids), with its title; undefined for residents. */
async function leaderScope(context: MessageContext, repos: ReportRepos): Promise<{ scope: { gridIds?: number[] }; title: string } | undefined> {
  const texts = reportTexts(context.lang);
  if (await repos.directories.hasRole(context.person.id, "coordinator")) return { scope: {}, title: texts.community };
  const grids = await repos.people.gridsCaptainedBy(context.person.id);
  return grids.length ? { scope: { gridIds: grids }, title: texts.grid } : undefined;
}
