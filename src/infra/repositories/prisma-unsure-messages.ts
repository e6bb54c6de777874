/** Prisma implementation of `UnsureMessages` (the UnsureMessage table). */
import type { UnsureMessages, UnsureRecord } from "../../app/ports.ts";
import type { Tx } from "./tx.ts";

type Row = Omit<UnsureRecord, "guesses" | "outcome"> & { guesses: string; outcome: string };

function fromRow(row: Row): UnsureRecord {
  return { ...row, guesses: JSON.parse(row.guesses) as UnsureRecord["guesses"], outcome: row.outcome as UnsureRecord["outcome"] };
}

/** Kept unsure messages. */
export class PrismaUnsureMessages implements UnsureMessages {
  constructor(private readonly tx: Tx, private readonly now: Date) {}

  async record(entry: Parameters<UnsureMessages["record"]>[0]): Promise<{ id: number }> {
    const row = await this.tx.unsureMessage.create({
      data: {
        communityId: entry.communityId,
        chatId: entry.chatId,
        personId: entry.personId,
        text: entry.text,
        guess: entry.guess,
        confidence: entry.confidence,
        guesses: JSON.stringify(entry.guesses),
        outcome: entry.outcome,
        finalIntent: entry.finalIntent ?? null,
        createdAt: this.now,
        answeredAt: entry.finalIntent ? this.now : null,
      },
      select: { id: true },
    });
    return row;
  }

  async get(id: number): Promise<UnsureRecord | null> {
    if (!Number.isSafeInteger(id) || id < 1) return null;
    const row = await this.tx.unsureMessage.findUnique({ where: { id } });
    return row ? fromRow(row) : null;
  }

  async answer(id: number, finalIntent: string): Promise<boolean> {
    const { count } = await this.tx.unsureMessage.updateMany({ where: { id, finalIntent: null }, data: { finalIntent, answeredAt: this.now } });
    return count === 1;
  }

  async list(communityId: number, from: Date, to: Date): Promise<Array<UnsureRecord & { chatTitle: string }>> {
    const rows = await this.tx.unsureMessage.findMany({ where: { communityId, createdAt: { gte: from, lt: to } }, orderBy: { id: "asc" } });
    const chats = await this.tx.chat.findMany({ where: { id: { in: [...new Set(rows.map((row) => row.chatId))] } }, select: { id: true, title: true } });
    const titles = new Map(chats.map((chat) => [chat.id, chat.title]));
    return rows.map((row) => ({ ...fromRow(row), chatTitle: titles.get(row.chatId) ?? "" }));
  }
}
