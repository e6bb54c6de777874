/** Guardian mode on Prisma: `Person.guardianId`. */
import type { GuardedPerson, Guardians, Ward } from "../../features/guardian/ports.ts";
import type { Tx } from "./tx.ts";

/** Prisma implementation of `Guardians`. */
export class PrismaGuardians implements Guardians {
  constructor(private readonly tx: Tx, private readonly now: Date) {}

  async findByName(communityId: number, name: string): Promise<GuardedPerson | null> {
    const person = await this.tx.person.findFirst({ where: { communityId, displayName: name }, orderBy: { id: "asc" }, include: { _count: { select: { identities: true } } } });
    return person && { personId: person.id, displayName: person.displayName, guardianId: person.guardianId, hasIdentity: person._count.identities > 0 };
  }

  async create(communityId: number, displayName: string): Promise<{ id: number }> {
    const person = await this.tx.person.create({ data: { communityId, displayName, createdAt: this.now } });
    return { id: person.id };
  }

  async setGuardian(personId: number, guardianId: number | null): Promise<void> {
    await this.tx.person.update({ where: { id: personId }, data: { guardianId } });
  }

  async guardianOf(personId: number): Promise<number | null> {
    const person = await this.tx.person.findUnique({ where: { id: personId }, select: { guardianId: true } });
    return person?.guardianId ?? null;
  }

  async wardsOf(guardianId: number): Promise<Ward[]> {
    const rows = await this.tx.person.findMany({ where: { guardianId }, include: { building: { select: { name: true } } }, orderBy: { displayName: "asc" } });
    return rows.map((row) => ({ personId: row.id, displayName: row.displayName, buildingName: row.building?.name ?? null, room: row.room }));
  }
}
