/** The time-bank ledger and pending credits on Prisma. */
import type {
  Ledger,
  LedgerExportRow,
  Movement,
  NewPendingCredit,
  NewTransfer,
  PendingCreditView,
  PendingCredits,
  StatementLine,
  TransferKind,
  TransferView,
} from "../../features/timebank/ports.ts";
import type { Tx } from "./tx.ts";
import { confirmingSide, isZeroSum } from "../../features/timebank/domain/ledger.ts";

/** Prisma implementation of `Ledger`: an account per person and one fund per community; entries only ever added. */
export class PrismaLedger implements Ledger {
  constructor(private readonly tx: Tx, private readonly now: Date) {}

  async account(communityId: number, personId: number | null): Promise<number> {
    const kind = personId === null ? "fund" : "person";
    const found = await this.tx.timeAccount.findFirst({ where: { communityId, personId, kind }, select: { id: true } });
    if (found) return found.id;
    return (await this.tx.timeAccount.create({ data: { communityId, personId, kind, createdAt: this.now }, select: { id: true } })).id;
  }

  async balance(accountId: number): Promise<number> {
    const sum = await this.tx.ledgerEntry.aggregate({ where: { accountId }, _sum: { minutes: true } });
    return sum._sum.minutes ?? 0;
  }

  async post(transfer: NewTransfer): Promise<{ id: number }> {
    if (!isZeroSum(transfer.movements) || transfer.movements.length < 2 || transfer.movements.some((movement) => !Number.isInteger(movement.minutes))) {
      throw new Error(`a transfer must have at least two integer movements summing to zero (got ${JSON.stringify(transfer.movements)})`);
    }
    const created = await this.tx.ledgerTransfer.create({
      data: {
        communityId: transfer.communityId,
        kind: transfer.kind,
        category: transfer.category ?? null,
        memo: transfer.memo ?? null,
        reversesId: transfer.reversesId ?? null,
        createdAt: this.now,
      },
      select: { id: true },
    });
    await this.tx.ledgerEntry.createMany({
      data: transfer.movements.map((movement) => ({ transferId: created.id, accountId: movement.accountId, minutes: movement.minutes, createdAt: this.now })),
    });
    return created;
  }

  async transfer(id: number): Promise<TransferView | null> {
    const row = await this.tx.ledgerTransfer.findUnique({ where: { id }, include: { entries: { orderBy: { id: "asc" }, include: { account: { select: { personId: true } } } }, reversal: { select: { id: true } } } });
    if (!row) return null;
    return {
      id: row.id,
      communityId: row.communityId,
      kind: row.kind as TransferKind,
      category: row.category,
      memo: row.memo,
      reversesId: row.reversesId,
      reversedById: row.reversal?.id ?? null,
      createdAt: row.createdAt,
      movements: row.entries.map((entry): Movement => ({ accountId: entry.accountId, minutes: entry.minutes })),
      people: [...new Set(row.entries.flatMap((entry) => (entry.account.personId === null ? [] : [entry.account.personId])))],
    };
  }

  async exportPage(communityId: number, span: { from?: Date; to?: Date }, afterId: number, limit: number): Promise<LedgerExportRow[]> {
    const createdAt = { ...(span.from ? { gte: span.from } : {}), ...(span.to ? { lt: span.to } : {}) };
    const transfers = await this.tx.ledgerTransfer.findMany({ where: { communityId, createdAt, id: { gt: afterId } }, orderBy: { id: "asc" }, take: limit });
    if (!transfers.length) return [];
    // Flat reads by id range, never IN lists of ids (SQLite caps the parameters of one statement).
    const [first, last] = [transfers[0]!.id, transfers.at(-1)!.id];
    const entries = await this.tx.ledgerEntry.findMany({ where: { transferId: { gte: first, lte: last } }, orderBy: { id: "asc" }, select: { id: true, transferId: true, accountId: true, minutes: true } });
    const accountIds = entries.map((entry) => entry.accountId);
    const accounts = await this.tx.timeAccount.findMany({ where: { id: { gte: Math.min(...accountIds), lte: Math.max(...accountIds) } }, select: { id: true, personId: true } });
    const personIds = accounts.flatMap((account) => (account.personId === null ? [] : [account.personId]));
    const people = personIds.length
      ? await this.tx.person.findMany({ where: { id: { gte: Math.min(...personIds), lte: Math.max(...personIds) } }, select: { id: true, displayName: true } })
      : [];
    const transferById = new Map(transfers.map((transfer) => [transfer.id, transfer]));
    const personOfAccount = new Map(accounts.map((account) => [account.id, account.personId]));
    const personById = new Map(people.map((person) => [person.id, person]));
    // Entries of transfers in the id range that are outside the span (or another community's) are left out.
    return entries.flatMap((entry) => {
      const transfer = transferById.get(entry.transferId);
      if (!transfer) return [];
      const person = personById.get(personOfAccount.get(entry.accountId) ?? -1) ?? null;
      return [{
        entryId: entry.id,
        transferId: entry.transferId,
        at: transfer.createdAt,
        kind: transfer.kind as TransferKind,
        category: transfer.category,
        memo: transfer.memo,
        reversesId: transfer.reversesId,
        personId: person?.id ?? null,
        personName: person?.displayName ?? null,
        minutes: entry.minutes,
      }];
    });
  }

