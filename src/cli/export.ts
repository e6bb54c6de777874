/**
 * CSV exports for coordinators, on standard output:
 *   npm run -s export -- ledger --as 孙主任 [--from 2026-11-01] [--to 2026-12-01]   one row per ledger entry
 *   npm run -s export -- digest --as 孙主任 [--week-ending 2026-11-29T20:00+08:00]  the digest figures, vs the week before
 *   npm run -s export -- unsure --as 孙主任 [--from] [--to] [--format jsonl]   messages the parser was unsure about
 *   npm run -s export -- open311 --as 孙主任 [--out DIR]   reports as Open311 GeoReport v2: DIR/requests.json, DIR/services.json
 * `--as` names the coordinator asking: anyone else is refused, and every export goes to the audit log.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { systemClock } from "../kernel/clock.ts";
import { exportOpen311 } from "../features/reports/export-open311.ts";
import { exportDigest, exportLedger, exportUnsure } from "../features/digests/export-csv.ts";
import { runCli, withDatabase } from "./cli.ts";

const USAGE = "usage: npm run -s export -- ledger|digest|unsure|open311 --as COORDINATOR [--from DATE] [--to DATE] [--week-ending DATE] [--format csv|jsonl] [--out DIR]\n";

function options(argv: string[]): Map<string, string> | null {
  const found = new Map<string, string>();
  for (let index = 1; index < argv.length; index += 2) {
    const [flag, value] = [argv[index], argv[index + 1]];
    if (!flag || !["--as", "--from", "--to", "--week-ending", "--format", "--out"].includes(flag) || value === undefined) return null;
    found.set(flag, value);
  }
  return found;
}

function date(value: string | undefined): Date | undefined | null {
  if (value === undefined) return undefined;
  const parsed = new Date(/^\d{4}-\d{2}-\d{2}$/u.test(value) ? `${value}T00:00:00+08:00` : value);
  return Number.isNaN(parsed.getTime()) ? null : parsed;
}

/**
 * Write to standard output, waiting while the pipe is full and until the text is handed over: the tool exits right
 * after `main`, which would cut a long export short on a pipe otherwise.
 */
function write(text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    process.stdout.write(text, (error) => (error ? reject(error) : resolve()));
  });
}

async function main(argv: string[]): Promise<number> {
  const what = argv[0];
  const flags = options(argv);
  const [from, to, end] = [date(flags?.get("--from")), date(flags?.get("--to")), date(flags?.get("--week-ending"))];
  const format = flags?.get("--format") ?? "csv";
  if (!["ledger", "digest", "unsure", "open311"].includes(what ?? "") || !flags?.get("--as") || from === null || to === null || end === null || !["csv", "jsonl"].includes(format)) {
    process.stderr.write(USAGE);
    return 2;
  }
  return withDatabase(async (uow) => {
    const asker = await uow.run(async (repos) => {
      const community = await repos.directories.defaultCommunity();
      const person = await repos.directories.findPersonByName(community.id, flags.get("--as")!);
      if (!person || !(await repos.directories.hasRole(person.id, "coordinator"))) return null;
      await repos.audit.append({ communityId: community.id, actorId: person.id, action: `export.${what}`, detail: { from: from ?? null, to: to ?? null, end: end ?? null } });
      return { communityId: community.id };
    });
    if (!asker) {
      process.stderr.write(`"${flags.get("--as")}" is not a coordinator of this community: exports are for coordinators.\n`);
      return 1;
    }
    if (what === "ledger") {
      const span = { ...(from ? { from } : {}), ...(to ? { to } : {}) };
      await exportLedger((work) => uow.run(work), asker.communityId, span, write);
    } else if (what === "open311") {
      const out = flags.get("--out") ?? ".";
      const { requests, services } = await uow.run((repos) => exportOpen311(repos, asker.communityId));
      mkdirSync(out, { recursive: true });
      writeFileSync(join(out, "requests.json"), `${JSON.stringify(requests, null, 2)}\n`);
      writeFileSync(join(out, "services.json"), `${JSON.stringify(services, null, 2)}\n`);
      await write(`${requests.length} service requests in ${join(out, "requests.json")}, ${services.length} services in ${join(out, "services.json")}\n`);
    } else if (what === "unsure") {
      const span = { from: from ?? new Date("1970-01-01T00:00:00Z"), to: to ?? new Date("9999-12-31T00:00:00Z") }; // dates compare as text in SQLite: keep them four-digit years
      await write(await uow.run((repos) => exportUnsure(repos, asker.communityId, span, format as "csv" | "jsonl")));
    } else {
      await write(await uow.run((repos) => exportDigest(repos, asker.communityId, end ?? systemClock.now())));
    }
    return 0;
  });
}

runCli(() => main(process.argv.slice(2)), "Export failed");
