/**
 * Serialised access to the Prisma client. The better-sqlite3 adapter has one connection: while an interactive
 * transaction is open, any other query runs inside it — it sees uncommitted rows and is rolled back with it (seen
 * here; see shared/docs/platform-facts.md). So every use of the database, a transaction or a single query, goes
 * through `use`, one at a time, in arrival order. Never call `use` from inside another `use` (it would wait forever).
 */
import type { PrismaClient } from "./generated/prisma/client.ts";
import type { Tx } from "./repositories/tx.ts";

/** The database, one use at a time. */
export class Db {
  #tail: Promise<unknown> = Promise.resolve();

  constructor(readonly prisma: PrismaClient) {}

  /** Run `work` when every earlier use has finished. */
  use<T>(work: (prisma: PrismaClient) => Promise<T>): Promise<T> {
    const result = this.#tail.then(() => work(this.prisma));
    this.#tail = result.catch(() => undefined);
    return result;
  }

  /** Run `work` in one interactive transaction. */
  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.use((prisma) => prisma.$transaction(work, { maxWait: 10_000, timeout: 30_000 }));
  }
}
