/** The in-memory ledger and pending credits (same semantics as Prisma's). */
import type {
  Ledger,
  LedgerExportRow,
  NewPendingCredit,
  NewTransfer,
  PendingCreditView,
  PendingCredits,
  StatementLine,
  TransferView,
} from "../../../src/features/timebank/ports.ts";
import { confirmingSide, isZeroSum } from "../../../src/features/timebank/domain/ledger.ts";
import { insert, must, type CreditRow, type FakeState } from "./state.ts";

/** In-memory `Ledger`: an account per person and one fund per community; entries only ever added. */
export class FakeLedger implements Ledger {
  constructor(private readonly state: FakeState, private readonly now: Date) {}

  async account(communityId: number, personId: number | null): Promise<number> {
    const kind = personId === null ? "fund" : "person";
    const found = this.state.accounts.find((one) => one.communityId === communityId && one.personId === personId && one.kind === kind);
    return (found ?? insert(this.state, "accounts", { communityId, personId, kind })).id;
  }

  async balance(accountId: number): Promise<number> {
    return this.state.entries.filter((entry) => entry.accountId === accountId).reduce((sum, entry) => sum + entry.minutes, 0);
  }

  async post(transfer: NewTransfer): Promise<{ id: number }> {
    if (!isZeroSum(transfer.movements) || transfer.movements.length < 2 || transfer.movements.some((movement) => !Number.isInteger(movement.minutes))) {
      throw new Error(`a transfer must have at least two integer movements summing to zero (got ${JSON.stringify(transfer.movements)})`);
    }
    const reversesId = transfer.reversesId ?? null;
    // The unique key on reversesId: a transfer is reversed at most once.
    if (reversesId !== null && this.state.transfers.some((one) => one.reversesId === reversesId)) throw new Error(`transfer ${reversesId} is reversed already`);
    const created = insert(this.state, "transfers", {
      communityId: transfer.communityId,
      kind: transfer.kind,
      category: transfer.category ?? null,
      memo: transfer.memo ?? null,
      reversesId,
      createdAt: this.now,
    });
    for (const movement of transfer.movements) {
      insert(this.state, "entries", { transferId: created.id, accountId: movement.accountId, minutes: movement.minutes, createdAt: this.now });
    }
    return { id: created.id };
  }

  async transfer(id: number): Promise<TransferView | null> {
    const row = this.state.transfers.find((one) => one.id === id);
    if (!row) return null;
    const entries = this.state.entries.filter((entry) => entry.transferId === id);
    const personOf = (accountId: number) => must(this.state.accounts.find((one) => one.id === accountId), `account ${accountId}`).personId;
    return {
      ...row,
      reversedById: this.state.transfers.find((one) => one.reversesId === id)?.id ?? null,
      movements: entries.map((entry) => ({ accountId: entry.accountId, minutes: entry.minutes })),
      people: [...new Set(entries.flatMap((entry) => personOf(entry.accountId) ?? []))],
    };
  }

  async exportPage(communityId: number, span: { from?: Date; to?: Date }, afterId: number, limit: number): Promise<LedgerExportRow[]> {
    const transfers = this.state.transfers
      .filter((one) => one.communityId === communityId && one.id > afterId && (!span.from || one.createdAt >= span.from) && (!span.to || one.createdAt < span.to))
      .slice(0, limit);
    return transfers.flatMap((transfer) =>
      this.state.entries
        .filter((entry) => entry.transferId === transfer.id)
        .map((entry) => {
          const personId = this.state.accounts.find((one) => one.id === entry.accountId)?.personId ?? null;
          const person = this.state.people.find((one) => one.id === personId) ?? null;
          return {
            entryId: entry.id,
            transferId: transfer.id,
            at: transfer.createdAt,
            kind: transfer.kind,
            category: transfer.category,
            memo: transfer.memo,
            reversesId: transfer.reversesId,
            personId: person?.id ?? null,
            personName: person?.displayName ?? null,
            minutes: entry.minutes,
          };
        }),
    );
  }

  async statement(accountId: number, limit: number): Promise<StatementLine[]> {
    const entries = this.state.entries
      .filter((entry) => entry.accountId === accountId)
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.id - a.id)
      .slice(0, limit);
    return entries.map((entry) => {
      const transfer = must(this.state.transfers.find((one) => one.id === entry.transferId), `transfer ${entry.transferId}`);
      const other = this.state.entries.find((one) => one.transferId === entry.transferId && one.accountId !== accountId);
      const account = other && this.state.accounts.find((one) => one.id === other.accountId);
      const person = account && this.state.people.find((one) => one.id === account.personId);
      return {
        transferId: entry.transferId,
        kind: transfer.kind,
        category: transfer.category,
        memo: transfer.memo,
        minutes: entry.minutes,
        at: entry.createdAt,
        counterparty: person?.displayName ?? null,
      };
    });
  }
}

/** In-memory `PendingCredits`. */
export class FakePendingCredits implements PendingCredits {
  constructor(private readonly state: FakeState, private readonly now: Date) {}

  async create(credit: NewPendingCredit): Promise<{ id: number } | null> {
    const same = (row: CreditRow) => row.source === credit.source && row.sourceId === credit.sourceId && row.helperId === credit.helperId;
    if (credit.sourceId !== null && this.state.credits.some(same)) return null;
    const row = insert(this.state, "credits", {
      helperId: credit.helperId,
      beneficiaryId: credit.beneficiaryId,
      minutes: credit.minutes,
      category: credit.category,
      source: credit.source,
      sourceId: credit.sourceId,
      description: credit.description,
      startedById: credit.startedById ?? null,
      chatId: credit.chatId ?? null,
      state: "pending",
      transferId: null,
      createdAt: this.now,
      decidedAt: null,
    });
    return { id: row.id };
  }

  async get(id: number): Promise<PendingCreditView | null> {
    const row = this.state.credits.find((one) => one.id === id);
    return row ? this.#view(row) : null;
  }

  async decide(id: number, to: "confirmed" | "disputed", transferId: number | null): Promise<boolean> {
    const row = this.state.credits.find((one) => one.id === id && one.state === "pending");
    if (!row) return false;
    Object.assign(row, { state: to, transferId, decidedAt: this.now });
    return true;
  }

  async pendingIn(communityId: number): Promise<PendingCreditView[]> {
    return this.state.credits.filter((row) => row.state === "pending").map((row) => this.#view(row)).filter((view) => view.communityId === communityId);
  }

  async awaiting(personId: number): Promise<PendingCreditView[]> {
    return this.state.credits
      .filter((row) => row.state === "pending" && (row.beneficiaryId === personId || row.helperId === personId))
      .map((row) => this.#view(row))
      .filter((credit) => confirmingSide(credit) === personId);
  }

  #view(row: CreditRow): PendingCreditView {
    const helper = must(this.state.people.find((one) => one.id === row.helperId), `person ${row.helperId}`);
    const beneficiary = this.state.people.find((one) => one.id === row.beneficiaryId);
    const { decidedAt: _decidedAt, ...view } = row;
    return { ...view, communityId: helper.communityId, helperName: helper.displayName, beneficiaryName: beneficiary?.displayName ?? null };
  }
}
