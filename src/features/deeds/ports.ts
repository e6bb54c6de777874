/** Ports of good deeds: thanks, completed requests and confirmed credits, counted in the weekly summary. */

/** A good deed to record. */
export interface NewGoodDeed {
  communityId: number;
  helperId: number;
  beneficiaryId: number | null;
  chatId: number | null;
  kind: "thanks" | "request" | "credit";
  description: string | null;
  /** A private category (medical, care details): counted, but never named or described in a group. */
  private: boolean;
}

/** Good deeds. */
export interface GoodDeeds {
  record(deed: NewGoodDeed): Promise<void>;
}
