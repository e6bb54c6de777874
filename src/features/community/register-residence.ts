/**
 * A resident registers where they live ("我住3栋502", "/register 3-502"). The building is created if it is new
 * (in the community's default grid until an admin assigns it). The room is private: a group reply never repeats it.
 */
import type { CommunityRepos } from "./repos.ts";
import type { CommandIntent, RegisterIntent } from "../../parse/intent.ts";
import type { Place } from "../../kernel/place.ts";
import type { Handler, MessageContext } from "../../app/shared/context.ts";
import { reply } from "../../app/shared/context.ts";
import { findPlace } from "../../parse/place.ts";
import { buildingName } from "../../kernel/place.ts";
import { formatAddress, roomOf } from "./domain/address.ts";
import { t } from "../../app/shared/texts.ts";

/** Natural-language registration. */
export const registerResidence: Handler<RegisterIntent, CommunityRepos> = (context, repos) =>
  saveResidence(context, repos, context.intent.place);

/** `/register <place>` (the place read by the command's declaration: `placeToRegister`). */
export const registerResidenceCommand = (context: MessageContext<CommandIntent>, repos: CommunityRepos, place: Place): Promise<void> =>
  saveResidence(context, repos, place);

/** "3-502", "3栋502", "3 502": a place with a room, or undefined. */
export function placeToRegister(args: string): Place | undefined {
  const place = findPlace(args) ?? findPlace(args.replace(/^(\d{1,3})\s+(\d{3,4})$/u, "$1-$2"));
  return place?.room ? place : undefined;
}

async function saveResidence(context: MessageContext, repos: CommunityRepos, place: Place): Promise<void> {
  const building = await repos.directories.ensureBuilding(
    context.person.communityId,
    place.building,
    buildingName(place.building, "zh-CN"),
  );
  await repos.directories.setResidence(context.person.id, building.id, roomOf(place));
  await repos.audit.append({
    communityId: context.person.communityId,
    actorId: context.person.id,
    action: "resident.registered",
    subjectType: "Building",
    subjectId: building.id,
  });
  const texts = t(context.lang);
  await reply(
    context,
    repos,
    context.chat.kind === "group" ? texts.registeredInGroup : texts.registered(formatAddress(place, context.lang)),
  );
}
