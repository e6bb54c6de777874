/**
 * `npm run -s parse -- --jsonl [--now ISO]`: reads JSON lines {"id", "text"} on stdin and writes one JSON line per
 * input with what the parser understood ({"id", "intent", "category"?, "when"?, "hours"?, "count"?, ...}).
 * Coordinators use it to see why the bot did (or did not do) something. A bad input line gets an "error" record.
 */
import { createInterface } from "node:readline";
import { parse } from "../app/parser.ts";
import { toRecord } from "../parse/record.ts";
import { loadConfig } from "../config.ts";

function parseArgs(argv: string[]): { now: Date } {
  let now = new Date();
  for (let i = 0; i < argv.length; i += 1) {
    if (argv[i] === "--jsonl") continue;
    if (argv[i] === "--now") {
      now = new Date(argv[(i += 1)] ?? "");
      if (Number.isNaN(now.getTime())) throw new Error("--now needs an ISO 8601 time, e.g. 2026-11-25T10:00:00+08:00");
    } else throw new Error(`unknown argument "${argv[i]}" (usage: parse --jsonl [--now ISO])`);
  }
  return { now };
}

async function main(): Promise<number> {
  const { now } = parseArgs(process.argv.slice(2));
  const config = loadConfig();
  const context = { now, timeZone: config.timeZone, botNames: config.botNames };
  for await (const line of createInterface({ input: process.stdin })) {
    if (!line.trim()) continue;
    let output: Record<string, unknown>;
    try {
      const input = JSON.parse(line) as { id?: unknown; text?: unknown };
      if (typeof input.text !== "string") throw new Error('each line needs a "text" string');
      output = { id: input.id ?? null, ...toRecord(parse(input.text, context)) };
    } catch (error) {
      output = { id: null, error: error instanceof Error ? error.message : String(error) };
    }
    process.stdout.write(`${JSON.stringify(output)}\n`);
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  },
);
