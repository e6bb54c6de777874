/** Chats, people, identities, memberships and buildings on Prisma. */
import type { ChatRef, Platform, UserRef } from "../../chat/types.ts";
import type { ContactCard, Directories, KnownChat, KnownCommunity, KnownPerson } from "../../app/ports.ts";
import type { Lang } from "../../kernel/lang.ts";
import type { Tx } from "./tx.ts";
import { toLang } from "../../app/shared/texts.ts";

/** The default community's name when Linli starts on an empty database and someone writes. */
export const DEFAULT_COMMUNITY_NAME = "我的社区";
/** The grid new buildings sit in until an admin assigns them. */
export const DEFAULT_GRID_NAME = "未分配网格";

/** The time zone and locale a community is created with. */
export interface CommunityDefaults {
  timeZone?: string;
  locale?: Lang;
}

/** Prisma implementation of `Directories`. */
export class PrismaDirectories implements Directories {
  constructor(
    private readonly tx: Tx,
    private readonly now: Date,
    /** What the default community is created with (TIME_ZONE, DEFAULT_LOCALE); the schema's defaults without. */
    private readonly defaults: CommunityDefaults = {},
  ) {}

  async defaultCommunity(): Promise<KnownCommunity> {
    const community =
      (await this.tx.community.findFirst({ orderBy: { id: "asc" } })) ??
      (await this.tx.community.create({ data: { name: DEFAULT_COMMUNITY_NAME, createdAt: this.now, ...this.defaults } }));
    return { id: community.id, name: community.name, timeZone: community.timeZone, lang: toLang(community.locale) };
  }

  async findChat(platform: Platform, externalId: string): Promise<KnownChat | null> {
    const chat = await this.tx.chat.findUnique({ where: { platform_externalId: { platform, externalId } } });
    return chat && toKnownChat(chat);
  }

  async createChat(ref: ChatRef, communityId: number, lang: Lang): Promise<KnownChat> {
    const chat = await this.tx.chat.create({
      data: {
        communityId,
        platform: ref.platform,
        externalId: ref.id,
        kind: ref.kind,
        title: ref.title,
        locale: lang,
        createdAt: this.now,
      },
    });
    return toKnownChat(chat);
  }

  async findPerson(platform: Platform, externalId: string): Promise<KnownPerson | null> {
    const identity = await this.tx.identity.findUnique({
      where: { platform_externalId: { platform, externalId } },
      include: { person: true },
    });
    return identity && toKnownPerson(identity.person);
  }

  async findPersonByName(communityId: number, name: string): Promise<KnownPerson | null> {
    const person = await this.tx.person.findFirst({ where: { communityId, displayName: name }, orderBy: { id: "asc" } });
    return person && toKnownPerson(person);
  }

  async createPerson(user: UserRef, communityId: number): Promise<KnownPerson> {
    const person = await this.tx.person.create({
      data: {
        communityId,
        displayName: user.displayName,
        createdAt: this.now,
        identities: {
          create: { platform: user.platform, externalId: user.id, displayName: user.displayName, createdAt: this.now },
        },
      },
    });
    return toKnownPerson(person);
  }

  async upsertMembership(chatId: number, personId: number, isAdmin: boolean | undefined): Promise<{ isAdmin: boolean }> {
    const membership = await this.tx.membership.upsert({
      where: { chatId_personId: { chatId, personId } },
      create: { chatId, personId, isAdmin: isAdmin ?? false, joinedAt: this.now },
      update: isAdmin === undefined ? {} : { isAdmin },
    });
    return { isAdmin: membership.isAdmin };
  }

  async removeMembership(chatId: number, personId: number): Promise<void> {
    await this.tx.membership.deleteMany({ where: { chatId, personId } });
  }

