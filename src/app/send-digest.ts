/**
 * Digests for grid captains (their grids) and coordinators (every grid): request figures per grid, SOS response,
 * reports and mediation by state (counts only), hours by category, top helpers and missed check-ins, each against the
 * week before. Weekly from the weekly job, and on demand with `/digest`. Always privately, never in a group.
 */
import type { CommandIntent, Lang } from "../parse/intent.ts";
import type { Repositories } from "../domain/ports.ts";
import type { Handler } from "./message-context.ts";
import { reply, replyPrivately } from "./message-context.ts";
import { weeksEndingAt } from "../domain/digests/figures.ts";
import { timeBankTexts } from "../i18n/timebank.ts";

/** The digest text for a reader: null grids for a coordinator (everything), else the captain's grids. */
export async function digestFor(repos: Repositories, communityId: number, gridIds: number[] | null, end: Date, lang: Lang): Promise<string> {
  const { current, previous } = weeksEndingAt(end);
  const timeZone = await repos.people.timeZoneOf(communityId);
  const day = new Intl.DateTimeFormat(lang === "en" ? "en-GB" : "zh-CN", { timeZone, month: "numeric", day: "numeric" });
  const period = `${day.format(current.from)}–${day.format(new Date(current.to.getTime() - 1))}`;
  const now = await repos.digests.figures(communityId, gridIds, current);
  const before = await repos.digests.figures(communityId, gridIds, previous);
  return timeBankTexts(lang).digest(period, now, before);
}

/** Who reads which digest: coordinators everything, captains their grids (a coordinator who captains too gets one). */
async function readers(repos: Repositories, communityId: number, personId?: number): Promise<Array<{ personId: number; gridIds: number[] | null }>> {
  const coordinators = await repos.people.coordinatorsOf(communityId);
  const ids = personId === undefined ? null : [personId];
  const list: Array<{ personId: number; gridIds: number[] | null }> = coordinators.filter((id) => !ids || ids.includes(id)).map((id) => ({ personId: id, gridIds: null }));
  const captains = ids ?? (await repos.people.captainsOfCommunity(communityId));
  for (const id of captains) {
    if (coordinators.includes(id)) continue;
    const grids = await repos.people.gridsCaptainedBy(id);
    if (grids.length) list.push({ personId: id, gridIds: grids });
  }
  return list;
}

/** The weekly digests, each privately to its reader. */
export async function sendDigests(repos: Repositories, communityId: number, end: Date): Promise<void> {
  const community = (await repos.communities.list()).find((one) => one.id === communityId);
  for (const reader of await readers(repos, communityId)) {
    const reach = await repos.people.reach(reader.personId);
    if (!reach) continue;
    const lang = reach.lang ?? community?.lang ?? "zh-CN";
    const text = await digestFor(repos, communityId, reader.gridIds, end, lang);
    await repos.outboxes.enqueue(
      { kind: "user", platform: reach.platform, userId: reach.userId, displayName: reach.displayName },
      { text },
      { lang, priority: 0 },
    );
  }
}

/** `/digest`: the last seven days, now, privately. */
export const digestCommand: Handler<CommandIntent> = async (context, repos) => {
  const [reader] = await readers(repos, context.person.communityId, context.person.id);
  if (!reader) return reply(context, repos, timeBankTexts(context.lang).digestNone);
  const text = await digestFor(repos, context.person.communityId, reader.gridIds, context.now, context.lang);
  if (context.chat.kind === "private") return reply(context, repos, text);
  await replyPrivately(context, repos, text);
  await reply(context, repos, timeBankTexts(context.lang).sentPrivately);
};
