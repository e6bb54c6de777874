/** Communities (their settings and group chats) and good deeds on Prisma. */
import type { Communities, KnownChat, KnownCommunity } from "../../app/ports.ts";
import type { GoodDeeds, NewGoodDeed } from "../../features/deeds/ports.ts";
import type { Tx } from "./tx.ts";
import { toKnownChat } from "./prisma-directories.ts";
import { toLang } from "../../app/shared/texts.ts";

/** Prisma implementation of `Communities`. Settings are JSON text: unreadable text counts as no settings. */
export class PrismaCommunities implements Communities {
  constructor(private readonly tx: Tx) {}

  async list(): Promise<KnownCommunity[]> {
    const rows = await this.tx.community.findMany({ orderBy: { id: "asc" } });
    return rows.map((row) => ({ id: row.id, name: row.name, timeZone: row.timeZone, lang: toLang(row.locale) }));
  }

  async settings(communityId: number): Promise<Record<string, unknown>> {
    const row = await this.tx.community.findUnique({ where: { id: communityId }, select: { settings: true } });
    return readSettings(row?.settings ?? "{}");
  }

  async updateSettings(communityId: number, patch: Record<string, unknown>): Promise<Record<string, unknown>> {
    const settings = await this.settings(communityId);
    for (const [key, value] of Object.entries(patch)) {
      const old = settings[key];
      const nested = isObject(old) && isObject(value);
      settings[key] = nested ? { ...old, ...value } : value;
    }
    await this.tx.community.update({ where: { id: communityId }, data: { settings: JSON.stringify(settings) } });
    return settings;
  }

  async groupChats(communityId: number): Promise<KnownChat[]> {
    const rows = await this.tx.chat.findMany({ where: { communityId, kind: "group" }, orderBy: { id: "asc" } });
    return rows.map(toKnownChat);
  }
}

/** Prisma implementation of `GoodDeeds`. */
export class PrismaGoodDeeds implements GoodDeeds {
  constructor(private readonly tx: Tx, private readonly now: Date) {}

  async record(deed: NewGoodDeed): Promise<void> {
    await this.tx.goodDeed.create({ data: { ...deed, createdAt: this.now } });
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function readSettings(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return isObject(value) ? value : {};
  } catch {
    return {};
  }
}
