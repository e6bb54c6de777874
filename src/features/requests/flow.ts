/**
 * The moving parts of a help request shared by its use cases and jobs: telling a person privately, pinging the next
 * wave of volunteers up the ladder, and escalating to the grid captain, then the coordinators, when nobody is left.
 * Everything here writes to the outbox and the database inside the caller's transaction; nothing waits on a chat.
 */
import type { RequestRepos } from "./repos.ts";
import type { OutboundMessage } from "../../chat/types.ts";
import type { Lang } from "../../kernel/lang.ts";
import type { HelpRequestView } from "./ports.ts";
import type { RequestSettings } from "./domain/policy.ts";
import type { Need } from "./domain/rank-volunteers.ts";
import { nextWave, rankVolunteers } from "./domain/rank-volunteers.ts";
import { localTime, waveDeadline } from "./domain/policy.ts";
import { requestTexts, type RequestLabel } from "./texts.ts";
import { tell } from "../../app/shared/tell.ts";

/** Job kinds of the request flow. */
export const WAVE_JOB = "request.wave";
export const EXPIRE_JOB = "request.expire";

/** Pings of the escalation stages carry these wave numbers, above any volunteer wave. */
export const CAPTAIN_WAVE = 100;
export const COORDINATOR_WAVE = 101;

/** Payload of a wave job: the wave (or escalation stage) it waits on. */
export interface WavePayload {
  requestId: number;
  wave: number;
  /** "volunteers": a wave of pings; "captain": the captain's turn is over, on to the coordinators; "coordinator": the last stage's end (no more escalation). */
  stage: "volunteers" | "captain" | "coordinator";
}

/** Priority of private messages about a request. */
export function pingPriority(request: Pick<HelpRequestView, "urgent" | "category">): number {
  return request.category === "sos" ? 9 : request.urgent ? 7 : 5;
}

/** Append a step of a request (or an SOS) to the audit log. */
export function auditRequest(
  repos: RequestRepos,
  request: { id: number; communityId: number },
  action: string,
  actorId?: number | null,
  detail?: unknown,
): Promise<void> {
  return repos.audit.append({
    communityId: request.communityId,
    ...(actorId ? { actorId } : {}),
    action,
    subjectType: "HelpRequest",
    subjectId: request.id,
    ...(detail === undefined ? {} : { detail }),
  });
}

/** Schedule the expiry of a request (once). */
export async function scheduleExpiry(repos: RequestRepos, requestId: number, dueAt: Date): Promise<void> {
  await repos.jobs.schedule({ kind: EXPIRE_JOB, dueAt, payload: { requestId }, dedupeKey: `${EXPIRE_JOB}:${requestId}` });
}

/** How texts name a request. */
export function labelOf(request: HelpRequestView): RequestLabel {
  return { id: request.id, what: request.what, name: request.requesterName, building: request.buildingName ?? "" };
}

/** Post in the group a request was asked in (never private details). */
export async function tellGroup(repos: RequestRepos, request: HelpRequestView, text: (lang: Lang) => string, priority = 5) {
  if (!request.chat || request.chat.kind !== "group") return;
  await repos.outboxes.enqueue(
    { kind: "chat", platform: request.chat.platform, chatId: request.chat.externalId },
    { text: text(request.chat.lang) },
    { lang: request.chat.lang, priority },
  );
}

/** The need the matcher ranks volunteers for. */
export function needOf(request: HelpRequestView): Need {
  return {
    requesterId: request.requesterId,
    category: request.category === "sos" ? "other" : request.category,
    text: request.what,
    buildingId: request.buildingId,
    gridId: request.gridId,
    urgent: request.urgent,
    sos: request.category === "sos",
  };
}

/**
 * Ping the next wave of volunteers (climbing the ladder), with accept and decline options, and schedule the wave's
 * timeout; when nobody is left to ask, escalate to the grid captain. Returns how many were pinged.
 */
export async function pingNextWave(repos: RequestRepos, request: HelpRequestView, settings: RequestSettings, now: Date): Promise<number> {
  return pingWave(repos, request, await planWave(repos, request, settings, now), settings, now);
}

/** The next wave of volunteers to ask (none: the request goes up the ladder instead), and its number. */
export async function planWave(repos: RequestRepos, request: HelpRequestView, settings: RequestSettings, now: Date) {
  const pings = await repos.requests.pings(request.id);
  const asked = new Set(pings.map((ping) => ping.volunteerId));
  const candidates = await repos.requests.candidates(request.communityId);
  const at = localTime(now, await repos.people.timeZoneOf(request.communityId));
  const wave = nextWave(rankVolunteers(needOf(request), candidates, at), asked, settings.waveSize);
  const number = Math.max(0, ...pings.map((ping) => ping.wave).filter((n) => n < CAPTAIN_WAVE)) + 1;
  return { wave, number };
}

