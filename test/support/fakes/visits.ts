/** Visit rotas and visits in memory (kept beside the fake state, keyed by it, so the shared state file stays as it is). */
import type { NewRota, RotaView, VisitState, VisitView, Visits } from "../../../src/features/visits/ports.ts";
import type { FakeState } from "./state.ts";

interface RotaRow extends Omit<NewRota, "volunteerIds"> {
  id: number;
  active: boolean;
  volunteerIds: number[];
}
interface VisitRow {
  id: number;
  rotaId: number;
  elderId: number;
  volunteerId: number;
  week: number;
  dueAt: Date;
  state: VisitState;
  minutes: number | null;
  note: string | null;
  creditId: number | null;
}
/** The rows of one fake world. */
export interface VisitStore {
  rotas: RotaRow[];
  visits: VisitRow[];
}

const stores = new WeakMap<FakeState, VisitStore>();

/** The visit rows of a fake world (tests read them to assert on what was stored). */
export function visitStore(state: FakeState): VisitStore {
  let store = stores.get(state);
  if (!store) stores.set(state, (store = { rotas: [], visits: [] }));
  return store;
}

/** In-memory `Visits`. */
export class FakeVisits implements Visits {
  readonly #store: VisitStore;
  constructor(private readonly state: FakeState) {
    this.#store = visitStore(state);
  }

  async createRota(rota: NewRota): Promise<{ id: number; replaced: number | null }> {
    const earlier = this.#store.rotas.filter((row) => row.elderId === rota.elderId && row.active);
    for (const row of earlier) row.active = false;
    const id = this.#store.rotas.length + 1;
    this.#store.rotas.push({ ...rota, id, active: true });
    return { id, replaced: earlier.at(-1)?.id ?? null };
  }

  async rota(id: number): Promise<RotaView | null> {
    const row = this.#store.rotas.find((each) => each.id === id);
    return row ? this.#rota(row) : null;
  }

  async rotasOf(volunteerId: number): Promise<RotaView[]> {
    return this.#store.rotas.filter((row) => row.active && row.volunteerIds.includes(volunteerId)).map((row) => this.#rota(row));
  }

  async addVisit(visit: { rotaId: number; elderId: number; volunteerId: number; week: number; dueAt: Date }): Promise<{ id: number }> {
    const id = this.#store.visits.length + 1;
    this.#store.visits.push({ ...visit, id, state: "scheduled", minutes: null, note: null, creditId: null });
    return { id };
  }

  async visit(id: number): Promise<VisitView | null> {
    const row = this.#store.visits.find((each) => each.id === id);
    return row ? this.#visit(row) : null;
  }

  async visitsAt(rotaId: number, dueAt: Date): Promise<VisitView[]> {
    return this.#store.visits.filter((row) => row.rotaId === rotaId && row.dueAt.getTime() === dueAt.getTime()).map((row) => this.#visit(row));
  }

  async scheduledOf(volunteerId: number, from: Date, to: Date): Promise<VisitView[]> {
    return this.#store.visits
      .filter((row) => row.volunteerId === volunteerId && row.state === "scheduled" && row.dueAt >= from && row.dueAt < to)
      .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || a.id - b.id)
      .map((row) => this.#visit(row));
  }

  async setState(id: number, state: VisitState, logged?: { minutes: number; note: string | null; creditId: number | null }): Promise<void> {
    const row = this.#store.visits.find((each) => each.id === id)!;
    Object.assign(row, { state }, logged ?? {});
  }

  #name(id: number): string {
    return this.state.people.find((person) => person.id === id)?.displayName ?? "";
  }

  #rota(row: RotaRow): RotaView {
    const { volunteerIds, ...rest } = row;
    return { ...rest, elderName: this.#name(row.elderId), members: volunteerIds.map((personId) => ({ personId, name: this.#name(personId) })) };
  }

  #visit(row: VisitRow): VisitView {
    return { ...row, elderName: this.#name(row.elderId), volunteerName: this.#name(row.volunteerId) };
  }
}
