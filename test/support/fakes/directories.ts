/** In-memory chats, people, buildings and roles; communities and their settings; volunteer profiles. */
import type { ChatRef, Platform, UserRef } from "../../../src/chat/types.ts";
import type { Lang } from "../../../src/kernel/lang.ts";
import type { Communities, ContactCard, Directories, KnownChat, KnownCommunity, KnownPerson, Volunteers } from "../../../src/app/ports.ts";
import { abilitiesOf } from "../../../src/features/community/domain/abilities.ts";
import { toLang } from "../../../src/app/shared/texts.ts";
import { DEFAULT_COMMUNITY_NAME, DEFAULT_GRID_NAME } from "../../../src/infra/repositories/prisma-directories.ts";
import { insert, must, type ChatRow, type CommunityRow, type FakeState, type PersonRow, type Role } from "./state.ts";

export function knownChat(chat: ChatRow): KnownChat {
  return { id: chat.id, communityId: chat.communityId, platform: chat.platform, externalId: chat.externalId, kind: chat.kind, title: chat.title, lang: toLang(chat.locale) };
}

export function knownPerson(person: PersonRow): KnownPerson {
  return { id: person.id, communityId: person.communityId, displayName: person.displayName, lang: person.locale ? toLang(person.locale) : null };
}

function knownCommunity(community: CommunityRow): KnownCommunity {
  return { id: community.id, name: community.name, timeZone: community.timeZone, lang: toLang(community.locale) };
}

/** A new community row with the schema's defaults. */
export function newCommunity(state: FakeState, name: string, extra: Partial<Omit<CommunityRow, "id">> = {}): CommunityRow {
  return insert(state, "communities", { name, timeZone: "Asia/Shanghai", locale: "zh-CN", settings: "{}", ...extra });
}

/** In-memory `Directories`; the unique keys the schema has are enforced (a second identity or chat throws). */
export class FakeDirectories implements Directories {
  constructor(private readonly state: FakeState) {}

  async defaultCommunity(): Promise<KnownCommunity> {
    return knownCommunity(this.state.communities[0] ?? newCommunity(this.state, DEFAULT_COMMUNITY_NAME));
  }

  async findChat(platform: Platform, externalId: string): Promise<KnownChat | null> {
    const chat = this.state.chats.find((one) => one.platform === platform && one.externalId === externalId);
    return chat ? knownChat(chat) : null;
  }

  async createChat(ref: ChatRef, communityId: number, lang: Lang): Promise<KnownChat> {
    if (this.state.chats.some((one) => one.platform === ref.platform && one.externalId === ref.id)) throw new Error(`chat ${ref.platform}:${ref.id} exists`);
    const chat = insert(this.state, "chats", {
      communityId,
      platform: ref.platform,
      externalId: ref.id,
      kind: ref.kind,
      title: ref.title,
      locale: lang,
      buildingId: null,
      gridId: null,
      interest: null,
    });
    return knownChat(chat);
  }

  async findPerson(platform: Platform, externalId: string): Promise<KnownPerson | null> {
    const identity = this.state.identities.find((one) => one.platform === platform && one.externalId === externalId);
    const person = identity && this.state.people.find((one) => one.id === identity.personId);
    return person ? knownPerson(person) : null;
  }

  async findPersonByName(communityId: number, name: string): Promise<KnownPerson | null> {
    const person = this.state.people.find((one) => one.communityId === communityId && one.displayName === name);
    return person ? knownPerson(person) : null;
  }

  async createPerson(user: UserRef, communityId: number): Promise<KnownPerson> {
    if (this.state.identities.some((one) => one.platform === user.platform && one.externalId === user.id)) throw new Error(`identity ${user.platform}:${user.id} exists`);
    const person = insert(this.state, "people", {
      communityId,
      displayName: user.displayName,
      locale: null,
      phone: null,
      buildingId: null,
      room: null,
      nameInSummary: true,
    });
    insert(this.state, "identities", { personId: person.id, platform: user.platform, externalId: user.id, displayName: user.displayName });
    return knownPerson(person);
  }

  async upsertMembership(chatId: number, personId: number, isAdmin: boolean | undefined): Promise<{ isAdmin: boolean }> {
    const membership =
      this.state.memberships.find((one) => one.chatId === chatId && one.personId === personId) ??
      insert(this.state, "memberships", { chatId, personId, alias: null, isAdmin: isAdmin ?? false });
    if (isAdmin !== undefined) membership.isAdmin = isAdmin;
    return { isAdmin: membership.isAdmin };
  }

  async removeMembership(chatId: number, personId: number): Promise<void> {
    this.state.memberships = this.state.memberships.filter((one) => one.chatId !== chatId || one.personId !== personId);
  }

  async ensureBuilding(communityId: number, key: string, name: string): Promise<{ id: number }> {
    const existing = this.state.buildings.find((one) => one.communityId === communityId && one.key === key);
    if (existing) return { id: existing.id };
    const grid = await this.ensureGrid(communityId, DEFAULT_GRID_NAME, true);
    return { id: insert(this.state, "buildings", { communityId, key, name, gridId: grid.id }).id };
  }

