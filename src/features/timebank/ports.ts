/** Ports of the time bank: the double-entry ledger, and the pending credits waiting for confirmation. */
import type { Movement, PendingCreditView } from "./domain/ledger.ts";

export type { CreditState, Movement, PendingCreditView } from "./domain/ledger.ts";

/** What a transfer is. */
export type TransferKind = "credit" | "transfer" | "donation" | "reversal";

/** A transfer to post: its movements must sum to zero. */
export interface NewTransfer {
  communityId: number;
  kind: TransferKind;
  category?: string | null;
  memo?: string | null;
  reversesId?: number | null;
  movements: Movement[];
}

/** A transfer as posted. */
export interface TransferView {
  id: number;
  communityId: number;
  kind: TransferKind;
  category: string | null;
  memo: string | null;
  reversesId: number | null;
  reversedById: number | null;
  createdAt: Date;
  movements: Movement[];
  /** The people whose accounts moved (not the fund). */
  people: number[];
}

/** One line of an account's statement, newest first. */
export interface StatementLine {
  transferId: number;
  kind: TransferKind;
  category: string | null;
  memo: string | null;
  minutes: number;
  at: Date;
  /** Who was on the other side (a person's name, or null for the fund). */
  counterparty: string | null;
}

/** One ledger entry with its transfer and account, for the CSV export. */
export interface LedgerExportRow {
  entryId: number;
  transferId: number;
  at: Date;
  kind: TransferKind;
  category: string | null;
  memo: string | null;
  reversesId: number | null;
  /** The person of the account, or null for the community fund. */
  personId: number | null;
  personName: string | null;
  minutes: number;
}

/** The ledger. Entries are only ever added: a correction is a reversing transfer. */
export interface Ledger {
  /** A person's account (personId) or the community fund (null), opened on first use. */
  account(communityId: number, personId: number | null): Promise<number>;
  /** The sum of an account's entries, in minutes. */
  balance(accountId: number): Promise<number>;
  /** Post a transfer; throws when its movements do not sum to zero (a bug, never a user error). */
  post(transfer: NewTransfer): Promise<{ id: number }>;
  transfer(id: number): Promise<TransferView | null>;
  /** The entries of up to `limit` transfers of a community after transfer `afterId`, made in [from, to), in order. */
  exportPage(communityId: number, span: { from?: Date; to?: Date }, afterId: number, limit: number): Promise<LedgerExportRow[]>;
  /** The newest `limit` entries of an account. */
  statement(accountId: number, limit: number): Promise<StatementLine[]>;
}


/** A credit to record, waiting for the other side's confirmation. */
export interface NewPendingCredit {
  helperId: number;
  beneficiaryId: number | null;
  minutes: number;
  category: string;
  source: "request" | "service_log" | "event" | "visit";
  sourceId: number | null;
  description: string;
  /** Who recorded it: the other side confirms. */
  startedById?: number | null;
  /** The chat it came from. */
  chatId?: number | null;
}

/** Pending time-bank credits. */
export interface PendingCredits {
  /** Record a pending credit; the same source and helper twice keeps the first (null then). */
  create(credit: NewPendingCredit): Promise<{ id: number } | null>;
  get(id: number): Promise<PendingCreditView | null>;
  /** Settle a pending credit (confirmed with its transfer, or disputed); false when it was not pending any more. */
  decide(id: number, to: "confirmed" | "disputed", transferId: number | null): Promise<boolean>;
  /** Every pending credit of a community, oldest first (leaders decide some of them). */
  pendingIn(communityId: number): Promise<PendingCreditView[]>;
  /** Pending credits a person is asked to confirm (see `confirmingSide`), oldest first. */
  awaiting(personId: number): Promise<PendingCreditView[]>;
}