/** Ping a planned wave, or escalate when it is empty. Returns how many were pinged. */
export async function pingWave(
  repos: RequestRepos,
  request: HelpRequestView,
  { wave, number }: Awaited<ReturnType<typeof planWave>>,
  settings: RequestSettings,
  now: Date,
): Promise<number> {
  if (wave.length === 0) return escalate(repos, request, "captain", settings, now).then(() => 0);
  const ids = wave.map((volunteer) => volunteer.personId);
  await repos.requests.addPings(request.id, number, ids);
  for (const id of ids) await tell(repos, id, request, (lang) => pingMessage(request, lang), pingPriority(request));
  await scheduleWaveTimeout(repos, request, { requestId: request.id, wave: number, stage: "volunteers" }, settings, now);
  await auditRequest(repos, request, "request.pinged", null, { wave: number, volunteers: ids, rungs: wave.map((volunteer) => volunteer.rung) });
  return ids.length;
}

/**
 * Alert the grid captain (stage "captain"; straight to the coordinators when the grid has none) or the coordinators,
 * as pings they can accept like any volunteer, and wait one more wave timeout before the next stage.
 */
export async function escalate(
  repos: RequestRepos,
  request: HelpRequestView,
  stage: "captain" | "coordinator",
  settings: RequestSettings,
  now: Date,
): Promise<void> {
  const captains = stage === "captain" && request.gridId !== null ? await repos.people.captainsOf(request.gridId) : [];
  const level = captains.length > 0 ? "captain" : "coordinator";
  // The stage's timeout doubles as its once-only marker: a second escalation to the same stage does nothing.
  const first = await repos.jobs.schedule({
    kind: WAVE_JOB,
    dueAt: waveDeadline(now, request.urgent, settings),
    payload: { requestId: request.id, wave: 0, stage: level } satisfies WavePayload,
    dedupeKey: `${WAVE_JOB}:${request.id}:${level}`,
  });
  if (!first) return;
  const people = (level === "captain" ? captains : await repos.people.coordinatorsOf(request.communityId)).filter(
    (id) => id !== request.requesterId,
  );
  await auditRequest(repos, request, `request.escalated.${level}`, null, { people });
  // The requester hears once that it went up the ladder (to the captain, or straight to the coordinators), or, when
  // there is nobody to pass it to, that too.
  if (stage === "captain") {
    const note = (lang: Lang) =>
      people.length ? requestTexts(lang).escalatedRequester(request.id, level === "coordinator") : requestTexts(lang).escalatedNobody(request.id);
    await tell(repos, request.requesterId, request, note);
  }
  if (people.length === 0) return;
  // A medical or childcare request is never offered to someone unqualified: leaders are asked to find someone instead.
  const qualifiedOnly = request.category === "medical" || request.category === "childcare";
  if (!qualifiedOnly) await repos.requests.addPings(request.id, level === "captain" ? CAPTAIN_WAVE : COORDINATOR_WAVE, people);
  const texts = (lang: Lang) => requestTexts(lang);
  for (const id of people) {
    await tell(
      repos,
      id,
      request,
      (lang) => {
        const label = labelOf(request);
        const text = level === "captain" ? texts(lang).escalateCaptain(label, qualifiedOnly) : texts(lang).escalateCoordinator(label, qualifiedOnly);
        return qualifiedOnly ? { text } : { text, options: acceptOptions(request.id, lang), subject: texts(lang).subject(label) };
      },
      pingPriority(request),
    );
  }
}

/** The accept / decline options of a ping (buttons, or "回复 1 接单 / 2 不方便"). */
export function acceptOptions(id: number, lang: Lang) {
  const texts = requestTexts(lang);
  return [
    { label: texts.acceptLabel, reply: `/accept ${id}` },
    { label: texts.declineLabel, reply: `/decline ${id}` },
  ];
}

function pingMessage(request: HelpRequestView, lang: Lang): OutboundMessage {
  const texts = requestTexts(lang);
  return { text: texts.ping(labelOf(request), request.urgent), options: acceptOptions(request.id, lang), subject: texts.subject(labelOf(request)) };
}

async function scheduleWaveTimeout(repos: RequestRepos, request: HelpRequestView, payload: WavePayload, settings: RequestSettings, now: Date) {
  await repos.jobs.schedule({
    kind: WAVE_JOB,
    dueAt: waveDeadline(now, request.urgent, settings),
    payload,
    dedupeKey: `${WAVE_JOB}:${request.id}:${payload.wave}`,
  });
}
