/**
 * `/代管` (`/guardian`), coordinators only: register an elder in no chat (no smartphone, cannot type) at their address
 * with the coordinator as their guardian, who then receives everything the bot would tell the elder privately; list the
 * people one acts for (privately: it has their rooms); or end it. Every change is in the audit log.
 */
import type { CommandIntent } from "../../parse/intent.ts";
import type { MessageContext } from "../../app/shared/context.ts";
import type { GuardianRepos } from "./repos.ts";
import { answerPrivately, reply } from "../../app/shared/context.ts";
import { findPlace } from "../../parse/place.ts";
import { buildingName } from "../../kernel/place.ts";
import { formatAddress, roomOf } from "../community/domain/address.ts";
import { readGuardianArgs } from "./domain/args.ts";
import { guardianTexts } from "./texts.ts";

/** `/代管 …`: the list, a registration, or the end of guardian mode for someone. */
export async function guardianCommand(context: MessageContext<CommandIntent>, repos: GuardianRepos, args: string): Promise<void> {
  const parsed = readGuardianArgs(args);
  if (parsed.kind === "list") return listWards(context, repos);
  if (parsed.kind === "end") return endWard(context, repos, parsed.name);
  return registerWard(context, repos, parsed.name, parsed.rest);
}

async function registerWard(context: MessageContext, repos: GuardianRepos, name: string, rest: string): Promise<void> {
  const texts = guardianTexts(context.lang);
  const place = findPlace(rest) ?? findPlace(rest.replace(/^(\d{1,3})\s+(\d{3,4})$/u, "$1-$2"));
  if (!place) return reply(context, repos, texts.needPlace(name));
  const communityId = context.person.communityId;
  const found = await repos.guardians.findByName(communityId, name);
  if (found?.hasIdentity) return reply(context, repos, texts.inChat(name));
  const personId = found?.personId ?? (await repos.guardians.create(communityId, name)).id;
  const building = await repos.directories.ensureBuilding(communityId, place.building, buildingName(place.building, "zh-CN"));
  await repos.directories.setResidence(personId, building.id, roomOf(place));
  await repos.guardians.setGuardian(personId, context.person.id);
  await repos.audit.append({
    communityId,
    actorId: context.person.id,
    action: "guardian.registered",
    subjectType: "Person",
    subjectId: personId,
    detail: { onBehalfOf: personId, created: !found, previousGuardianId: found?.guardianId ?? null },
  });
  // The address only in a private chat.
  await reply(context, repos, texts.registered(name, context.chat.kind === "private" ? formatAddress(place, context.lang) : null));
}

async function endWard(context: MessageContext, repos: GuardianRepos, name: string): Promise<void> {
  const texts = guardianTexts(context.lang);
  const found = await repos.guardians.findByName(context.person.communityId, name);
  if (!found || found.guardianId === null) return reply(context, repos, texts.notGuarded(name));
  await repos.guardians.setGuardian(found.personId, null);
  await repos.audit.append({
    communityId: context.person.communityId,
    actorId: context.person.id,
    action: "guardian.ended",
    subjectType: "Person",
    subjectId: found.personId,
    detail: { onBehalfOf: found.personId, guardianId: found.guardianId },
  });
  await reply(context, repos, texts.ended(name));
}

async function listWards(context: MessageContext, repos: GuardianRepos): Promise<void> {
  const texts = guardianTexts(context.lang);
  const wards = await repos.guardians.wardsOf(context.person.id);
  if (!wards.length) return answerPrivately(context, repos, texts.noWards);
  const address = (ward: (typeof wards)[number]) => [ward.buildingName, ward.room].filter(Boolean).join("") || null;
  await answerPrivately(context, repos, texts.wards(wards.map((ward) => texts.ward(ward.displayName, address(ward)))));
}
