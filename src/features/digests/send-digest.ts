/**
 * Digests for grid captains (their grids) and coordinators (every grid): request figures per grid, SOS response,
 * reports and mediation by state (counts only), hours by category, top helpers and missed check-ins, each against the
 * week before. Weekly from the weekly job, and on demand with `/digest`. Always privately, never in a group.
 */
import type { DigestRepos } from "./repos.ts";
import type { CommandIntent } from "../../parse/intent.ts";
import type { Lang } from "../../kernel/lang.ts";
import type { JobHandler } from "../../app/ports.ts";
import type { Handler } from "../../app/shared/context.ts";
import { answerPrivately, reply } from "../../app/shared/context.ts";
import { weeksEndingAt } from "./domain/figures.ts";
import { timeBankTexts } from "../timebank/texts.ts";

/** The digest text for a reader: null grids for a coordinator (everything), else the captain's grids. */
export async function digestFor(repos: DigestRepos, communityId: number, gridIds: number[] | null, end: Date, lang: Lang): Promise<string> {
  const timeZone = await repos.people.timeZoneOf(communityId);
  const { current, previous } = weeksEndingAt(end, timeZone);
  const day = new Intl.DateTimeFormat(lang === "en" ? "en-GB" : "zh-CN", { timeZone, month: "numeric", day: "numeric" });
  const period = `${day.format(current.from)}–${day.format(new Date(current.to.getTime() - 1))}`;
  const now = await repos.digests.figures(communityId, gridIds, current);
  const before = await repos.digests.figures(communityId, gridIds, previous);
  return timeBankTexts(lang).digest(period, now, before);
}

/** Who reads which digest: coordinators everything, captains their grids (a coordinator who captains too gets one). */
export async function readers(repos: Pick<DigestRepos, "people">, communityId: number, personId?: number): Promise<Array<{ personId: number; gridIds: number[] | null }>> {
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

/** The job kind of one reader's weekly digest. */
export const DIGEST_JOB = "week.digest";

/** Payload of a digest job. */
export interface DigestPayload {
  communityId: number;
  personId: number;
  /** Null: every grid (a coordinator). */
  gridIds: number[] | null;
  /** The end of the week, ISO. */
  end: string;
}

/** One reader's weekly digest, privately (no group fallback: a digest never reaches a group). */
export const digestJob: JobHandler<DigestRepos> = async (payload, repos) => {
  const { communityId, personId, gridIds, end } = payload as DigestPayload;
  const reach = await repos.people.reach(personId);
  if (!reach) return;
  const community = (await repos.communities.list()).find((one) => one.id === communityId);
  const lang = reach.lang ?? community?.lang ?? "zh-CN";
  const text = await digestFor(repos, communityId, gridIds, new Date(end), lang);
  await repos.outboxes.enqueue({ kind: "user", platform: reach.platform, userId: reach.userId, displayName: reach.displayName }, { text }, { lang, priority: 0 });
};

/** `/digest`: the last seven days, now, privately. */
export const digestCommand: Handler<CommandIntent, DigestRepos> = async (context, repos) => {
  const [reader] = await readers(repos, context.person.communityId, context.person.id);
  if (!reader) return reply(context, repos, timeBankTexts(context.lang).digestNone);
  const text = await digestFor(repos, context.person.communityId, reader.gridIds, context.now, context.lang);
  await answerPrivately(context, repos, text);
};
