/** Events and sign-ups on Prisma. */
import type { Platform } from "../../chat/types.ts";
import type { Events, EventView, NewEvent, SignUpView } from "../../features/events/ports.ts";
import type { Tx } from "./tx.ts";
import type { Prisma } from "../generated/prisma/client.ts";

const INCLUDE = {
  chats: { include: { chat: { select: { id: true, platform: true, externalId: true, locale: true } } } },
  signUps: { where: { state: { in: ["confirmed", "waitlisted"] } }, select: { state: true, count: true } },
} satisfies Prisma.EventInclude;

type Row = Prisma.EventGetPayload<{ include: typeof INCLUDE }>;

function toView(row: Row): EventView {
  const total = (state: string) => row.signUps.filter((one) => one.state === state).reduce((sum, one) => sum + one.count, 0);
  return {
    id: row.id,
    communityId: row.communityId,
    organiserId: row.organiserId,
    title: row.title,
    place: row.place,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    capacity: row.capacity,
    deadline: row.deadline,
    kind: row.kind === "duty" ? "duty" : "activity",
    recurrence: row.recurrence === "weekly" ? "weekly" : null,
    reminders: JSON.parse(row.reminders) as number[],
    creditMinutes: row.creditMinutes,
    state: row.state as EventView["state"],
    seriesId: row.seriesId ?? row.id,
    confirmed: total("confirmed"),
    waitlisted: total("waitlisted"),
    chats: row.chats.map(({ chat }) => ({
      id: chat.id,
      platform: chat.platform as Platform,
      externalId: chat.externalId,
      lang: chat.locale === "en" ? "en" : "zh-CN",
    })),
  };
}

/** Prisma implementation of `Events`. */
export class PrismaEvents implements Events {
  constructor(private readonly tx: Tx, private readonly now: Date) {}

  async create(event: NewEvent): Promise<{ id: number }> {
    const { chatIds, reminders, ...data } = event;
    return this.tx.event.create({
      data: { ...data, reminders: JSON.stringify(reminders), createdAt: this.now, chats: { create: chatIds.map((chatId) => ({ chatId })) } },
      select: { id: true },
    });
  }

  async get(id: number): Promise<EventView | null> {
    const row = await this.tx.event.findUnique({ where: { id }, include: INCLUDE });
    return row && toView(row);
  }

  async upcomingInChat(chatId: number, from: Date): Promise<EventView[]> {
    const rows = await this.tx.event.findMany({
      where: { state: "open", startsAt: { gt: from }, chats: { some: { chatId } } },
      include: INCLUDE,
      orderBy: { startsAt: "asc" },
      take: 20,
    });
    return rows.map(toView);
  }

  async signUps(eventId: number): Promise<SignUpView[]> {
    const rows = await this.tx.signUp.findMany({
      where: { eventId, state: { in: ["confirmed", "waitlisted"] } },
      include: { person: { select: { displayName: true } } },
      orderBy: [{ state: "asc" }, { position: "asc" }, { id: "asc" }],
    });
    return rows.map(toSignUp);
  }

  async signUpOf(eventId: number, personId: number): Promise<SignUpView | null> {
    const row = await this.tx.signUp.findUnique({
      where: { eventId_personId: { eventId, personId } },
      include: { person: { select: { displayName: true } } },
    });
    return row && toSignUp(row);
  }

  async saveSignUp(eventId: number, personId: number, count: number, state: "confirmed" | "waitlisted", position: number): Promise<void> {
    await this.tx.signUp.upsert({
      where: { eventId_personId: { eventId, personId } },
      create: { eventId, personId, count, state, position, createdAt: this.now, updatedAt: this.now },
      update: { count, state, position, updatedAt: this.now },
    });
  }

  async cancelSignUp(eventId: number, personId: number): Promise<"confirmed" | "waitlisted" | null> {
    const row = await this.tx.signUp.findUnique({ where: { eventId_personId: { eventId, personId } } });
    if (!row || (row.state !== "confirmed" && row.state !== "waitlisted")) return null;
    await this.tx.signUp.update({ where: { id: row.id }, data: { state: "cancelled", updatedAt: this.now } });
    return row.state;
  }

  async nextPosition(eventId: number): Promise<number> {
    const last = await this.tx.signUp.aggregate({ where: { eventId }, _max: { position: true } });
    return (last._max.position ?? 0) + 1;
  }

  async setAttended(eventId: number, personId: number, attended: boolean): Promise<boolean> {
    const { count } = await this.tx.signUp.updateMany({ where: { eventId, personId, state: "confirmed" }, data: { attended, updatedAt: this.now } });
    return count === 1;
  }

  async cancel(eventId: number): Promise<boolean> {
    const { count } = await this.tx.event.updateMany({ where: { id: eventId, state: "open" }, data: { state: "cancelled" } });
    return count === 1;
  }

  async eventOfList(chatId: number, title: string): Promise<number | null> {
    const row = await this.tx.chatList.findUnique({ where: { chatId_title: { chatId, title } }, select: { eventId: true } });
    return row?.eventId ?? null;
  }

  async linkList(chatId: number, title: string, eventId: number): Promise<void> {
    await this.tx.chatList.updateMany({ where: { chatId, title }, data: { eventId } });
  }

  async seriesPool(seriesId: number): Promise<number[]> {
    const rows = await this.tx.signUp.findMany({
      where: { state: { in: ["confirmed", "waitlisted"] }, event: { OR: [{ id: seriesId }, { seriesId }] } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { personId: true },
    });
    return [...new Set(rows.map((row) => row.personId))];
  }

  async membersByName(chatId: number): Promise<Array<{ personId: number; names: string[] }>> {
    const rows = await this.tx.membership.findMany({ where: { chatId }, include: { person: { select: { displayName: true } } } });
    return rows.map((row) => ({ personId: row.personId, names: [row.person.displayName, ...(row.alias ? [row.alias] : [])] }));
  }
}

function toSignUp(row: { personId: number; count: number; state: string; position: number; attended: boolean | null; person: { displayName: string } }): SignUpView {
  return {
    personId: row.personId,
    displayName: row.person.displayName,
    count: row.count,
    state: row.state as SignUpView["state"],
    position: row.position,
    attended: row.attended,
  };
}
