/**
 * An emergency ("救命！5栋302有人摔倒"): the group hears at once what to do first (the number to call); the nearest
 * first-aiders of the building and grid (and people with a car where that helps), the grid captain and the
 * coordinators are alerted privately, ahead of every other queued message and regardless of quiet hours. An alert is
 * acknowledged with `/ack 12` ("我去"); with no acknowledgement in two minutes the alert widens and repeats. Every
 * step goes to the audit log. The same person's SOS again within minutes joins the open one (join-sos.ts).
 */
import type { RequestRepos } from "./repos.ts";
import type { SosIntent } from "../../parse/intent.ts";
import type { HelpRequestView, Reach } from "./ports.ts";
import type { JobHandler } from "../../app/ports.ts";
import type { Handler, MessageContext } from "../../app/shared/context.ts";
import { reply } from "../../app/shared/context.ts";
import { carHelps, emergencyNumber, expiryOf, localTime, type Emergency, type RequestSettings } from "./domain/policy.ts";
import { rankVolunteers } from "./domain/rank-volunteers.ts";
import { buildingName } from "../../kernel/place.ts";
import { SOS_ANSWER_WORDS, requestTexts } from "./texts.ts";
import { auditRequest, labelOf, needOf, scheduleExpiry } from "./flow.ts";
import { leadersOf, reachOf, tell, tellReached } from "../../app/shared/tell.ts";
import { whereOf } from "./request-help.ts";
import { joinOpenSos } from "./join-sos.ts";

/** The job that widens an unacknowledged alert. */
export const SOS_WIDEN_JOB = "sos.widen";
const PRIORITY = 9;
/** Acknowledgements by someone who was not alerted are recorded on this wave. */
const WALK_IN_WAVE = 99;

/** The SOS handler, with the flow's settings. */
export function raiseSos(settings: RequestSettings): Handler<SosIntent, RequestRepos> {
  return async (context, repos) => {
    const { intent, person, now } = context;
    if (await joinOpenSos(context, repos, settings)) return;
    const texts = requestTexts(context.lang);
    const emergency = texts.emergencies[intent.emergency] ?? texts.emergencies.other!;
    const buildingId = await whereOf(context, repos);
    const { id } = await repos.requests.open({
      communityId: person.communityId,
      requesterId: person.id,
      chatId: context.chat.id,
      buildingId,
      category: "sos",
      what: intent.emergency,
      urgent: true,
      sourceText: context.message.text,
      place: await placeOf(context, repos),
    });
    const detail = { emergency: intent.emergency, chatId: context.chat.id };
    await auditRequest(repos, { id, communityId: person.communityId }, "sos.raised", person.id, detail);
    await scheduleExpiry(repos, id, expiryOf(now, null, settings));
    const request = await repos.requests.get(id);
    if (!request) return;
    // The group hears first what to do and how many were alerted (never who); when nobody near could be reached, the
    // next, wider round goes out at once instead of after the usual wait.
    let round = 1;
    let plan = await planAlert(repos, request, round, settings, now);
    if (plan.reaches.size === 0 && settings.sosRounds > 1) plan = await planAlert(repos, request, (round = 2), settings, now);
    await reply(context, repos, texts.sosGroup(emergencyNumber(intent.emergency), emergency, plan.reaches.size), PRIORITY);
    await sendAlert(repos, request, round, plan, settings, now);
  };
}

/** Where the emergency is, as precisely as known: the place said, else the requester's home. Private. */
async function placeOf(context: MessageContext<SosIntent>, repos: RequestRepos): Promise<string | null> {
  const said = context.intent.place;
  if (said) return `${buildingName(said.building, context.lang)}${said.unit ? `${said.unit}单元` : ""}${said.room ?? ""}`;
  const home = await repos.people.residence(context.person.id);
  return home ? `${home.buildingName}${home.room ?? ""}` : null;
}

/** Who an alert round goes to, who of them is new, and how each of them can be reached (those who can't are left out). */
interface AlertPlan {
  targets: number[];
  newOnes: number[];
  alreadyAlerted: Set<number>;
  reaches: Map<number, Reach>;
}

/**
 * Alert round `round`: the first round goes to the nearest first-aiders (and drivers where a car helps) of the
 * building and grid; later rounds widen to the next volunteers anywhere and repeat to everyone not yet answering.
 * The grid captain and the coordinators get every round.
 */
