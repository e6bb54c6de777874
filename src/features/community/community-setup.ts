/**
 * Setting up the community from the chat: a group admin binds the group to a building or an interest; a coordinator
 * puts buildings in a grid and names grid captains. Buildings are created as they are named (in the default grid
 * until assigned), so the bot also works with no setup at all.
 */
import type { CommandIntent } from "../../parse/intent.ts";
import type { Handler, MessageContext } from "../../app/shared/context.ts";
import type { Repositories } from "../../app/ports.ts";
import { reply } from "../../app/shared/context.ts";
import { buildingKeyOf as buildingKey, buildingName } from "../../kernel/place.ts";
import { t } from "../../app/shared/texts.ts";

/** `/bind 3栋`: this group is the group of building 3 (`key`; a group admin's or a coordinator's, in the group). */
export async function bindChat(context: MessageContext<CommandIntent>, repos: Repositories, key: string): Promise<void> {
  const texts = t(context.lang);
  const building = await repos.directories.ensureBuilding(context.person.communityId, key, buildingName(key, "zh-CN"));
  await repos.directories.bindChat(context.chat.id, { buildingId: building.id });
  await repos.audit.append({ communityId: context.person.communityId, actorId: context.person.id, action: "chat.bound", subjectType: "Chat", subjectId: context.chat.id, detail: { building: key } });
  await reply(context, repos, texts.bound(buildingName(key, context.lang)));
}

/** `/interest 社区花园`: this group is an interest group (a group admin's or a coordinator's, in the group). */
export const bindInterest: Handler<CommandIntent> = async (context, repos) => {
  const texts = t(context.lang);
  const interest = context.intent.args.trim();
  if (!interest) return reply(context, repos, texts.bindHowTo);
  await repos.directories.bindChat(context.chat.id, { interest });
  await repos.audit.append({ communityId: context.person.communityId, actorId: context.person.id, action: "chat.bound", subjectType: "Chat", subjectId: context.chat.id, detail: { interest } });
  await reply(context, repos, texts.bound(interest));
};

/** `/grid 东区 1 2 3`: these buildings belong to grid 东区 (created if new). A coordinator's. */
export const assignGrid: Handler<CommandIntent> = async (context, repos) => {
  const texts = t(context.lang);
  const [name, ...words] = context.intent.args.split(/[\s,，、]+/u).filter(Boolean);
  const keys = words.map(buildingKey);
  if (!name || keys.length === 0 || keys.some((key) => key === undefined)) return reply(context, repos, texts.gridHowTo);
  const communityId = context.person.communityId;
  const grid = await repos.directories.ensureGrid(communityId, name);
  for (const key of keys as string[]) {
    const building = await repos.directories.ensureBuilding(communityId, key, buildingName(key, "zh-CN"));
    await repos.directories.moveBuildingToGrid(building.id, grid.id);
  }
  await repos.audit.append({ communityId, actorId: context.person.id, action: "grid.assigned", subjectType: "Grid", subjectId: grid.id, detail: { buildings: keys } });
  await reply(context, repos, texts.gridSet(name, (keys as string[]).map((key) => buildingName(key, context.lang)).join(context.lang === "en" ? ", " : "、")));
};

/** `/captain @周大姐 东区`: the mentioned person captains grid 东区. A coordinator's. */
export const assignCaptain: Handler<CommandIntent> = async (context, repos) => {
  const texts = t(context.lang);
  const mention = context.message.mentions[0];
  const gridName = context.intent.args.replace(/@\S+/gu, "").trim();
  if (!mention || !gridName) return reply(context, repos, texts.captainHowTo);
  const communityId = context.person.communityId;
  const captain =
    (await repos.directories.findPerson(mention.platform, mention.id)) ?? (await repos.directories.createPerson(mention, communityId));
  const grid = await repos.directories.ensureGrid(communityId, gridName);
  await repos.directories.assignRole(communityId, captain.id, "grid_captain", grid.id);
  await repos.audit.append({ communityId, actorId: context.person.id, action: "captain.assigned", subjectType: "Person", subjectId: captain.id, detail: { grid: gridName } });
  await reply(context, repos, texts.captainSet(mention.displayName, gridName));
};
