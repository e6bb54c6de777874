/** Recognition on Prisma: a group's month of confirmed help and thanks, and each person's honours. */
import type { GroupChat, HonourView, Honours, MonthHelper } from "../../features/recognition/ports.ts";
import type { Tx } from "./tx.ts";
import { toKnownChat } from "./prisma-directories.ts";

/** A confirmed credit whose transfer was not reversed. */
const standing = { state: "confirmed", transfer: { is: { reversal: { is: null } } } } as const;

/** Prisma implementation of `Honours`. */
export class PrismaHonours implements Honours {
  constructor(private readonly tx: Tx) {}

  async month(chatId: number, span: { from: Date; to: Date }): Promise<MonthHelper[]> {
    const members = await this.tx.membership.findMany({ where: { chatId }, select: { person: { select: { id: true, displayName: true, nameInSummary: true } } } });
    const ids = members.map((one) => one.person.id);
    if (!ids.length) return [];
    const credits = await this.tx.pendingCredit.groupBy({
      by: ["helperId"],
      where: { ...standing, helperId: { in: ids }, decidedAt: { gte: span.from, lt: span.to } },
      _sum: { minutes: true },
    });
    const thanks = await this.tx.goodDeed.groupBy({
      by: ["helperId"],
      where: { kind: "thanks", helperId: { in: ids }, createdAt: { gte: span.from, lt: span.to } },
      _count: { _all: true },
    });
    const minutes = new Map(credits.map((row) => [row.helperId, row._sum.minutes ?? 0]));
    const thanked = new Map(thanks.map((row) => [row.helperId, row._count._all]));
    return members
      .map(({ person }) => ({ personId: person.id, name: person.displayName, nameInSummary: person.nameInSummary, minutes: minutes.get(person.id) ?? 0, thanks: thanked.get(person.id) ?? 0 }))
      .filter((one) => one.minutes > 0 || one.thanks > 0);
  }

  async confirmedMinutes(personId: number): Promise<number> {
    const sum = await this.tx.pendingCredit.aggregate({ where: { ...standing, helperId: personId }, _sum: { minutes: true } });
    return sum._sum.minutes ?? 0;
  }

  async get(personId: number): Promise<HonourView> {
    const row = await this.tx.honour.findUnique({ where: { personId } });
    return { public: row?.public ?? false, milestoneHours: row?.milestoneHours ?? 0 };
  }

  async setPublic(personId: number, value: boolean): Promise<void> {
    await this.tx.honour.upsert({ where: { personId }, create: { personId, public: value }, update: { public: value } });
  }

  async markMilestone(personId: number, hours: number): Promise<boolean> {
    await this.tx.honour.upsert({ where: { personId }, create: { personId }, update: {} });
    const changed = await this.tx.honour.updateMany({ where: { personId, milestoneHours: { lt: hours } }, data: { milestoneHours: hours } });
    return changed.count === 1;
  }

  async groupsOf(personId: number): Promise<GroupChat[]> {
    const rows = await this.tx.membership.findMany({ where: { personId, chat: { kind: "group" } }, select: { chat: true }, orderBy: { chatId: "asc" } });
    return rows.map((row) => toKnownChat(row.chat));
  }
}