  async setResidence(personId: number, buildingId: number, room: string | null): Promise<void> {
    Object.assign(this.#person(personId), { buildingId, room });
  }

  async gridOfBuilding(buildingId: number): Promise<number | null> {
    return this.state.buildings.find((one) => one.id === buildingId)?.gridId ?? null;
  }

  async contactCard(personId: number): Promise<ContactCard | null> {
    const person = this.state.people.find((one) => one.id === personId);
    if (!person) return null;
    const volunteer = this.state.volunteers.find((one) => one.personId === personId);
    return {
      displayName: person.displayName,
      building: this.state.buildings.find((one) => one.id === person.buildingId)?.name ?? null,
      room: person.room,
      phone: volunteer?.emergencyPhone ?? person.phone,
      hasCar: volunteer?.hasCar ?? false,
      firstAid: volunteer?.firstAid ?? false,
      medicalTraining: volunteer?.medicalTraining ?? false,
      verified: volunteer?.verified ?? false,
      skills: volunteer ? [...volunteer.skills] : [],
    };
  }

  async setPhone(personId: number, phone: string): Promise<void> {
    this.#person(personId).phone = phone;
  }

  async setNameInSummary(personId: number, allowed: boolean): Promise<void> {
    this.#person(personId).nameInSummary = allowed;
  }

  async hasRole(personId: number, role: Role): Promise<boolean> {
    return this.state.roles.some((one) => one.personId === personId && one.role === role);
  }

  async ensureGrid(communityId: number, name: string, isDefault = false): Promise<{ id: number }> {
    const grid = this.state.grids.find((one) => one.communityId === communityId && one.name === name) ?? insert(this.state, "grids", { communityId, name, isDefault });
    return { id: grid.id };
  }

  async moveBuildingToGrid(buildingId: number, gridId: number): Promise<void> {
    must(this.state.buildings.find((one) => one.id === buildingId), `building ${buildingId}`).gridId = gridId;
  }

  async bindChat(chatId: number, binding: { buildingId: number } | { interest: string }): Promise<void> {
    const chat = must(this.state.chats.find((one) => one.id === chatId), `chat ${chatId}`);
    if ("buildingId" in binding) Object.assign(chat, { buildingId: binding.buildingId, gridId: await this.gridOfBuilding(binding.buildingId), interest: null });
    else Object.assign(chat, { buildingId: null, gridId: null, interest: binding.interest });
  }

  async assignRole(communityId: number, personId: number, role: Role, gridId: number | null): Promise<void> {
    if (!this.state.roles.some((one) => one.personId === personId && one.role === role && one.gridId === gridId)) {
      insert(this.state, "roles", { communityId, personId, role, gridId });
    }
  }

  #person(id: number): PersonRow {
    return must(this.state.people.find((one) => one.id === id), `person ${id}`);
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** In-memory `Communities`. Settings are JSON text, as stored: unreadable text counts as no settings. */
export class FakeCommunities implements Communities {
  constructor(private readonly state: FakeState) {}

  async list(): Promise<KnownCommunity[]> {
    return this.state.communities.map(knownCommunity);
  }

  async settings(communityId: number): Promise<Record<string, unknown>> {
    try {
      const value: unknown = JSON.parse(this.state.communities.find((one) => one.id === communityId)?.settings ?? "{}");
      return isObject(value) ? value : {};
    } catch {
      return {};
    }
  }

  async updateSettings(communityId: number, patch: Record<string, unknown>): Promise<Record<string, unknown>> {
    const settings = await this.settings(communityId);
    for (const [key, value] of Object.entries(patch)) {
      const old = settings[key];
      settings[key] = isObject(old) && isObject(value) ? { ...old, ...value } : value;
    }
    must(this.state.communities.find((one) => one.id === communityId), `community ${communityId}`).settings = JSON.stringify(settings);
    return settings;
  }

  async groupChats(communityId: number): Promise<KnownChat[]> {
    return this.state.chats.filter((one) => one.communityId === communityId && one.kind === "group").map(knownChat);
  }
}

/** In-memory `Volunteers`. */
export class FakeVolunteers implements Volunteers {
  constructor(private readonly state: FakeState) {}

  async enroll(personId: number, skills: string[], items: string[] = []): Promise<void> {
    const existing = this.state.volunteers.find((one) => one.personId === personId);
    const merge = (before: string[] | undefined, added: string[]) => [...new Set([...(before ?? []), ...added])];
    // Abilities named now are switched on; abilities not mentioned stay as they were.
    const named = Object.fromEntries(Object.entries(abilitiesOf(skills, items)).filter(([, on]) => on));
    const lists = { skills: merge(existing?.skills, skills), items: merge(existing?.items, items) };
    if (existing) {
      Object.assign(existing, { active: true, ...lists, ...named });
      return;
    }
    insert(this.state, "volunteers", {
      personId,
      active: true,
      hasCar: false,
      firstAid: false,
      medicalTraining: false,
      verified: false,
      availability: [],
      quietFrom: null,
      quietTo: null,
      maxPingsPerDay: 5,
      pingsAccepted: 0,
      pingsMissed: 0,
      emergencyPhone: null,
      ...lists,
      ...named,
    });
  }

  async setDailyLimit(personId: number, limit: number): Promise<void> {
    await this.enroll(personId, []);
    this.#profile(personId).maxPingsPerDay = limit;
  }

  async setAvailability(personId: number, windows: Array<{ days: number[]; from: number; to: number }>): Promise<void> {
    await this.enroll(personId, []);
    this.#profile(personId).availability = windows.map((window) => ({ ...window, days: [...window.days] }));
  }

  async setQuietHours(personId: number, quiet: { from: number; to: number } | null): Promise<void> {
    await this.enroll(personId, []);
    Object.assign(this.#profile(personId), { quietFrom: quiet?.from ?? null, quietTo: quiet?.to ?? null });
  }

  #profile(personId: number) {
    return must(this.state.volunteers.find((one) => one.personId === personId), `volunteer ${personId}`);
  }
}
