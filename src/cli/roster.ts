/**
 * `npm run -s roster -- import FILE`: a coordinator imports residents from a CSV roster
 * (columns: name, platform, id, building, room, roles, skills). Every row is checked first; with any bad row nothing
 * is written and each problem is printed as "line N: ..." (exit 1). Otherwise all rows are written in one transaction.
 */
import { readFileSync } from "node:fs";
import { loadConfig } from "../config.ts";
import { systemClock } from "../domain/clock.ts";
import { parseRoster } from "../domain/community/roster.ts";
import { importRoster } from "../app/import-roster.ts";
import { openDatabase } from "../infra/database.ts";
import { Db } from "../infra/db.ts";
import { PrismaUnitOfWork } from "../infra/unit-of-work.ts";

async function main(argv: string[]): Promise<number> {
  const [command, file] = argv;
  if (command !== "import" || !file) {
    process.stderr.write("usage: npm run -s roster -- import FILE.csv\n");
    return 2;
  }
  const { rows, errors } = parseRoster(readFileSync(file, "utf8"));
  if (errors.length) {
    process.stderr.write(`Nothing was imported. Fix these lines of ${file} and run again:\n${errors.map((e) => `  ${e}`).join("\n")}\n`);
    return 1;
  }
  const config = loadConfig();
  const prisma = await openDatabase(config.databaseUrl);
  try {
    const uow = new PrismaUnitOfWork(new Db(prisma), systemClock);
    const summary = await uow.run(async (repos) => {
      const community = await repos.directories.defaultCommunity();
      return importRoster(repos, community.id, rows);
    });
    process.stdout.write(
      `Imported ${rows.length} rows: ${summary.created} new residents, ${summary.updated} updated, ` +
        `${summary.volunteers} volunteers, ${summary.roles} roles.\n`,
    );
    return 0;
  } finally {
    await prisma.$disconnect();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`Roster import failed, nothing was imported: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
