/**
 * People joining or leaving a group, as the platform reports it (never a command: nobody can type a join). They become
 * members of the chat (or stop being); newcomers to a group get a short greeting in the group's language saying how to
 * use the bot, sent through the outbox like any reply.
 */
import type { CommunityRepos } from "./repos.ts";
import type { UserRef } from "../../chat/types.ts";
import type { KnownChat } from "../../app/ports.ts";
import { t } from "../../app/shared/texts.ts";

/** Record who joined (or left) a chat; greet those who joined a group. */
export async function membersChanged(repos: CommunityRepos, chat: KnownChat, kind: "members_joined" | "members_left", members: UserRef[]): Promise<void> {
  for (const member of members) {
    const person = (await repos.directories.findPerson(member.platform, member.id)) ?? (kind === "members_joined" ? await repos.directories.createPerson(member, chat.communityId) : null);
    if (!person) continue;
    if (kind === "members_joined") await repos.directories.upsertMembership(chat.id, person.id, undefined);
    else await repos.directories.removeMembership(chat.id, person.id);
  }
  if (kind !== "members_joined" || chat.kind !== "group" || !members.length) return;
  const names = members.map((member) => member.displayName).join("、");
  await repos.outboxes.enqueue(
    { kind: "chat", platform: chat.platform, chatId: chat.externalId },
    { text: t(chat.lang).welcome(names, chat.platform) },
    { lang: chat.lang },
  );
}