  async ensureBuilding(communityId: number, key: string, name: string): Promise<{ id: number }> {
    const existing = await this.tx.building.findUnique({ where: { communityId_key: { communityId, key } } });
    if (existing) return { id: existing.id };
    const grid = await this.tx.grid.upsert({
      where: { communityId_name: { communityId, name: DEFAULT_GRID_NAME } },
      create: { communityId, name: DEFAULT_GRID_NAME, isDefault: true, createdAt: this.now },
      update: {},
    });
    const building = await this.tx.building.create({
      data: { communityId, key, name, gridId: grid.id, createdAt: this.now },
    });
    return { id: building.id };
  }

  async setResidence(personId: number, buildingId: number, room: string | null): Promise<void> {
    await this.tx.person.update({ where: { id: personId }, data: { buildingId, room } });
  }

  async gridOfBuilding(buildingId: number): Promise<number | null> {
    const building = await this.tx.building.findUnique({ where: { id: buildingId }, select: { gridId: true } });
    return building?.gridId ?? null;
  }

  async contactCard(personId: number): Promise<ContactCard | null> {
    const person = await this.tx.person.findUnique({ where: { id: personId }, include: { building: true, volunteer: true } });
    if (!person) return null;
    return {
      displayName: person.displayName,
      building: person.building?.name ?? null,
      room: person.room,
      phone: person.volunteer?.emergencyPhone ?? person.phone,
      hasCar: person.volunteer?.hasCar ?? false,
      firstAid: person.volunteer?.firstAid ?? false,
      medicalTraining: person.volunteer?.medicalTraining ?? false,
      verified: person.volunteer?.verified ?? false,
      skills: person.volunteer ? (JSON.parse(person.volunteer.skills) as string[]) : [],
    };
  }

  async setPhone(personId: number, phone: string): Promise<void> {
    await this.tx.person.update({ where: { id: personId }, data: { phone } });
  }

  async setNameInSummary(personId: number, allowed: boolean): Promise<void> {
    await this.tx.person.update({ where: { id: personId }, data: { nameInSummary: allowed } });
  }

  async hasRole(personId: number, role: "grid_captain" | "coordinator" | "mediator"): Promise<boolean> {
    return (await this.tx.roleAssignment.count({ where: { personId, role } })) > 0;
  }

  async ensureGrid(communityId: number, name: string): Promise<{ id: number }> {
    const grid = await this.tx.grid.upsert({
      where: { communityId_name: { communityId, name } },
      create: { communityId, name, createdAt: this.now },
      update: {},
    });
    return { id: grid.id };
  }

  async moveBuildingToGrid(buildingId: number, gridId: number): Promise<void> {
    await this.tx.building.update({ where: { id: buildingId }, data: { gridId } });
  }

  async bindChat(chatId: number, binding: { buildingId: number } | { interest: string }): Promise<void> {
    const data =
      "buildingId" in binding
        ? { buildingId: binding.buildingId, gridId: await this.gridOfBuilding(binding.buildingId), interest: null }
        : { buildingId: null, gridId: null, interest: binding.interest };
    await this.tx.chat.update({ where: { id: chatId }, data });
  }

  async assignRole(
    communityId: number,
    personId: number,
    role: "grid_captain" | "coordinator" | "mediator",
    gridId: number | null,
  ): Promise<void> {
    const existing = await this.tx.roleAssignment.findFirst({ where: { personId, role, gridId } });
    if (!existing) await this.tx.roleAssignment.create({ data: { communityId, personId, role, gridId, createdAt: this.now } });
  }
}

export function toKnownChat(chat: {
  id: number;
  communityId: number;
  platform: string;
  externalId: string;
  kind: string;
  title: string;
  locale: string;
}): KnownChat {
  return {
    id: chat.id,
    communityId: chat.communityId,
    platform: chat.platform as Platform,
    externalId: chat.externalId,
    kind: chat.kind === "private" ? "private" : "group",
    title: chat.title,
    lang: toLang(chat.locale),
  };
}

function toKnownPerson(person: {
  id: number;
  communityId: number;
  displayName: string;
  locale: string | null;
}): KnownPerson {
  return {
    id: person.id,
    communityId: person.communityId,
    displayName: person.displayName,
    lang: person.locale ? toLang(person.locale) : null,
  };
}
