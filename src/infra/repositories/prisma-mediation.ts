/** Mediation cases and their private log on Prisma. */
import type { Platform } from "../../kernel/platform.ts";
import type { MediationCaseView, Mediations, NewMediationCase } from "../../features/mediation/ports.ts";
import type { CaseState, FollowUp, OtherPartyAnswer, Outcome } from "../../features/mediation/domain/policy.ts";
import type { Tx } from "./tx.ts";
import { disputeKind } from "../../features/mediation/domain/policy.ts";

const VIEW = {
  openedBy: { select: { displayName: true } },
  mediator: { select: { displayName: true } },
} as const;
const CHAT = { platform: true, externalId: true, locale: true, kind: true } as const;

/** Prisma implementation of `Mediations`. */
export class PrismaMediations implements Mediations {
  constructor(
    private readonly tx: Tx,
    private readonly now: Date,
  ) {}

  async open(newCase: NewMediationCase): Promise<{ id: number }> {
    const row = await this.tx.mediationCase.create({ data: { ...newCase, state: "open", createdAt: this.now }, select: { id: true } });
    return { id: row.id };
  }

  async get(id: number): Promise<MediationCaseView | null> {
    const row = await this.tx.mediationCase.findUnique({ where: { id }, include: VIEW });
    return row && (await this.#withChats([row]))[0]!;
  }

  async take(id: number, mediatorId: number): Promise<boolean> {
    const { count } = await this.tx.mediationCase.updateMany({ where: { id, state: "open" }, data: { state: "taken", mediatorId, takenAt: this.now } });
    return count === 1;
  }

  async addNote(caseId: number, authorId: number, text: string): Promise<void> {
    await this.tx.mediationNote.create({ data: { caseId, authorId, text, createdAt: this.now } });
  }

  async invite(caseId: number, otherPartyId: number): Promise<void> {
    await this.tx.mediationCase.update({ where: { id: caseId }, data: { otherPartyId, otherPartyAnswer: "asked" } });
  }

  async answerInvite(caseId: number, answer: "agreed" | "declined"): Promise<boolean> {
    const { count } = await this.tx.mediationCase.updateMany({ where: { id: caseId, otherPartyAnswer: "asked" }, data: { otherPartyAnswer: answer } });
    return count === 1;
  }

  async close(caseId: number, outcome: Outcome, referredTo: string | null): Promise<boolean> {
    const { count } = await this.tx.mediationCase.updateMany({ where: { id: caseId, state: { not: "closed" } }, data: { state: "closed", outcome, referredTo, closedAt: this.now } });
    return count === 1;
  }

  async setFollowUp(caseId: number, followUp: FollowUp): Promise<boolean> {
    const { count } = await this.tx.mediationCase.updateMany({ where: { id: caseId, state: "closed", followUp: null }, data: { followUp } });
    return count === 1;
  }

  async mediatorsFor(communityId: number, gridId: number | null): Promise<number[]> {
    const rows = await this.tx.roleAssignment.findMany({
      where: { communityId, role: "mediator", ...(gridId === null ? { gridId: null } : { OR: [{ gridId }, { gridId: null }] }) },
      orderBy: { id: "asc" },
    });
    return [...new Set(rows.map((row) => row.personId))];
  }

  async activeOf(personId: number): Promise<MediationCaseView[]> {
    const rows = await this.tx.mediationCase.findMany({
      where: { state: { not: "closed" }, OR: [{ mediatorId: personId }, { openedById: personId }] },
      include: VIEW,
      orderBy: { id: "desc" },
    });
    return this.#withChats(rows);
  }

  /** The case has no relation to its chat in the schema: the chats are read by id. */
  async #withChats(rows: Array<Omit<Row, "chat">>): Promise<MediationCaseView[]> {
    const ids = [...new Set(rows.flatMap((row) => (row.chatId === null ? [] : [row.chatId])))];
    const chats = new Map((await this.tx.chat.findMany({ where: { id: { in: ids } }, select: { id: true, ...CHAT } })).map((chat) => [chat.id, chat]));
    return rows.map((row) => toView({ ...row, chat: (row.chatId !== null && chats.get(row.chatId)) || null }));
  }
}

type Row = {
  id: number;
  communityId: number;
  openedById: number;
  mediatorId: number | null;
  gridId: number | null;
  chatId: number | null;
  kind: string | null;
  description: string;
  state: string;
  outcome: string | null;
  referredTo: string | null;
  otherPartyId: number | null;
  otherPartyAnswer: string | null;
  followUp: string | null;
  createdAt: Date;
  takenAt: Date | null;
  closedAt: Date | null;
  openedBy: { displayName: string };
  mediator: { displayName: string } | null;
  chat: { platform: string; externalId: string; locale: string; kind: string } | null;
};

function toView(row: Row): MediationCaseView {
  return {
    id: row.id,
    communityId: row.communityId,
    openedById: row.openedById,
    openerName: row.openedBy.displayName,
    mediatorId: row.mediatorId,
    mediatorName: row.mediator?.displayName ?? null,
    gridId: row.gridId,
    chatId: row.chatId,
    chat: row.chat && {
      platform: row.chat.platform as Platform,
      externalId: row.chat.externalId,
      lang: row.chat.locale === "en" ? "en" : "zh-CN",
      kind: row.chat.kind === "private" ? "private" : "group",
    },
    kind: disputeKind(row.kind),
    description: row.description,
    state: row.state as CaseState,
    outcome: row.outcome as Outcome | null,
    referredTo: row.referredTo,
    otherPartyId: row.otherPartyId,
    otherPartyAnswer: row.otherPartyAnswer as OtherPartyAnswer | null,
    followUp: row.followUp as FollowUp | null,
    createdAt: row.createdAt,
    takenAt: row.takenAt,
    closedAt: row.closedAt,
  };
}
