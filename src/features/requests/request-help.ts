/**
 * A resident asks for help ("谁家有梯子借用一下"): the request is recorded with its category, what, when, where (the
 * building named, else the requester's, else the group's) and urgency; the group gets a short confirmation without
 * private details; the first wave of volunteers is pinged privately; the request will expire if nobody takes it.
 */
import type { RequestRepos } from "./repos.ts";
import type { RequestIntent, SosIntent } from "../../parse/intent.ts";
import type { RequestSettings } from "./domain/policy.ts";
import type { Handler, MessageContext } from "../../app/shared/context.ts";
import { reply } from "../../app/shared/context.ts";
import { expiryOf } from "./domain/policy.ts";
import { buildingName } from "../../kernel/place.ts";
import { startOfLocalDay } from "../../kernel/zoned-time.ts";
import { requestTexts } from "./texts.ts";
import { auditRequest, pingWave, planWave, scheduleExpiry } from "./flow.ts";

/** The request handler, with the flow's settings. */
export function requestHelp(settings: RequestSettings): Handler<RequestIntent, RequestRepos> {
  return async (context, repos) => {
    const { intent, person, now } = context;
    const texts = requestTexts(context.lang);
    const buildingId = await whereOf(context, repos);
    const neededAt = intent.when ? (intent.when.start ?? (await startOfDay(repos, person.communityId, intent.when.date))) : null;
    const { id } = await repos.requests.open({
      communityId: person.communityId,
      requesterId: person.id,
      chatId: context.chat.id,
      buildingId,
      category: intent.category,
      what: intent.what,
      urgent: intent.urgent ?? false,
      sourceText: context.message.text,
      neededAt,
      place: intent.place?.room ? `${intent.place.building}-${intent.place.room}` : null,
    });
    const request = (await repos.requests.get(id))!;
    // The wave is planned first, so the group is told what is really happening.
    const wave = await planWave(repos, request, settings, now);
    const notes = [wave.wave.length ? texts.recorded(id) : texts.recordedNoVolunteer(id)];
    if (intent.category === "medical") notes.push(texts.medicalAdvice);
    if (intent.category === "childcare") notes.push(texts.childcareNote);
    await reply(context, repos, notes.join("\n"), intent.urgent ? 7 : 5);
    const detail = { category: intent.category, urgent: intent.urgent ?? false };
    await auditRequest(repos, { id, communityId: person.communityId }, "request.opened", person.id, detail);
    await scheduleExpiry(repos, id, expiryOf(now, neededAt, settings));
    await pingWave(repos, request, wave, settings, now);
  };
}

/** The building a request is for: the one named, else where the requester lives, else the group's building. */
export async function whereOf(context: MessageContext<RequestIntent | SosIntent>, repos: RequestRepos): Promise<number | null> {
  const named = context.intent.place?.building;
  if (named) return (await repos.directories.ensureBuilding(context.person.communityId, named, buildingName(named, "zh-CN"))).id;
  const home = await repos.people.residence(context.person.id);
  if (home) return home.buildingId;
  return context.chat.kind === "group" ? (await repos.people.chatPlace(context.chat.id)).buildingId : null;
}

/** Local midnight of a YYYY-MM-DD date in the community's zone (a request for "Saturday" is needed from then). */
async function startOfDay(repos: RequestRepos, communityId: number, date: string): Promise<Date> {
  return startOfLocalDay(date, await repos.people.timeZoneOf(communityId));
}
