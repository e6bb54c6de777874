/** In-memory `Mediations`: cases and their private log over the fake store. */
import type { MediationCaseView, Mediations, NewMediationCase } from "../../../src/features/mediation/ports.ts";
import type { CaseState, FollowUp, OtherPartyAnswer, Outcome } from "../../../src/features/mediation/domain/policy.ts";
import { disputeKind } from "../../../src/features/mediation/domain/policy.ts";
import { insert, type FakeState, type MediationRow } from "./state.ts";

/** In-memory `Mediations`. */
export class FakeMediations implements Mediations {
  constructor(
    private readonly state: FakeState,
    private readonly now: Date,
  ) {}

  async open(newCase: NewMediationCase): Promise<{ id: number }> {
    const row = insert(this.state, "mediations", {
      ...newCase,
      state: "open",
      createdAt: this.now,
      mediatorId: null,
      outcome: null,
      referredTo: null,
      otherPartyId: null,
      otherPartyAnswer: null,
      followUp: null,
      takenAt: null,
      closedAt: null,
    });
    return { id: row.id };
  }

  async get(id: number): Promise<MediationCaseView | null> {
    const row = this.#row(id);
    return row ? this.#view(row) : null;
  }

  async take(id: number, mediatorId: number): Promise<boolean> {
    const row = this.#row(id);
    if (!row || row.state !== "open") return false;
    Object.assign(row, { state: "taken", mediatorId, takenAt: this.now });
    return true;
  }

  async addNote(caseId: number, authorId: number, text: string): Promise<void> {
    insert(this.state, "mediationNotes", { caseId, authorId, text, createdAt: this.now });
  }

  async invite(caseId: number, otherPartyId: number): Promise<void> {
    Object.assign(this.#row(caseId)!, { otherPartyId, otherPartyAnswer: "asked" });
  }

  async answerInvite(caseId: number, answer: "agreed" | "declined"): Promise<boolean> {
    const row = this.#row(caseId);
    if (!row || row.otherPartyAnswer !== "asked") return false;
    row.otherPartyAnswer = answer;
    return true;
  }

  async close(caseId: number, outcome: Outcome, referredTo: string | null): Promise<boolean> {
    const row = this.#row(caseId);
    if (!row || row.state === "closed") return false;
    Object.assign(row, { state: "closed", outcome, referredTo, closedAt: this.now });
    return true;
  }

  async setFollowUp(caseId: number, followUp: FollowUp): Promise<boolean> {
    const row = this.#row(caseId);
    if (!row || row.state !== "closed" || (row.followUp ?? null) !== null) return false;
    row.followUp = followUp;
    return true;
  }

  async mediatorsFor(communityId: number, gridId: number | null): Promise<number[]> {
    const rows = this.state.roles.filter((one) => one.communityId === communityId && one.role === "mediator" && (one.gridId === null || one.gridId === gridId));
    return [...new Set(rows.map((one) => one.personId))];
  }

  async activeOf(personId: number): Promise<MediationCaseView[]> {
    return this.state.mediations
      .filter((one) => one.state !== "closed" && (one.mediatorId === personId || one.openedById === personId))
      .sort((a, b) => b.id - a.id)
      .map((one) => this.#view(one));
  }

  #row(id: number): MediationRow | undefined {
    return this.state.mediations.find((one) => one.id === id);
  }

  #view(row: MediationRow): MediationCaseView {
    const s = this.state;
    const name = (id: number | null | undefined) => s.people.find((one) => one.id === id)?.displayName ?? null;
    const chat = s.chats.find((one) => one.id === row.chatId);
    return {
      id: row.id,
      communityId: row.communityId,
      openedById: row.openedById ?? 0,
      openerName: name(row.openedById) ?? "",
      mediatorId: row.mediatorId ?? null,
      mediatorName: name(row.mediatorId),
      gridId: row.gridId ?? null,
      chatId: row.chatId ?? null,
      chat: chat ? { platform: chat.platform, externalId: chat.externalId, lang: chat.locale === "en" ? "en" : "zh-CN", kind: chat.kind } : null,
      kind: disputeKind(row.kind),
      description: row.description ?? "",
      state: row.state as CaseState,
      outcome: (row.outcome ?? null) as Outcome | null,
      referredTo: row.referredTo ?? null,
      otherPartyId: row.otherPartyId ?? null,
      otherPartyAnswer: (row.otherPartyAnswer ?? null) as OtherPartyAnswer | null,
      followUp: (row.followUp ?? null) as FollowUp | null,
      createdAt: row.createdAt,
      takenAt: row.takenAt ?? null,
      closedAt: row.closedAt ?? null,
    };
  }
}
