/** Ports of mediation: cases between neighbours, their private log, and who mediates them. All of it is private. */
import type { Lang } from "../../kernel/lang.ts";
import type { Platform } from "../../kernel/platform.ts";
import type { CaseState, DisputeKind, FollowUp, Outcome, OtherPartyAnswer } from "./domain/policy.ts";

export type { CaseState, DisputeKind, FollowUp, Outcome, OtherPartyAnswer } from "./domain/policy.ts";

/** A new case, as a resident raised it. */
export interface NewMediationCase {
  communityId: number;
  openedById: number;
  gridId: number | null;
  chatId: number | null;
  kind: DisputeKind;
  description: string;
}

/** A case as use cases see it. Private: its description reaches only the resident, its mediator and coordinators. */
export interface MediationCaseView {
  id: number;
  communityId: number;
  openedById: number;
  openerName: string;
  mediatorId: number | null;
  mediatorName: string | null;
  gridId: number | null;
  chatId: number | null;
  /** The chat it was raised in (its platform and language are the defaults for telling people about it). */
  chat: { platform: Platform; externalId: string; lang: Lang; kind: "group" | "private" } | null;
  kind: DisputeKind;
  description: string;
  state: CaseState;
  outcome: Outcome | null;
  referredTo: string | null;
  otherPartyId: number | null;
  otherPartyAnswer: OtherPartyAnswer | null;
  followUp: FollowUp | null;
  createdAt: Date;
  takenAt: Date | null;
  closedAt: Date | null;
}

/** Mediation cases and their notes. */
export interface Mediations {
  open(newCase: NewMediationCase): Promise<{ id: number }>;
  get(id: number): Promise<MediationCaseView | null>;
  /** First to take it wins: open → taken with this mediator; false when it was not open any more. */
  take(id: number, mediatorId: number): Promise<boolean>;
  /** A line of the mediator's private log. */
  addNote(caseId: number, authorId: number, text: string): Promise<void>;
  /** The other party was asked whether they agree to talk (their answer is "asked" until they reply). */
  invite(caseId: number, otherPartyId: number): Promise<void>;
  /** The other party's answer; false unless they were asked and have not answered. */
  answerInvite(caseId: number, answer: "agreed" | "declined"): Promise<boolean>;
  /** Close a case that is not closed; false when it was closed already. */
  close(caseId: number, outcome: Outcome, referredTo: string | null): Promise<boolean>;
  /** The resident's answer a week after closing; false when it was given already or the case is not closed. */
  setFollowUp(caseId: number, followUp: FollowUp): Promise<boolean>;
  /** Mediators for a grid: those of that grid and the community-wide ones (no grid); any grid's for `null`. */
  mediatorsFor(communityId: number, gridId: number | null): Promise<number[]>;
  /** Cases a person mediates that are not closed, and cases they opened that are not closed, newest first. */
  activeOf(personId: number): Promise<MediationCaseView[]>;
}
