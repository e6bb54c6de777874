/**
 * A repeated SOS ("救命！" again, or more about what is happening) from someone whose emergency is open and was raised
 * less than `sosJoinMinutes` ago joins it: no new emergency and no new round of alerts. A message with details (it says
 * what is happening or where, and those words were not passed on already) goes privately to everyone alerted; a bare
 * call for help does not. The chat hears at most one short "still on it" note every two minutes. Another person's SOS, even about the same place, is never joined: two people
 * may both need help, and the responders see both alerts with their places.
 */
import { createHash } from "node:crypto";
import type { SosIntent } from "../../parse/intent.ts";
import type { MessageContext } from "../../app/shared/context.ts";
import type { RequestRepos } from "./repos.ts";
import type { RequestSettings } from "./domain/policy.ts";
import type { Reach } from "./ports.ts";
import { reply } from "../../app/shared/context.ts";
import { reachOf, tellReached } from "../../app/shared/tell.ts";
import { joinsOpenSos } from "./domain/policy.ts";
import { requestTexts } from "./texts.ts";
import { auditRequest, labelOf } from "./flow.ts";

const PRIORITY = 9;
const NOTE_GAP_MS = 2 * 60_000;

/** What was passed on for an emergency already (digests of the words, not the words) and when the chat last heard. */
interface Joined {
  passed: string[];
  notedAt: number | null;
}

/** Join the sender's open, recent SOS if there is one (true), else leave it to be raised as a new one (false). */
export async function joinOpenSos(context: MessageContext<SosIntent>, repos: RequestRepos, settings: RequestSettings): Promise<boolean> {
  const { person, now, message } = context;
  const open = (await repos.requests.activeOf(person.id)).find((request) => joinsOpenSos(request, now, settings));
  if (!open) return false;
  const key = `sos.joined:${open.id}`;
  const stored = await repos.states.get(key);
  const joined: Joined = stored ? (JSON.parse(stored) as Joined) : { passed: [], notedAt: null };
  const added = context.intent.emergency !== "other" || context.intent.place ? digestOf(message.text) : null;
  const fresh = added !== null && !joined.passed.includes(added);
  const alerted = (await repos.requests.pings(open.id)).filter((ping) => ping.state === "sent" || ping.state === "accepted");
  const reaches: Reach[] = [];
  for (const { volunteerId } of alerted) {
    const reach = await reachOf(repos, volunteerId, open);
    if (reach) reaches.push(reach);
  }
  const reached = reaches.length;
  const quiet = joined.notedAt !== null && now.getTime() - joined.notedAt < NOTE_GAP_MS;
  if (!quiet) await reply(context, repos, requestTexts(context.lang).sosStillOn(open.id, reached, fresh && reached > 0), PRIORITY);
  if (fresh) {
    for (const reach of reaches) {
      await tellReached(repos, reach, open, (lang) => requestTexts(lang).sosUpdate(labelOf(open), message.text.trim()), PRIORITY);
    }
  }
  const next: Joined = { passed: fresh && added ? [...joined.passed, added] : joined.passed, notedAt: quiet ? joined.notedAt : now.getTime() };
  await repos.states.set(key, JSON.stringify(next));
  await auditRequest(repos, open, "sos.joined", person.id, { chatId: context.chat.id, text: message.text, passedOn: fresh ? reached : 0 });
  return true;
}

/** A digest of a message's words (not its punctuation), to pass the same words on once. */
function digestOf(text: string): string {
  return createHash("sha256").update(text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "")).digest("hex").slice(0, 16);
}
