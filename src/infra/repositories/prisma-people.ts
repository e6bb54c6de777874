/** Who to reach and where they live, for the request use cases, on Prisma. */
import type { Platform } from "../../chat/types.ts";
import type { People, Reach, Residence } from "../../features/requests/ports.ts";
import type { Tx } from "./tx.ts";

/** Prisma implementation of `People`. */
export class PrismaPeople implements People {
  constructor(private readonly tx: Tx) {}

  async reach(personId: number, platform?: Platform, nearChatId?: number | null): Promise<Reach | null> {
    const person = await this.tx.person.findUnique({
      where: { id: personId },
      include: {
        identities: { orderBy: { id: "asc" } },
        memberships: { where: { chat: { kind: "group" } }, include: { chat: { select: { id: true, platform: true, externalId: true } } } },
      },
    });
    if (!person) return null;
    const identity = person.identities.find((one) => one.platform === platform) ?? person.identities[0];
    if (!identity) return person.guardianId === null ? null : this.#throughGuardian(person, person.guardianId, platform, nearChatId);
    const groups = person.memberships.map((membership) => membership.chat).filter((chat) => chat.platform === identity.platform);
    // A group they share, preferring the one the matter arose in; else that group itself, where they may well be.
    const shared = groups.find((chat) => chat.id === nearChatId) ?? groups[0];
    const near = !shared && nearChatId ? await this.tx.chat.findUnique({ where: { id: nearChatId }, select: { platform: true, externalId: true, kind: true } }) : null;
    const fallback = shared ?? (near && near.kind === "group" && near.platform === identity.platform ? near : undefined);
    return {
      personId,
      platform: identity.platform as Platform,
      userId: identity.externalId,
      displayName: person.displayName,
      lang: person.locale === "en" ? "en" : person.locale === "zh-CN" ? "zh-CN" : null,
      ...(fallback ? { fallbackChatId: fallback.externalId } : {}),
    };
  }

  /** Guardian mode: the guardian's own reach, naming the person it is about (one level: a guardian acts for themself). */
  async #throughGuardian(person: { id: number; displayName: string }, guardianId: number, platform?: Platform, nearChatId?: number | null): Promise<Reach | null> {
    const guardian = await this.reach(guardianId, platform, nearChatId);
    return guardian && !guardian.onBehalfOf ? { ...guardian, onBehalfOf: { personId: person.id, displayName: person.displayName } } : null;
  }

  async residence(personId: number): Promise<Residence | null> {
    const person = await this.tx.person.findUnique({ where: { id: personId }, include: { building: true, volunteer: true } });
    if (!person?.building) return null;
    return {
      buildingId: person.building.id,
      buildingName: person.building.name,
      room: person.room,
      gridId: person.building.gridId,
      phone: person.volunteer?.emergencyPhone ?? person.phone,
    };
  }

  async chatPlace(chatId: number): Promise<{ buildingId: number | null; gridId: number | null }> {
    const chat = await this.tx.chat.findUnique({ where: { id: chatId }, include: { building: { select: { gridId: true } } } });
    return { buildingId: chat?.buildingId ?? null, gridId: chat?.building?.gridId ?? chat?.gridId ?? null };
  }

  async captainsOf(gridId: number): Promise<number[]> {
    const rows = await this.tx.roleAssignment.findMany({ where: { role: "grid_captain", gridId }, orderBy: { id: "asc" } });
    return rows.map((row) => row.personId);
  }

  async captainsOfCommunity(communityId: number): Promise<number[]> {
    const rows = await this.tx.roleAssignment.findMany({ where: { role: "grid_captain", communityId }, orderBy: { id: "asc" } });
    return [...new Set(rows.map((row) => row.personId))];
  }

  async coordinatorsOf(communityId: number): Promise<number[]> {
    const rows = await this.tx.roleAssignment.findMany({ where: { role: "coordinator", communityId }, orderBy: { id: "asc" } });
    return [...new Set(rows.map((row) => row.personId))];
  }

  async gridsCaptainedBy(personId: number): Promise<number[]> {
    const rows = await this.tx.roleAssignment.findMany({ where: { role: "grid_captain", personId } });
    return rows.flatMap((row) => (row.gridId === null ? [] : [row.gridId]));
  }

  async timeZoneOf(communityId: number): Promise<string> {
    const community = await this.tx.community.findUnique({ where: { id: communityId }, select: { timeZone: true } });
    return community?.timeZone ?? "Asia/Shanghai";
  }
}
