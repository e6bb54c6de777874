/**
 * Runs Linli's real entry point (`node --import tsx src/main.ts --script -`) on a script and a database file, and
 * reads the database afterwards: the harness of the console conversation tests.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { keepDetailsOf, watchGroupMessages } from "./privacy-watch.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

/** What a script run printed and how it ended. */
export interface ScriptRun {
  code: number | null;
  stdout: string[];
  stderr: string;
}

/** Run a script through the real entry point on `dbFile`. */
export function runScript(dbFile: string, lines: string[], extraArgs: string[] = [], timeoutMs = 110_000): ScriptRun {
  const result = spawnSync(process.execPath, ["--import", "tsx", "src/main.ts", "--script", "-", ...extraArgs], {
    cwd: ROOT,
    input: `${lines.join("\n")}\n`,
    encoding: "utf8",
    timeout: timeoutMs,
    // Only what the process needs: no setting of the test runner's environment leaks into Linli's config.
    env: { ...pick(process.env, ["PATH", "HOME", "TMPDIR"]), DATABASE_URL: `file:${dbFile}`, LOG_LEVEL: "silent" },
  });
  if (result.error) throw result.error;
  const stdout = result.stdout.split("\n");
  if (stdout.at(-1) === "") stdout.pop();
  // The run is over: what it said in groups is scanned for the private details its database now holds.
  keepDetailsOf(dbFile);
  const said = printedMessages(stdout).flatMap((message) => (message.private ? [] : [{ chat: message.chat, text: message.text, group: true }]));
  watchGroupMessages("console script", () => said);
  return { code: result.status, stdout, stderr: result.stderr };
}

/** A running `src/main.ts` (`npm start`): its output so far and how it ended. */
export interface RunningMain {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  exited: Promise<number | null>;
}

/** Start the real entry point with exactly `env` (no setting of the test runner's leaks in), capturing its output. */
export function startMain(env: Record<string, string>): RunningMain {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, stdout: () => stdout, stderr: () => stderr, exited };
}

/** Run one of the command-line tools (`src/cli/<tool>.ts`) on `dbFile`. */
export function runTool(dbFile: string, tool: string, args: string[]): ScriptRun {
  const result = spawnSync(process.execPath, ["--import", "tsx", `src/cli/${tool}.ts`, ...args], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...pick(process.env, ["PATH", "HOME", "TMPDIR"]), DATABASE_URL: `file:${dbFile}`, LOG_LEVEL: "silent" },
  });
  if (result.error) throw result.error;
  return { code: result.status, stdout: result.stdout.split("\n"), stderr: result.stderr };
}

function pick(env: NodeJS.ProcessEnv, keys: string[]): Record<string, string> {
  return Object.fromEntries(keys.flatMap((key) => (env[key] === undefined ? [] : [[key, env[key]]])));
}

/** Read the database after the process has exited. */
export function query<T>(dbFile: string, sql: string, ...params: unknown[]): T[] {
  const db = new Database(dbFile, { readonly: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

/** One printed bot message: the chat label ("3栋邻里群", "dm 王师傅") and its text (continuation lines joined). */
export interface Printed {
  chat: string;
  private: boolean;
  text: string;
}

/** Split printed output into messages. */
export function printedMessages(stdout: string[], botName = "邻里小助手"): Printed[] {
  const messages: Printed[] = [];
  for (const line of stdout) {
    const head = /^\[(.+?)\] (.+?): (.*)$/u.exec(line);
    if (head && head[2] === botName) messages.push({ chat: head[1]!, private: head[1]!.startsWith("dm "), text: head[3]! });
    else if (line.startsWith("  ") && messages.length > 0) messages.at(-1)!.text += `\n${line.slice(2)}`;
  }
  return messages;
}
