/**
 * Who a resident means by a name: an @mention first, then a member of this chat by display name or alias, then
 * anyone in the community by display name. Several matches mean "ask"; the bot never guesses between neighbours.
 */
import type { Repositories } from "../ports.ts";
import type { MessageContext } from "./context.ts";

/** A name resolved to one person, to nobody, or to several. */
export type Resolved = { kind: "one"; personId: number; name: string } | { kind: "none" } | { kind: "many"; people: Array<{ personId: number; name: string }> };

const HONORIFIC = /^(?:mr|mrs|ms|miss|dr)\.?\s+/iu;

/** Resolve `name` as written in the message of `context`. */
export async function resolvePerson(context: MessageContext, repos: Pick<Repositories, "directories" | "events">, name: string): Promise<Resolved> {
  const wanted = name.replace(/^@/u, "").trim();
  if (!wanted) return { kind: "none" };
  const mention = context.message.mentions.find((one) => one.displayName === wanted) ?? (context.message.mentions.length === 1 ? context.message.mentions[0] : undefined);
  if (mention) {
    const person = await repos.directories.findPerson(mention.platform, mention.id);
    if (person) return { kind: "one", personId: person.id, name: person.displayName };
  }
  const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase() || a.replace(HONORIFIC, "").toLowerCase() === b.replace(HONORIFIC, "").toLowerCase();
  const members = (await repos.events.membersByName(context.chat.id)).filter((member) => member.names.some((one) => same(one, wanted)));
  if (members.length === 1) return { kind: "one", personId: members[0]!.personId, name: members[0]!.names[0]! };
  if (members.length > 1) return { kind: "many", people: members.map((member) => ({ personId: member.personId, name: member.names[0]! })) };
  const person = await repos.directories.findPersonByName(context.person.communityId, wanted);
  return person ? { kind: "one", personId: person.id, name: person.displayName } : { kind: "none" };
}
