/**
 * `/探访 李奶奶 张阿姨 王秀英 每周三 15:00` (coordinators): a rota for the elder with the volunteers in turn order, weekly
 * at that local time. The first week's visit is opened with its reminders; each volunteer hears privately that they
 * are on it. Sent in a group, the group is told only that it was handled privately.
 */
import type { CommandIntent } from "../../parse/intent.ts";
import type { MessageContext } from "../../app/shared/context.ts";
import type { VisitRepos } from "./repos.ts";
import { reply, replyPrivately } from "../../app/shared/context.ts";
import { resolvePerson } from "../../app/shared/resolve-person.ts";
import { nextLocal } from "../../kernel/zoned-time.ts";
import { clock, readRotaArgs } from "./domain/rota.ts";
import { openWeek, tellEach, whenOf } from "./flow.ts";
import { visitTexts } from "./texts.ts";

/** Answer where the details may go: in a private chat as a reply; from a group privately (the group hears only that it was handled privately, once per message). */
export async function answerPrivately(context: MessageContext, repos: Pick<VisitRepos, "outboxes">, text: string): Promise<void> {
  if (context.chat.kind !== "group") return reply(context, repos, text);
  await replyPrivately(context, repos, text);
  await reply(context, repos, visitTexts(context.lang).handledPrivately);
}

/** Create the rota `args` describe. */
export async function createRota(context: MessageContext<CommandIntent>, repos: VisitRepos, args: string): Promise<void> {
  const texts = visitTexts(context.lang);
  const read = readRotaArgs(args);
  if (!read) return answerPrivately(context, repos, texts.usage);
  const people: Array<{ personId: number; name: string }> = [];
  for (const name of [read.elder, ...read.volunteers]) {
    const found = await resolvePerson(context, repos, name);
    if (found.kind === "many") return answerPrivately(context, repos, texts.whichPerson(name));
    if (found.kind === "none") return answerPrivately(context, repos, texts.unknownPerson(name));
    people.push({ personId: found.personId, name: found.name });
  }
  if (new Set(people.map((one) => one.personId)).size !== people.length) return answerPrivately(context, repos, texts.sameTwice);
  const [elder, ...volunteers] = people as [(typeof people)[number], ...typeof people];
  const { communityId } = context.person;
  const { id, replaced } = await repos.visits.createRota({ communityId, elderId: elder.personId, weekday: read.weekday, minute: read.minute, createdById: context.person.id, volunteerIds: volunteers.map((one) => one.personId) });
  const rota = (await repos.visits.rota(id))!;
  const timeZone = await repos.people.timeZoneOf(communityId);
  const first = nextLocal(read.weekday, read.minute, context.now, timeZone);
  await openWeek(repos, rota, 0, first, context.now);
  const time = clock(read.minute);
  const names = volunteers.map((one) => one.name);
  await tellEach(repos, volunteers.map((one) => one.personId).filter((one) => one !== context.person.id), (lang) => visitTexts(lang).onRota(elder.name, context.person.displayName, read.weekday, time, names));
  await repos.audit.append({ communityId, actorId: context.person.id, action: "visit.rota_created", subjectType: "VisitRota", subjectId: id, detail: { elderId: elder.personId, volunteers: volunteers.map((one) => one.personId), weekday: read.weekday, minute: read.minute, replaced } });
  await answerPrivately(context, repos, texts.created(elder.name, names, read.weekday, time, whenOf(first, timeZone), replaced !== null));
}
