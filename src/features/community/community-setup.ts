/**
 * Setting up the community from the chat: a group admin binds the group to a building or an interest; a coordinator
 * puts buildings in a grid and names grid captains. Buildings are created as they are named (in the default grid
 * until assigned), so the bot also works with no setup at all.
 */
import type { CommunityRepos } from "./repos.ts";
import type { CommandIntent } from "../../parse/intent.ts";
import type { MessageContext } from "../../app/shared/context.ts";
import type { UserRef } from "../../kernel/platform.ts";
import { reply } from "../../app/shared/context.ts";
import { buildingKeyOf as buildingKey, buildingName } from "../../kernel/place.ts";
import { t } from "../../app/shared/texts.ts";

/** `/bind 3栋`: this group is the group of building 3 (`key`; a group admin's or a coordinator's, in the group). */
export async function bindChat(context: MessageContext<CommandIntent>, repos: CommunityRepos, key: string): Promise<void> {
  const texts = t(context.lang);
  const building = await repos.directories.ensureBuilding(context.person.communityId, key, buildingName(key, "zh-CN"));
  await repos.directories.bindChat(context.chat.id, { buildingId: building.id });
  await repos.audit.append({ communityId: context.person.communityId, actorId: context.person.id, action: "chat.bound", subjectType: "Chat", subjectId: context.chat.id, detail: { building: key } });
  await reply(context, repos, texts.bound(buildingName(key, context.lang)));
}

/** `/interest 社区花园`: this group is an interest group (a group admin's or a coordinator's, in the group). */
export async function bindInterest(context: MessageContext<CommandIntent>, repos: CommunityRepos, interest: string): Promise<void> {
  await repos.directories.bindChat(context.chat.id, { interest });
  await repos.audit.append({ communityId: context.person.communityId, actorId: context.person.id, action: "chat.bound", subjectType: "Chat", subjectId: context.chat.id, detail: { interest } });
  await reply(context, repos, t(context.lang).bound(interest));
}

/** `/grid 东区 1 2 3`: these buildings belong to grid 东区 (created if new). A coordinator's. */
export async function assignGrid(context: MessageContext<CommandIntent>, repos: CommunityRepos, { name, keys }: GridAssignment): Promise<void> {
  const communityId = context.person.communityId;
  const grid = await repos.directories.ensureGrid(communityId, name);
  for (const key of keys) {
    const building = await repos.directories.ensureBuilding(communityId, key, buildingName(key, "zh-CN"));
    await repos.directories.moveBuildingToGrid(building.id, grid.id);
  }
  await repos.audit.append({ communityId, actorId: context.person.id, action: "grid.assigned", subjectType: "Grid", subjectId: grid.id, detail: { buildings: keys } });
  await reply(context, repos, t(context.lang).gridSet(name, keys.map((key) => buildingName(key, context.lang)).join(context.lang === "en" ? ", " : "、")));
}

/** A grid's name and the buildings put in it. */
export interface GridAssignment {
  name: string;
  keys: string[];
}

/** "东区 1 2 3": the grid and its buildings, or undefined unless every building is one. */
export function gridAssignment(args: string): GridAssignment | undefined {
  const [name, ...words] = args.split(/[\s,，、]+/u).filter(Boolean);
  const keys = words.map(buildingKey);
  if (!name || keys.length === 0) return undefined;
  return keys.every((key): key is string => key !== undefined) ? { name, keys } : undefined;
}

/** `/captain @周大姐 东区`: the mentioned person captains grid 东区. A coordinator's. */
export async function assignCaptain(context: MessageContext<CommandIntent>, repos: CommunityRepos, { captain: mention, grid: gridName }: CaptainAssignment): Promise<void> {
  const communityId = context.person.communityId;
  const captain =
    (await repos.directories.findPerson(mention.platform, mention.id)) ?? (await repos.directories.createPerson(mention, communityId));
  const grid = await repos.directories.ensureGrid(communityId, gridName);
  await repos.directories.assignRole(communityId, captain.id, "grid_captain", grid.id);
  await repos.audit.append({ communityId, actorId: context.person.id, action: "captain.assigned", subjectType: "Person", subjectId: captain.id, detail: { grid: gridName } });
  await reply(context, repos, t(context.lang).captainSet(mention.displayName, gridName));
}

/** Who captains which grid. */
export interface CaptainAssignment {
  captain: UserRef;
  grid: string;
}

/** "@周大姐 东区": the person mentioned and the grid named, or undefined without both. */
export function captainAssignment(args: string, context: MessageContext<CommandIntent>): CaptainAssignment | undefined {
  const captain = context.message.mentions[0];
  const grid = args.replace(/@\S+/gu, "").trim();
  return captain && grid ? { captain, grid } : undefined;
}
