/** What the command-line tools share: the configured database for one run, and exiting with the tool's code. */
import { loadConfig } from "../config.ts";
import { systemClock } from "../kernel/clock.ts";
import { openDatabase } from "../infra/database.ts";
import { Db } from "../infra/db.ts";
import { PrismaUnitOfWork } from "../infra/unit-of-work.ts";
import type { PrismaClient } from "../infra/database.ts";

/** Run `work` on the database of DATABASE_URL (migrated), disconnecting afterwards whatever happens. */
export async function withDatabase<T>(work: (uow: PrismaUnitOfWork, prisma: PrismaClient) => Promise<T>): Promise<T> {
  const prisma = await openDatabase(loadConfig().databaseUrl);
  try {
    return await work(new PrismaUnitOfWork(new Db(prisma), systemClock), prisma);
  } finally {
    await prisma.$disconnect();
  }
}

/** Run a tool's main and exit with its code; an unexpected error is one line on stderr (prefixed) and exit 1. */
export function runCli(main: () => Promise<number>, failure: string): void {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`${failure}: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