  async statement(accountId: number, limit: number): Promise<StatementLine[]> {
    const rows = await this.tx.ledgerEntry.findMany({
      where: { accountId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: limit,
      include: {
        transfer: {
          select: {
            kind: true,
            category: true,
            memo: true,
            entries: { where: { accountId: { not: accountId } }, take: 1, select: { account: { select: { kind: true, person: { select: { displayName: true } } } } } },
          },
        },
      },
    });
    return rows.map((row) => ({
      transferId: row.transferId,
      kind: row.transfer.kind as TransferKind,
      category: row.transfer.category,
      memo: row.transfer.memo,
      minutes: row.minutes,
      at: row.createdAt,
      counterparty: row.transfer.entries[0]?.account.person?.displayName ?? null,
    }));
  }
}

const CREDIT_INCLUDE = {
  helper: { select: { displayName: true, communityId: true } },
  beneficiary: { select: { displayName: true } },
} as const;

/** Prisma implementation of `PendingCredits`. */
export class PrismaPendingCredits implements PendingCredits {
  constructor(private readonly tx: Tx, private readonly now: Date) {}

  async create(credit: NewPendingCredit): Promise<{ id: number } | null> {
    // Checked first rather than caught: a failed statement would abort a PostgreSQL transaction.
    if (credit.sourceId !== null) {
      const key = { source: credit.source, sourceId: credit.sourceId, helperId: credit.helperId };
      if (await this.tx.pendingCredit.findFirst({ where: key, select: { id: true } })) return null;
    }
    return this.tx.pendingCredit.create({ data: { ...credit, createdAt: this.now }, select: { id: true } });
  }

  async get(id: number): Promise<PendingCreditView | null> {
    const row = await this.tx.pendingCredit.findUnique({ where: { id }, include: CREDIT_INCLUDE });
    return row && toView(row);
  }

  async decide(id: number, to: "confirmed" | "disputed", transferId: number | null): Promise<boolean> {
    const changed = await this.tx.pendingCredit.updateMany({ where: { id, state: "pending" }, data: { state: to, transferId, decidedAt: this.now } });
    return changed.count === 1;
  }

  async pendingIn(communityId: number): Promise<PendingCreditView[]> {
    const rows = await this.tx.pendingCredit.findMany({ where: { state: "pending", helper: { communityId } }, orderBy: { id: "asc" }, include: CREDIT_INCLUDE });
    return rows.map(toView);
  }

  async awaiting(personId: number): Promise<PendingCreditView[]> {
    const rows = await this.tx.pendingCredit.findMany({
      where: { state: "pending", OR: [{ beneficiaryId: personId }, { helperId: personId }] },
      orderBy: { id: "asc" },
      include: CREDIT_INCLUDE,
    });
    return rows.map(toView).filter((credit) => confirmingSide(credit) === personId);
  }
}

type CreditRow = {
  id: number;
  helperId: number;
  beneficiaryId: number | null;
  minutes: number;
  category: string;
  source: string;
  sourceId: number | null;
  description: string | null;
  startedById: number | null;
  chatId: number | null;
  state: string;
  transferId: number | null;
  createdAt: Date;
  helper: { displayName: string; communityId: number };
  beneficiary: { displayName: string } | null;
};

function toView(row: CreditRow): PendingCreditView {
  return {
    id: row.id,
    communityId: row.helper.communityId,
    helperId: row.helperId,
    helperName: row.helper.displayName,
    beneficiaryId: row.beneficiaryId,
    beneficiaryName: row.beneficiary?.displayName ?? null,
    minutes: row.minutes,
    category: row.category,
    source: row.source as PendingCreditView["source"],
    sourceId: row.sourceId,
    description: row.description,
    startedById: row.startedById,
    chatId: row.chatId,
    state: row.state as PendingCreditView["state"],
    transferId: row.transferId,
    createdAt: row.createdAt,
  };
}
