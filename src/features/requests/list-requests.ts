/**
 * "我的求助有人接了吗" / `/requests`: a person's own open requests and the ones they are helping with; a grid captain
 * also gets the open requests of their grid (names and buildings, never rooms or phones). Always privately: what
 * someone asked for can be personal; in a group the bot only says it has sent the list.
 */
import type { RequestRepos } from "./repos.ts";
import type { EventRepos } from "../events/repos.ts";
import type { TimeBankRepos } from "../timebank/repos.ts";
import type { CommandIntent, QueryIntent } from "../../parse/intent.ts";
import type { HelpRequestView } from "./ports.ts";
import type { Handler, MessageContext } from "../../app/shared/context.ts";
import { answerPrivately, reply } from "../../app/shared/context.ts";
import { requestTexts } from "./texts.ts";
import { answerEventsQuery } from "../events/index.ts";
import { balanceQuery } from "../timebank/index.ts";

/** `/requests`. */
export const listRequestsCommand: Handler<CommandIntent, RequestRepos> = (context, repos) => listRequests(context, repos);

/** A `query` intent: "my requests" here, events and balances by their features. */
export const answerQuery: Handler<QueryIntent, RequestRepos & EventRepos & TimeBankRepos> = async (context, repos) => {
  if (context.intent.topic === "my-requests") await listRequests(context, repos);
  if (context.intent.topic === "events") await answerEventsQuery(context, repos);
  if (context.intent.topic === "balance") await balanceQuery(context, repos);
};

async function listRequests(context: MessageContext, repos: RequestRepos): Promise<void> {
  const texts = requestTexts(context.lang);
  const line = (request: HelpRequestView, withName: boolean) => {
    const where = request.buildingName ? (context.lang === "en" ? ` (${request.buildingName})` : `（${request.buildingName}）`) : "";
    const who = withName ? `${request.requesterName}${where}${context.lang === "en" ? ": " : "："}` : "";
    return `#${request.id} ${who}${request.what} — ${texts.lineState(request.state, request.helper?.displayName ?? null)}`;
  };
  const own = await repos.requests.activeOf(context.person.id);
  const helping = await repos.requests.helpingWith(context.person.id);
  const parts: string[] = [
    ...(own.length ? [texts.listOwn(own.map((request) => line(request, false)))] : []),
    ...(helping.length ? [texts.listHelping(helping.map((request) => line(request, true)))] : []),
  ];
  const grids = await repos.people.gridsCaptainedBy(context.person.id);
  const inGrid = grids.length ? (await repos.requests.activeInGrids(grids)).filter((request) => request.requesterId !== context.person.id) : [];
  if (inGrid.length) parts.push(texts.listGrid(inGrid.map((request) => line(request, true))));
  if (parts.length === 0) return reply(context, repos, texts.noneOpen);
  // What people asked for (a medical need, say) is theirs: the list goes privately, the group only hears it was sent.
  await answerPrivately(context, repos, parts.join("\n"));
}
