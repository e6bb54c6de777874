/**
 * `npm run -s roster -- import FILE`: a coordinator imports residents from a CSV roster
 * (columns: name, platform, id, building, room, roles, skills). Every row is checked first; with any bad row nothing
 * is written and each problem is printed as "line N: ..." (exit 1). Otherwise all rows are written in one transaction.
 */
import { readFileSync } from "node:fs";
import { parseRoster } from "../features/community/domain/roster.ts";
import { importRoster } from "../features/community/import-roster.ts";
import { runCli, withDatabase } from "./cli.ts";

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
  const summary = await withDatabase((uow) =>
    uow.run(async (repos) => {
      const community = await repos.directories.defaultCommunity();
      return importRoster(repos, community.id, rows);
    }),
  );
  process.stdout.write(
    `Imported ${rows.length} rows: ${summary.created} new residents, ${summary.updated} updated, ` +
      `${summary.volunteers} volunteers, ${summary.roles} roles.\n`,
  );
  return 0;
}

runCli(() => main(process.argv.slice(2)), "Roster import failed, nothing was imported");
