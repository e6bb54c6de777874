/** Visit rotas and visits in memory. */
import type { NewRota, RotaView, VisitState, VisitView, Visits } from "../../../src/features/visits/ports.ts";
import type { FakeState, VisitRotaRow, VisitRow } from "./state.ts";
import { insert } from "./state.ts";

/** In-memory `Visits`. */
export class FakeVisits implements Visits {
  constructor(private readonly state: FakeState) {}

  async createRota(rota: NewRota): Promise<{ id: number; replaced: number | null }> {
    const earlier = this.state.visitRotas.filter((row) => row.elderId === rota.elderId && row.active);
    for (const row of earlier) row.active = false;
    const { id } = insert(this.state, "visitRotas", { ...rota, active: true });
    return { id, replaced: earlier.at(-1)?.id ?? null };
  }

  async rota(id: number): Promise<RotaView | null> {
    const row = this.state.visitRotas.find((each) => each.id === id);
    return row ? this.#rota(row) : null;
  }

  async rotasOf(volunteerId: number): Promise<RotaView[]> {
    return this.state.visitRotas.filter((row) => row.active && row.volunteerIds.includes(volunteerId)).map((row) => this.#rota(row));
  }

  async addVisit(visit: { rotaId: number; elderId: number; volunteerId: number; week: number; dueAt: Date }): Promise<{ id: number }> {
    const { id } = insert(this.state, "visits", { ...visit, state: "scheduled", minutes: null, note: null, creditId: null });
    return { id };
  }

  async visit(id: number): Promise<VisitView | null> {
    const row = this.state.visits.find((each) => each.id === id);
    return row ? this.#visit(row) : null;
  }

  async visitsAt(rotaId: number, dueAt: Date): Promise<VisitView[]> {
    return this.state.visits.filter((row) => row.rotaId === rotaId && row.dueAt.getTime() === dueAt.getTime()).map((row) => this.#visit(row));
  }

  async scheduledOf(volunteerId: number, from: Date, to: Date): Promise<VisitView[]> {
    return this.state.visits
      .filter((row) => row.volunteerId === volunteerId && row.state === "scheduled" && row.dueAt >= from && row.dueAt < to)
      .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || a.id - b.id)
      .map((row) => this.#visit(row));
  }

  async setState(id: number, state: VisitState, logged?: { minutes: number; note: string | null; creditId: number | null }): Promise<void> {
    const row = this.state.visits.find((each) => each.id === id)!;
    Object.assign(row, { state }, logged ?? {});
  }

  #name(id: number): string {
    return this.state.people.find((person) => person.id === id)?.displayName ?? "";
  }

  #rota(row: VisitRotaRow): RotaView {
    const { volunteerIds, ...rest } = row;
    return { ...rest, elderName: this.#name(row.elderId), members: volunteerIds.map((personId) => ({ personId, name: this.#name(personId) })) };
  }

  #visit(row: VisitRow): VisitView {
    return { ...row, elderName: this.#name(row.elderId), volunteerName: this.#name(row.volunteerId) };
  }
}
