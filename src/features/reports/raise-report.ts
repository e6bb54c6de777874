/**
 * A resident reports a problem ("楼道灯坏了好几天了", "/报告 3栋电梯坏了"): it is recorded with its kind, its place (the
 * building, unit and floor named, a landmark, else the group's or the reporter's building) and a number. The group
 * gets one short acknowledgement with the number and nothing private; the grid captain (else the coordinators) is told
 * privately, with the text and the photo. A report of the same kind at the same place while one is open joins it.
 */
import type { ReportIntent } from "../../parse/intent.ts";
import type { Handler, MessageContext } from "../../app/shared/context.ts";
import type { PhotoRef } from "../../kernel/platform.ts";
import type { ReportRepos } from "./repos.ts";
import type { ReportSettings } from "./flow.ts";
import type { ReportKind, ReportView } from "./ports.ts";
import { reply } from "../../app/shared/context.ts";
import { placeKeyOf, placeLabel, reportPlace } from "./domain/place.ts";
import { REMIND_JOB, caretakersOf, labelOf, recentPhotoKey, takeRecentPhoto, tellEach, withPhoto } from "./flow.ts";
import { reportTexts } from "./texts.ts";

const DAY_MS = 86_400_000;

/** The report handler, with the reports' settings. */
export function raiseReport(settings: ReportSettings): Handler<ReportIntent, ReportRepos> {
  return (context, repos) => recordReport(context, repos, settings, context.message.text);
}

/** Record a report of `text` (the message, or a command's words), tell who looks after it, acknowledge in the chat. */
export async function recordReport(context: MessageContext<ReportIntent>, repos: ReportRepos, settings: ReportSettings, text: string): Promise<void> {
  const { intent, person, chat, message, now } = context;
  const texts = reportTexts(context.lang);
  const fallback = await fallbackBuilding(context, repos);
  const place = reportPlace(text, intent.place, fallback?.key);
  const placeKey = placeKeyOf(place);
  const buildingId = place.building
    ? place.building === fallback?.key
      ? fallback.id
      : (await repos.directories.ensureBuilding(person.communityId, place.building, placeLabel(`b${place.building}`, "zh-CN")!)).id
    : null;
  const gridId = buildingId !== null ? await repos.directories.gridOfBuilding(buildingId) : chat.kind === "group" ? (await repos.people.chatPlace(chat.id)).gridId : null;
  const kind: ReportKind = intent.problem;
  const joins = kind !== "other" && placeKey ? await repos.reports.findActive(person.communityId, kind, placeKey) : null;
  const { id } = await repos.reports.open({
    communityId: person.communityId,
    reporterId: person.id,
    chatId: chat.id,
    buildingId,
    gridId: joins?.gridId ?? gridId,
    place: placeLabel(placeKey, "zh-CN"),
    placeKey,
    kind,
    description: text,
    duplicateOfId: joins?.id ?? null,
  });
  const photo = message.photo ?? (await takeRecentPhoto(repos, recentPhotoKey(chat.platform, chat.externalId, message.sender.id), now));
  if (photo) await repos.reports.addPhoto(id, person.id, photo);
  const report = (await repos.reports.get(joins?.id ?? id))!;
  const caretakers = await caretakersOf(repos, report);
  await reply(context, repos, joins ? texts.joined(joins.id) : texts.recorded(id, caretakers.role));
  const others = caretakers.people.filter((each) => each !== person.id);
  await tellCaretakers(repos, others, report, person.displayName, text, photo, joins !== null);
  await repos.audit.append({ communityId: person.communityId, actorId: person.id, action: joins ? "report.joined" : "report.opened", subjectType: "report", subjectId: joins?.id ?? id, detail: { kind, place: placeKey } });
  if (!joins) {
    for (const round of [1, 2]) {
      await repos.jobs.schedule({ kind: REMIND_JOB, dueAt: new Date(now.getTime() + round * settings.remindDays * DAY_MS), payload: { reportId: id, round, days: round * settings.remindDays }, dedupeKey: `report:${id}:remind:${round}` });
    }
  }
}

/** Tell the captains (or coordinators) of a new report, or of one more reporter of an open one, with the photo. */
async function tellCaretakers(repos: ReportRepos, people: number[], report: ReportView, reporter: string, text: string, photo: PhotoRef | undefined, again: boolean) {
  await tellEach(repos, people, report, (lang) => {
    const texts = reportTexts(lang);
    const label = labelOf(report, lang);
    if (again) return withPhoto(texts.toLeaderAgain(label, reporter, text, report.reporters), photo);
    return withPhoto(texts.toLeader(label, reporter, text), photo, {
      options: [
        { label: texts.acknowledge, reply: `/reports ${report.id} acknowledged` },
        { label: texts.inProgress, reply: `/reports ${report.id} in_progress` },
        { label: texts.markFixed, reply: `/reports ${report.id} fixed` },
      ],
      subject: `${texts.kind[report.kind]} #${report.id}`,
    });
  });
}

/** The building a report is in when it names none: the group's, else the reporter's home. */
async function fallbackBuilding(context: MessageContext, repos: ReportRepos): Promise<{ id: number; key: string } | null> {
  const chatBuilding = context.chat.kind === "group" ? (await repos.people.chatPlace(context.chat.id)).buildingId : null;
  const buildingId = chatBuilding ?? (await repos.people.residence(context.person.id))?.buildingId ?? null;
  if (buildingId === null) return null;
  const building = await repos.reports.building(buildingId);
  return building ? { id: buildingId, key: building.key } : null;
}