async function planAlert(repos: RequestRepos, request: HelpRequestView, round: number, settings: RequestSettings, now: Date): Promise<AlertPlan> {
  const pings = await repos.requests.pings(request.id);
  const alerted = new Set(pings.map((ping) => ping.volunteerId));
  const candidates = await repos.requests.candidates(request.communityId);
  const byId = new Map(candidates.map((candidate) => [candidate.personId, candidate]));
  const at = localTime(now, await repos.people.timeZoneOf(request.communityId));
  const emergency = request.what as Emergency;
  const ranked = rankVolunteers(needOf(request), candidates, at).filter((volunteer) => !alerted.has(volunteer.personId));
  const near = (rung: number) => request.buildingId === null || rung <= 1;
  const able = (personId: number) => {
    const c = byId.get(personId);
    return !!c && (c.firstAid || c.medicalTraining || (carHelps(emergency) && c.hasCar));
  };
  const fresh = (round === 1 ? ranked.filter((v) => near(v.rung) && able(v.personId)) : ranked)
    .slice(0, settings.sosAlertSize)
    .map((volunteer) => volunteer.personId);
  const leaders = await leadersOf(repos, request);
  const waiting = pings.filter((ping) => ping.state === "sent").map((ping) => ping.volunteerId);
  const targets = [...new Set([...fresh, ...leaders, ...waiting])].filter((id) => id !== request.requesterId);
  const reaches = new Map<number, Reach>();
  for (const id of targets) {
    const reach = await reachOf(repos, id, request);
    if (reach) reaches.set(id, reach);
  }
  return { targets, newOnes: targets.filter((id) => !alerted.has(id)), alreadyAlerted: alerted, reaches };
}

/** Send a planned round privately, ahead of everything else, and schedule the next one. */
async function sendAlert(repos: RequestRepos, request: HelpRequestView, round: number, plan: AlertPlan, settings: RequestSettings, now: Date) {
  const emergency = request.what as Emergency;
  await repos.requests.addPings(request.id, round, plan.newOnes);
  const repeat = round > 1;
  for (const [id, reach] of plan.reaches) {
    await tellReached(
      repos,
      reach,
      request,
      (lang) => {
        const texts = requestTexts(lang);
        const what = texts.emergencies[emergency] ?? texts.emergencies.other!;
        return {
          text: texts.sosAlert(labelOf(request), request.place ?? request.buildingName ?? "—", what, repeat && plan.alreadyAlerted.has(id)),
          options: [{ label: texts.ackLabel, reply: `/ack ${request.id}`, words: [...SOS_ANSWER_WORDS] }],
          subject: texts.sosSubject(request.id),
        };
      },
      PRIORITY,
    );
  }
  const detail = { round, alerted: plan.targets, firstAlerted: plan.newOnes };
  await auditRequest(repos, request, round === 1 ? "sos.alerted" : "sos.widened", null, detail);
  if (round < settings.sosRounds) {
    await repos.jobs.schedule({
      kind: SOS_WIDEN_JOB,
      dueAt: new Date(now.getTime() + settings.sosWidenMinutes * 60_000),
      payload: { requestId: request.id, round },
      dedupeKey: `${SOS_WIDEN_JOB}:${request.id}:${round}`,
    });
  }
}

/** With no acknowledgement since the last round, widen and repeat. */
export function widenSosJob(settings: RequestSettings): JobHandler {
  return async (payload, repos, job) => {
    const { requestId, round } = payload as { requestId: number; round: number };
    const request = await repos.requests.get(requestId);
    if (!request || request.state !== "open") return;
    if ((await repos.requests.pings(requestId)).some((ping) => ping.state === "accepted")) return;
    await sendAlert(repos, request, round + 1, await planAlert(repos, request, round + 1, settings, job.now), settings, job.now);
  };
}

/** `/ack 12` ("我去"): recorded, thanked, and the requester, captain and coordinators told who is going. */
export async function acknowledgeSos(context: MessageContext, repos: RequestRepos, request: HelpRequestView): Promise<void> {
  const texts = requestTexts(context.lang);
  const me = context.person.id;
  if (request.state !== "open") return reply(context, repos, texts.notOpen(request.id));
  if (me === request.requesterId) return reply(context, repos, texts.ownRequest);
  const pings = await repos.requests.pings(request.id);
  const mine = pings.find((ping) => ping.volunteerId === me);
  if (mine?.state === "accepted") return reply(context, repos, texts.acked(request.id));
  if (!mine) await repos.requests.addPings(request.id, WALK_IN_WAVE, [me]);
  await repos.requests.answerPing(request.id, me, ["sent", "expired", "declined"], "accepted");
  await reply(context, repos, texts.acked(request.id), PRIORITY);
  const leaders = (await leadersOf(repos, request)).filter((id) => id !== me);
  for (const id of leaders) {
    await tell(repos, id, request, (lang) => requestTexts(lang).ackedOthers(request.id, context.person.displayName), PRIORITY);
  }
  await tell(repos, request.requesterId, request, (lang) => requestTexts(lang).ackedRequester(context.person.displayName), PRIORITY);
  const afterSeconds = Math.round((context.now.getTime() - request.createdAt.getTime()) / 1000);
  await auditRequest(repos, request, "sos.acknowledged", me, { afterSeconds });
}
