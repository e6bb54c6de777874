/** In-memory guardian mode (same semantics as `PrismaGuardians`). */
import type { GuardedPerson, Guardians, Ward } from "../../../src/features/guardian/ports.ts";
import { insert, must, type FakeState } from "./state.ts";

/** In-memory `Guardians`. */
export class FakeGuardians implements Guardians {
  constructor(private readonly state: FakeState) {}

  async findByName(communityId: number, name: string): Promise<GuardedPerson | null> {
    const person = this.state.people.find((one) => one.communityId === communityId && one.displayName === name);
    if (!person) return null;
    return { personId: person.id, displayName: person.displayName, guardianId: person.guardianId ?? null, hasIdentity: this.state.identities.some((one) => one.personId === person.id) };
  }

  async create(communityId: number, displayName: string): Promise<{ id: number }> {
    const person = insert(this.state, "people", { communityId, displayName, locale: null, phone: null, buildingId: null, room: null, nameInSummary: true, guardianId: null });
    return { id: person.id };
  }

  async setGuardian(personId: number, guardianId: number | null): Promise<void> {
    must(this.state.people.find((one) => one.id === personId), `person ${personId}`).guardianId = guardianId;
  }

  async guardianOf(personId: number): Promise<number | null> {
    return this.state.people.find((one) => one.id === personId)?.guardianId ?? null;
  }

  async wardsOf(guardianId: number): Promise<Ward[]> {
    return this.state.people
      .filter((one) => one.guardianId === guardianId)
      .sort((a, b) => a.displayName.localeCompare(b.displayName))
      .map((one) => ({ personId: one.id, displayName: one.displayName, buildingName: this.state.buildings.find((building) => building.id === one.buildingId)?.name ?? null, room: one.room }));
  }
}
