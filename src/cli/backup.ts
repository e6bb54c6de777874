/**
 * An online backup of Linli's SQLite database (DATABASE_URL), safe while the bot runs:
 *   npm run -s backup -- FILE            refuses to replace an existing FILE
 *   npm run -s backup -- FILE --force    replaces it
 * Prints what was copied, its size and how long it took. To restore: stop the bot, copy FILE over the database file
 * (and remove its -wal and -shm files), start the bot (see README, "Backups").
 */
import { loadConfig } from "../config.ts";
import { BackupError, backupDatabase } from "../infra/backup.ts";
import { runCli } from "./cli.ts";

const USAGE = "usage: npm run -s backup -- FILE [--force]\n";

async function main(argv: string[]): Promise<number> {
  const force = argv.includes("--force");
  const files = argv.filter((arg) => arg !== "--force");
  if (files.length !== 1 || files[0]!.startsWith("-")) {
    process.stderr.write(USAGE);
    return 2;
  }
  try {
    const result = await backupDatabase(loadConfig().databaseUrl, files[0]!, { overwrite: force });
    const size = result.bytes >= 1024 * 1024 ? `${(result.bytes / 1024 / 1024).toFixed(1)} MB` : `${(result.bytes / 1024).toFixed(1)} KB`;
    process.stdout.write(`Backed up ${result.source} to ${result.target}: ${size} (${result.bytes} bytes, ${result.pages} pages) in ${Math.round(result.ms)} ms; integrity check ok.\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof BackupError)) throw error;
    process.stderr.write(`Backup failed: ${error.message}\n`);
    return 1;
  }
}

runCli(() => main(process.argv.slice(2)), "Backup failed");
