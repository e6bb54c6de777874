/**
 * The private emergency contact card: a resident registers a phone privately (`/phone`), volunteers cap their pings
 * (`/limit 3`); grid captains and coordinators look up someone's card (`/card @name`), which is only ever sent to them
 * privately — in a group the bot just says it has sent it.
 */
import type { CommunityRepos } from "./repos.ts";
import type { CommandIntent } from "../../parse/intent.ts";
import type { Handler, MessageContext } from "../../app/shared/context.ts";
import { answerPrivately, reply } from "../../app/shared/context.ts";
import { t } from "../../app/shared/texts.ts";

/** `/phone 13800000000`, in a private chat only (the number read by the command's declaration: `phoneNumber`). */
export async function registerPhone(context: MessageContext<CommandIntent>, repos: CommunityRepos, phone: string): Promise<void> {
  await repos.directories.setPhone(context.person.id, phone);
  await repos.audit.append({ communityId: context.person.communityId, actorId: context.person.id, action: "phone.registered" });
  await reply(context, repos, t(context.lang).phoneSaved);
}

/** "138 0000-0000" → "13800000000"; undefined unless 5 to 15 digits, with an optional +. */
export function phoneNumber(args: string): string | undefined {
  const phone = args.replace(/[\s-]/gu, "");
  return /^\+?\d{5,15}$/u.test(phone) ? phone : undefined;
}

/** `/limit 3`: at most three pings a day (`limit`, read by the command's declaration). */
export async function setDailyLimit(context: MessageContext<CommandIntent>, repos: CommunityRepos, limit: number): Promise<void> {
  await repos.volunteers.setDailyLimit(context.person.id, limit);
  await reply(context, repos, t(context.lang).limitSet(limit));
}

/** `/card @name`: the card, privately, to a grid captain or coordinator. */
export const showContactCard: Handler<CommandIntent, CommunityRepos> = async (context, repos) => {
  const texts = t(context.lang);
  const me = context.person.id;
  const coordinator = await repos.directories.hasRole(me, "coordinator");
  const mention = context.message.mentions[0];
  const name = context.intent.args.replace(/^@/u, "").trim();
  const target = mention
    ? await repos.directories.findPerson(mention.platform, mention.id)
    : name
      ? await repos.directories.findPersonByName(context.person.communityId, name)
      : null;
  if (!mention && !name) return reply(context, repos, texts.cardHowTo);
  const card = target && (await repos.directories.contactCard(target.id));
  if (!card) return reply(context, repos, texts.cardUnknown(mention?.displayName ?? name));
  if (!coordinator && !(await inMyGrids(repos, me, target.id))) return reply(context, repos, texts.cardOtherGrid);
  const yes = (flag: boolean, zh: string, en: string) => (flag ? [context.lang === "en" ? en : zh] : []);
  const abilities = [
    ...yes(card.firstAid, "急救", "first aid"),
    ...yes(card.medicalTraining, "医护", "medical training"),
    ...yes(card.hasCar, "有车", "has a car"),
    ...card.skills,
  ];
  const none = context.lang === "en" ? "—" : "无";
  await repos.audit.append({ communityId: context.person.communityId, actorId: me, action: "card.viewed", subjectType: "Person", subjectId: target.id });
  await answerPrivately(
    context,
    repos,
    texts.card({
      displayName: card.displayName,
      address: [card.building, card.room].filter(Boolean).join(" ") || none,
      phone: card.phone ?? none,
      abilities: abilities.join(context.lang === "en" ? ", " : "、") || none,
    }),
  );
};

/** A grid captain sees the cards of their own grids' residents only (a captain with no grid set: the whole community). */
async function inMyGrids(repos: CommunityRepos, captainId: number, personId: number): Promise<boolean> {
  const grids = await repos.people.gridsCaptainedBy(captainId);
  if (grids.length === 0) return true;
  const home = await repos.people.residence(personId);
  return home?.gridId !== null && home?.gridId !== undefined && grids.includes(home.gridId);
}
