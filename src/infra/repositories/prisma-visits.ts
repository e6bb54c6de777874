/** Visit rotas and visits on Prisma; names are read from the people they point at. */
import type { NewRota, RotaView, VisitState, VisitView, Visits } from "../../features/visits/ports.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import type { Tx } from "./tx.ts";

const ROTA_INCLUDE = { members: { orderBy: { order: "asc" } } } as const;
type RotaRow = Prisma.VisitRotaGetPayload<{ include: typeof ROTA_INCLUDE }>;
type VisitRow = Prisma.VisitGetPayload<object>;

/** Prisma implementation of `Visits`. */
export class PrismaVisits implements Visits {
  constructor(private readonly tx: Tx, private readonly now: Date) {}

  async createRota(rota: NewRota): Promise<{ id: number; replaced: number | null }> {
    const earlier = await this.tx.visitRota.findFirst({ where: { elderId: rota.elderId, active: true }, orderBy: { id: "desc" }, select: { id: true } });
    if (earlier) await this.tx.visitRota.updateMany({ where: { elderId: rota.elderId, active: true }, data: { active: false } });
    const { volunteerIds, ...fields } = rota;
    const created = await this.tx.visitRota.create({
      data: { ...fields, createdAt: this.now, members: { create: volunteerIds.map((volunteerId, order) => ({ volunteerId, order })) } },
      select: { id: true },
    });
    return { id: created.id, replaced: earlier?.id ?? null };
  }

  async rota(id: number): Promise<RotaView | null> {
    const row = await this.tx.visitRota.findUnique({ where: { id }, include: ROTA_INCLUDE });
    return row && (await this.#rotas([row]))[0]!;
  }

  async rotasOf(volunteerId: number): Promise<RotaView[]> {
    const rows = await this.tx.visitRota.findMany({ where: { active: true, members: { some: { volunteerId } } }, orderBy: { id: "asc" }, include: ROTA_INCLUDE });
    return this.#rotas(rows);
  }

  async addVisit(visit: { rotaId: number; elderId: number; volunteerId: number; week: number; dueAt: Date }): Promise<{ id: number }> {
    return this.tx.visit.create({ data: { ...visit, createdAt: this.now }, select: { id: true } });
  }

  async visit(id: number): Promise<VisitView | null> {
    const row = await this.tx.visit.findUnique({ where: { id } });
    return row && (await this.#visits([row]))[0]!;
  }

  async visitsAt(rotaId: number, dueAt: Date): Promise<VisitView[]> {
    return this.#visits(await this.tx.visit.findMany({ where: { rotaId, dueAt }, orderBy: { id: "asc" } }));
  }

  async scheduledOf(volunteerId: number, from: Date, to: Date): Promise<VisitView[]> {
    return this.#visits(await this.tx.visit.findMany({ where: { volunteerId, state: "scheduled", dueAt: { gte: from, lt: to } }, orderBy: [{ dueAt: "asc" }, { id: "asc" }] }));
  }

  async setState(id: number, state: VisitState, logged?: { minutes: number; note: string | null; creditId: number | null }): Promise<void> {
    await this.tx.visit.update({ where: { id }, data: { state, ...(logged ? { ...logged, loggedAt: this.now } : {}) } });
  }

  async #names(ids: number[]): Promise<Map<number, string>> {
    const people = await this.tx.person.findMany({ where: { id: { in: [...new Set(ids)] } }, select: { id: true, displayName: true } });
    return new Map(people.map((person) => [person.id, person.displayName]));
  }

  async #rotas(rows: RotaRow[]): Promise<RotaView[]> {
    const names = await this.#names(rows.flatMap((row) => [row.elderId, ...row.members.map((member) => member.volunteerId)]));
    return rows.map((row) => ({
      id: row.id,
      communityId: row.communityId,
      elderId: row.elderId,
      elderName: names.get(row.elderId) ?? "",
      weekday: row.weekday,
      minute: row.minute,
      active: row.active,
      createdById: row.createdById,
      members: row.members.map((member) => ({ personId: member.volunteerId, name: names.get(member.volunteerId) ?? "" })),
    }));
  }

  async #visits(rows: VisitRow[]): Promise<VisitView[]> {
    const names = await this.#names(rows.flatMap((row) => [row.elderId, row.volunteerId]));
    return rows.map((row) => ({
      id: row.id,
      rotaId: row.rotaId,
      elderId: row.elderId,
      elderName: names.get(row.elderId) ?? "",
      volunteerId: row.volunteerId,
      volunteerName: names.get(row.volunteerId) ?? "",
      week: row.week,
      dueAt: row.dueAt,
      state: row.state as VisitState,
      minutes: row.minutes,
      note: row.note,
      creditId: row.creditId,
    }));
  }
}
