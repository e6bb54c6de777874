/**
 * Serialised access to the Prisma client. The better-sqlite3 adapter has one connection: while an interactive
 * transaction is open, any other query runs inside it — it sees uncommitted rows and is rolled back with it (seen
 * here; see shared/docs/platform-facts.md). So every use of the database, a transaction or a single query, goes
 * through `use`, one at a time, in arrival order. Never call `use` from inside another `use` (it would wait forever).
 */
import type { PrismaClient } from "./generated/prisma/client.ts";
import type { Tx } from "./repositories/tx.ts";
import { retrying } from "./backoff.ts";

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

  /**
   * Run `work` in one interactive transaction. Another connection to the file (a second process, a command-line tool)
   * can make SQLite refuse a transaction's first write with SQLITE_BUSY at once, busy timeout or not (a read
   * transaction cannot wait to become a writer); the transaction is then rolled back whole and is run again.
   */
  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.use((prisma) =>
      retrying(() => prisma.$transaction(work, { maxWait: 10_000, timeout: 30_000 }), {
        verdict: (error) => (isSqliteBusy(error) ? "retry" : error instanceof Error ? error : new Error(String(error))),
        attempts: BUSY_ATTEMPTS,
        // Short, growing and jittered: the other writer holds the lock for one transaction, not for seconds.
        waitMs: (attempt, random = Math.random) => Math.min(attempt + 1, 10) * (10 + random() * 40),
        onRetry: () => undefined,
      }),
    );
  }
}

const BUSY_ATTEMPTS = 50;

/** SQLite's "database is locked" (SQLITE_BUSY, SQLITE_LOCKED and their extended codes), however a driver wraps it. */
export function isSqliteBusy(error: unknown): boolean {
  for (let cause = error, depth = 0; cause !== undefined && cause !== null && depth < 5; depth += 1) {
    const code = (cause as { code?: unknown }).code;
    if (typeof code === "string" && /^SQLITE_(?:BUSY|LOCKED)(?:_|$)/u.test(code)) return true;
    if (cause instanceof Error && /SQLITE_BUSY|database is locked/u.test(cause.message)) return true;
    cause = (cause as { cause?: unknown }).cause;
  }
  return false;
}
