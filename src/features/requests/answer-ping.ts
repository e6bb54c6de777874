/**
 * A volunteer answers a ping: `/accept 12` (or "1" to the numbered options, or the button) takes the request if
 * nobody was first, tells the requester who is coming, gives the volunteer the requester's contact privately and
 * tells the others it is taken; `/decline 12` passes, and when the whole wave has passed the next one is pinged; the
 * helper's own `/decline 12` hands an accepted request back.
 */
import type { RequestRepos } from "./repos.ts";
import type { CommandIntent } from "../../parse/intent.ts";
import type { HelpRequestView } from "./ports.ts";
import type { RequestSettings } from "./domain/policy.ts";
import type { Handler, MessageContext } from "../../app/shared/context.ts";
import { reply, replyPrivately } from "../../app/shared/context.ts";
import { requestTexts } from "./texts.ts";
import { auditRequest, CAPTAIN_WAVE, labelOf, pingNextWave, pingPriority, tellGroup } from "./flow.ts";
import { leadersOf, tell } from "../../app/shared/tell.ts";
import { acknowledgeSos } from "./raise-sos.ts";
import { canMove, mayHandBack } from "./domain/state-machine.ts";

/** The request a command names ("12", "#12"), or a reply saying what is wrong. */
export async function namedRequest(context: MessageContext<CommandIntent>, repos: RequestRepos): Promise<HelpRequestView | null> {
  const texts = requestTexts(context.lang);
  const number = /#?\s*(\d{1,9})/u.exec(context.intent.args)?.[1];
  if (!number) {
    await reply(context, repos, texts.whichRequest);
    return null;
  }
  const request = await repos.requests.get(Number(number));
  if (!request || request.communityId !== context.person.communityId) {
    await reply(context, repos, texts.notFound(number));
    return null;
  }
  return request;
}

/** `/accept 12` (for an SOS, the same as `/ack 12`). */
export const acceptRequest: Handler<CommandIntent, RequestRepos> = async (context, repos) => {
  const request = await namedRequest(context, repos);
  if (!request) return;
  if (request.category === "sos") return acknowledgeSos(context, repos, request);
  const texts = requestTexts(context.lang);
  const me = context.person.id;
  if (request.requesterId === me) return reply(context, repos, texts.ownRequest);
  if (request.helper?.personId === me) return reply(context, repos, texts.alreadyYours(request.id));
  if (!canMove(request.state, "accept")) {
    await repos.requests.answerPing(request.id, me, ["sent", "expired", "declined"], "taken");
    return reply(context, repos, request.state === "assigned" ? texts.taken(request.id) : texts.notOpen(request.id));
  }
  // Only someone the request was offered to, or a leader, may take it (and so learn whom to contact).
  const offered = (await repos.requests.pings(request.id)).some((ping) => ping.volunteerId === me);
  if (!(await mayTake(repos, request, me))) return reply(context, repos, texts.needsQualified(request.category));
  if (!offered && !(await leadersOf(repos, request)).includes(me)) return reply(context, repos, texts.notAsked);
  if (!(await repos.requests.assign(request.id, me))) {
    // Someone else's acceptance committed between our read and our update: theirs wins.
    await repos.requests.answerPing(request.id, me, ["sent", "expired", "declined"], "taken");
    return reply(context, repos, texts.taken(request.id));
  }
  await repos.requests.answerPing(request.id, me, ["sent", "expired", "declined"], "accepted");
  const others = await repos.requests.closePings(request.id, "taken");
  // Who to contact goes to the volunteer privately, even when they accepted in a group. The requester's registered room
  // and phone stay with captains and coordinators (as promised when they were given); a place said in the request is
  // passed on, since the requester gave it for this.
  // Guardian mode: a requester in no chat is reached through whoever acts for them.
  const requester = await repos.people.reach(request.requesterId);
  const through = requester?.onBehalfOf ? `\n${texts.contactGuardian(request.requesterName, requester.displayName)}` : "";
  await replyPrivately(context, repos, texts.acceptedVolunteer(labelOf(request), request.place) + through);
  const priority = pingPriority(request);
  await tell(repos, request.requesterId, request, (lang) => requestTexts(lang).acceptedRequester(request.id, context.person.displayName), priority);
  for (const id of others) await tell(repos, id, request, (lang) => requestTexts(lang).taken(request.id));
  await tellGroup(repos, request, (lang) => requestTexts(lang).acceptedGroup(request.id));
  await auditRequest(repos, request, "request.accepted", me, { toldTaken: others });
};

/** Medical requests only for volunteers with medical training, childcare only for verified ones (the risk boundary). */
async function mayTake(repos: RequestRepos, request: HelpRequestView, personId: number): Promise<boolean> {
  if (request.category !== "medical" && request.category !== "childcare") return true;
  const card = await repos.directories.contactCard(personId); // one person's profile, not every candidate's
  return request.category === "medical" ? !!card?.medicalTraining : !!card?.verified;
}

/** `/decline 12`: no problem; when nobody of the wave is left to answer, the next wave goes out now. */
export function declineRequest(settings: RequestSettings): Handler<CommandIntent, RequestRepos> {
  return async (context, repos) => {
    const request = await namedRequest(context, repos);
    if (!request) return;
    const texts = requestTexts(context.lang);
    const me = context.person.id;
    const parties = { requesterId: request.requesterId, helperId: request.helper?.personId ?? null };
    if (canMove(request.state, "decline") && mayHandBack(me, parties) && (await repos.requests.unassign(request.id, me))) {
      // The helper hands it back: the requester is told, and the next wave goes out.
      await reply(context, repos, texts.handedBack(request.id));
      await tell(repos, request.requesterId, request, (lang) => requestTexts(lang).handedBackRequester(request.id, context.person.displayName));
      await auditRequest(repos, request, "request.handed_back", me);
      const reopened = await repos.requests.get(request.id);
      if (reopened) await pingNextWave(repos, reopened, settings, context.now);
      return;
    }
    await repos.requests.answerPing(request.id, me, ["sent"], "declined");
    await reply(context, repos, texts.declined);
    if (request.state !== "open" || request.category === "sos") return;
    const pings = await repos.requests.pings(request.id);
    const wave = Math.max(0, ...pings.map((ping) => ping.wave));
    if (wave >= CAPTAIN_WAVE) return; // the captain or a coordinator passed: the stage's timeout moves on
    if (!pings.some((ping) => ping.wave === wave && ping.state === "sent")) await pingNextWave(repos, request, settings, context.now);
  };
}
