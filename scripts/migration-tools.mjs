// Helpers for writing and checking migrations offline (see shared/docs/platform-facts.md, "Prisma 7 offline").
//
// The Prisma 7 CLI cannot diff or migrate here, so SQL is produced by Prisma 6.19's CLI, installed apart in tools/prisma6,
// which diffs through its WebAssembly schema engine behind the better-sqlite3 driver adapter. Each run writes, in a
// temporary folder, a copy of the schema with the `url` line Prisma 6 requires and a prisma.config.mjs whose adapter
// runs multi-statement scripts with `exec` (the 6.19 adapter sends a whole migration.sql through `prepare`, which takes
// one statement, so `--from-migrations` failed with P3006). With that, `--from-migrations` replays the committed
// migrations on an in-memory shadow database: the "from" side is exactly "all migrations applied".
import { spawn, spawnSync } from "node:child_process";
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, realpathSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The project root. */
export const ROOT = resolve(fileURLToPath(new URL("..", import.meta.url)));
/** Where the Prisma 6.19 CLI used to write migration SQL is installed. */
export const PRISMA6_DIR = join(ROOT, "tools", "prisma6");
/** The Prisma schema. */
export const SCHEMA_PATH = join(ROOT, "prisma", "schema.prisma");
/** The committed migrations. */
export const MIGRATIONS_DIR = join(ROOT, "prisma", "migrations");
/** The generated Prisma 7 client. */
export const CLIENT_DIR = join(ROOT, "src", "infra", "generated", "prisma");

const ADAPTER_SQLITE = ["node_modules", "@prisma", "adapter-better-sqlite3", "node_modules", "better-sqlite3"];

/**
 * Installs tools/prisma6 when its node_modules is missing (`npm ci --ignore-scripts`: no engine download, no native
 * build), then points the adapter's better-sqlite3 at the project's own built copy so nothing is compiled twice.
 * @param {{ dir?: string, log?: (msg: string) => void }} [options]
 * @returns {{ installed: boolean, seconds: number }}
 */
export function ensurePrisma6({ dir = PRISMA6_DIR, log = (msg) => console.error(msg) } = {}) {
  const started = Date.now();
  let installed = false;
  if (!existsSync(join(dir, "node_modules", "prisma", "build", "index.js"))) {
    log(`Installing ${dir} (Prisma 6.19 CLI, used offline to write and check migration SQL): npm ci --ignore-scripts ...`);
    const npm = spawnSync("npm", ["ci", "--ignore-scripts", "--no-audit", "--no-fund"], {
      cwd: dir,
      stdio: ["ignore", 2, 2],
      shell: process.platform === "win32",
    });
    if (npm.status !== 0) throw new Error(`npm ci in ${dir} failed (exit ${npm.status ?? npm.signal}); see the output above.`);
    installed = true;
  }
  const project = join(ROOT, "node_modules", "better-sqlite3");
  if (!existsSync(join(project, "build", "Release", "better_sqlite3.node"))) {
    throw new Error(`${project} is missing or not built: run npm install in ${ROOT} first (tools/prisma6 reuses it).`);
  }
  for (const rel of [ADAPTER_SQLITE, ["node_modules", "better-sqlite3"]]) {
    const link = join(dir, ...rel);
    const nested = rel === ADAPTER_SQLITE;
    let stat = null;
    try {
      stat = lstatSync(link);
    } catch {
      if (!nested) continue; // npm put no top-level copy: nothing to replace
    }
    if (stat?.isSymbolicLink() && existsSync(link) && realpathSync(link) === realpathSync(project)) continue;
    if (stat) rmSync(link, { recursive: true, force: true });
    mkdirSync(dirname(link), { recursive: true });
    symlinkSync(project, link, "junction");
  }
  const seconds = (Date.now() - started) / 1000;
  if (installed) log(`Installed ${dir} in ${seconds.toFixed(1)} s.`);
  return { installed, seconds };
}

/**
 * Returns a copy of a Prisma 7 schema that Prisma 6.19 accepts: `url` added to the datasource block.
 * @param {string} schema
 * @param {string} url
 */
export function schemaWithUrl(schema, url) {
  const block = /datasource\s+\w+\s*\{[^}]*\}/;
  const match = schema.match(block);
  if (!match) throw new Error("The schema has no datasource block.");
  if (/^\s*url\s*=/m.test(match[0])) return schema;
  return schema.replace(block, match[0].replace(/\}$/, `  url = ${JSON.stringify(url)}\n}`));
}

/** @param {string} migrationsDir */
function hasMigrations(migrationsDir) {
  return existsSync(migrationsDir) && readdirSync(migrationsDir).some((n) => existsSync(join(migrationsDir, n, "migration.sql")));
}

/**
 * Runs the Prisma 6.19 CLI offline in a temporary folder holding a url-augmented copy of `schemaPath` (as schema.prisma)
 * and a config whose adapter opens `dbPath` (default: a throwaway file there) and takes `migrationsDir` as its
 * migrations folder. Placeholders stand in for the native engines, which are never used.
 * @param {string[]} args CLI arguments; the string "<schema>" is replaced by the path of the schema copy.
 * @param {{ schemaPath?: string, migrationsDir?: string, dbPath?: string, log?: (msg: string) => void }} [options]
 * @returns {Promise<{ code: number | null, stdout: string, stderr: string }>}
 */
export async function runPrisma6(args, { schemaPath = SCHEMA_PATH, migrationsDir = MIGRATIONS_DIR, dbPath, log } = {}) {
  ensurePrisma6(log ? { log } : {});
  const tmp = mkdtempSync(join(tmpdir(), "linli-prisma6-"));
  try {
    const schemaCopy = join(tmp, "schema.prisma");
    writeFileSync(schemaCopy, schemaWithUrl(readFileSync(schemaPath, "utf8"), "file:./unused.db"));
    const config = join(tmp, "prisma.config.mjs");
    writeFileSync(config, configSource({ schemaCopy, migrationsDir: resolve(migrationsDir), dbPath: resolve(dbPath ?? join(tmp, "unused.db")) }));
    /** @type {NodeJS.ProcessEnv} */
    const env = {
      ...process.env,
      PRISMA_QUERY_ENGINE_LIBRARY: config, // any existing file: the JS engine is used
      PRISMA_SCHEMA_ENGINE_BINARY: config,
      PRISMA_HIDE_UPDATE_MESSAGE: "1",
      CHECKPOINT_DISABLE: "1", // no telemetry request to a host we cannot reach
    };
    const cli = join(PRISMA6_DIR, "node_modules", "prisma", "build", "index.js");
    const fullArgs = [cli, ...args.map((a) => (a === "<schema>" ? schemaCopy : a)), "--config", config];
    return await new Promise((done, fail) => {
      const child = spawn(process.execPath, fullArgs, { cwd: tmp, env, stdio: ["ignore", "pipe", "pipe"] });
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (d) => (stdout += d));
      child.stderr.on("data", (d) => (stderr += d));
      child.on("error", fail);
      child.on("close", (code) => done({ code, stdout, stderr }));
    });
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** @param {{ schemaCopy: string, migrationsDir: string, dbPath: string }} paths */
function configSource({ schemaCopy, migrationsDir, dbPath }) {
  return `// Written by scripts/migration-tools.mjs for one run of the Prisma 6.19 CLI.
import { createRequire } from "node:module";
const require = createRequire(${JSON.stringify(join(PRISMA6_DIR, "package.json"))});
const { PrismaBetterSQLite3 } = require("@prisma/adapter-better-sqlite3");

// The 6.19 adapter runs raw commands with prepare(), which takes one statement: run parameterless ones with exec().
function scriptFriendly(adapter) {
  const executeRaw = adapter.executeRaw.bind(adapter);
  adapter.executeRaw = async (query) => {
    if (query.args.length > 0) return executeRaw(query);
    await adapter.executeScript(query.sql);
    return 0;
  };
  return adapter;
}
class Adapter extends PrismaBetterSQLite3 {
  async connect() { return scriptFriendly(await super.connect()); }
  async connectToShadowDb() { return scriptFriendly(await super.connectToShadowDb()); } // in memory
}
export default {
  experimental: { adapter: true },
  engine: "js",
  schema: ${JSON.stringify(schemaCopy)},
  migrations: { path: ${JSON.stringify(migrationsDir)} },
  async adapter() { return new Adapter({ url: ${JSON.stringify("file:" + dbPath)} }); },
};
`;
}

/**
 * The SQL that takes a database from "all migrations of `migrationsDir` applied" to `schemaPath` ("" when they agree),
 * computed by Prisma 6.19's `migrate diff --from-migrations ... --to-schema-datamodel ... --script`.
 * @param {{ schemaPath?: string, migrationsDir?: string, log?: (msg: string) => void }} [options]
 * @returns {Promise<string>}
 */
export async function migrationDrift({ schemaPath = SCHEMA_PATH, migrationsDir = MIGRATIONS_DIR, log } = {}) {
  const from = hasMigrations(migrationsDir) ? ["--from-migrations", resolve(migrationsDir)] : ["--from-empty"];
  const args = ["migrate", "diff", ...from, "--to-schema-datamodel", "<schema>", "--script", "--exit-code"];
  const { code, stdout, stderr } = await runPrisma6(args, { schemaPath, migrationsDir, log });
  if (code === 0) return "";
  if (code === 2) return stdout.trim() + "\n";
  throw new Error(`prisma migrate diff (Prisma 6.19) failed with exit code ${code}:\n${stderr}\n${stdout}`);
}

/** A UTC timestamp as Prisma names migration folders: YYYYMMDDHHMMSS. @param {Date} date */
export function migrationTimestamp(date) {
  return date.toISOString().replace(/[-:T]/g, "").slice(0, 14);
}

/**
 * @typedef {{ name: string, column: string, type: string, nullable: boolean }} ClientField
 * @typedef {{ name: string, table: string, fields: ClientField[] }} ClientModel
 */

/**
 * Reads the models of a generated Prisma 7 client (`prisma-client` generator): tables and scalar columns from the
 * runtime data model in internal/class.ts, nullability from each model's `$<Model>Payload` scalars in models/<Model>.ts
 * (the runtime data model carries no nullability).
 * @param {string} [clientDir]
 * @returns {ClientModel[]}
 */
export function readClientModels(clientDir = CLIENT_DIR) {
  const classFile = join(clientDir, "internal", "class.ts");
  if (!existsSync(classFile)) throw new Error(`No generated client at ${clientDir}: run npm run generate.`);
  const literal = readFileSync(classFile, "utf8").match(/config\.runtimeDataModel = JSON\.parse\(("(?:[^"\\]|\\.)*")\)/);
  if (!literal) throw new Error(`No runtimeDataModel in ${classFile}: has the generator's output format changed?`);
  /** @type {{ models: Record<string, { dbName: string | null, fields: { name: string, kind: string, type: string, dbName?: string }[] }> }} */
  const dataModel = JSON.parse(JSON.parse(literal[1] ?? ""));
  return Object.entries(dataModel.models).map(([name, model]) => {
    const source = readFileSync(join(clientDir, "models", `${name}.ts`), "utf8");
    const block = source.match(new RegExp(`\\$${name}Payload[\\s\\S]*?scalars: [\\w.]+<\\{([\\s\\S]*?)\\n  \\}, ExtArgs`));
    if (!block) throw new Error(`No $${name}Payload scalars in ${clientDir}/models/${name}.ts`);
    /** @type {Map<string, boolean>} */
    const nullable = new Map();
    for (const m of (block[1] ?? "").replace(/\/\*[\s\S]*?\*\//g, "").matchAll(/^\s*(\w+): (.+)$/gm)) {
      nullable.set(m[1] ?? "", /\| null$/.test((m[2] ?? "").trim()));
    }
    const fields = model.fields
      .filter((f) => f.kind === "scalar" || f.kind === "enum")
      .map((f) => {
        if (!nullable.has(f.name)) throw new Error(`Field ${name}.${f.name} not found in the $${name}Payload scalars.`);
        return { name: f.name, column: f.dbName ?? f.name, type: f.kind === "enum" ? "Enum" : f.type, nullable: /** @type {boolean} */ (nullable.get(f.name)) };
      });
    return { name, table: model.dbName ?? name, fields };
  });
}

// The SQLite column types Prisma's migrations use for each scalar type.
/** @type {Record<string, string>} */
const SQLITE_TYPES = { Int: "INTEGER", BigInt: "BIGINT", Float: "REAL", Decimal: "DECIMAL", String: "TEXT", Boolean: "BOOLEAN", DateTime: "DATETIME", Bytes: "BLOB", Json: "JSONB", Enum: "TEXT" };

/**
 * Engine-free structural comparison of a migrated SQLite database with client models: every model has a table, every
 * scalar field a column of the expected type and nullability, no extra columns, and no tables besides the models'
 * and _prisma_migrations. Indexes and constraints are not compared (the Prisma 6.19 diff does that).
 * @param {import("better-sqlite3").Database} db
 * @param {ClientModel[]} models
 * @returns {string[]} one line per difference; empty when they agree
 */
export function structuralDrift(db, models) {
  const problems = [];
  const tables = new Set(
    /** @type {{ name: string }[]} */ (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all()).map((t) => t.name),
  );
  for (const model of models) {
    if (!tables.delete(model.table)) {
      problems.push(`model ${model.name}: no table "${model.table}"`);
      continue;
    }
    const columns = new Map(
      /** @type {{ name: string, type: string, notnull: number }[]} */ (db.prepare("SELECT name, type, \"notnull\" FROM pragma_table_info(?)").all(model.table)).map((c) => [c.name, c]),
    );
    for (const field of model.fields) {
      const column = columns.get(field.column);
      columns.delete(field.column);
      if (!column) {
        problems.push(`${model.name}.${field.name}: no column "${model.table}"."${field.column}"`);
        continue;
      }
      if (field.nullable !== (column.notnull === 0)) {
        problems.push(`${model.name}.${field.name}: ${field.nullable ? "optional" : "required"} in the schema, column is ${column.notnull ? "NOT NULL" : "nullable"}`);
      }
      const expected = SQLITE_TYPES[field.type];
      if (expected && column.type.toUpperCase() !== expected) {
        problems.push(`${model.name}.${field.name}: ${field.type} in the schema, column type is ${column.type} (expected ${expected})`);
      }
    }
    for (const extra of columns.keys()) problems.push(`table "${model.table}": column "${extra}" is not in model ${model.name}`);
  }
  tables.delete("_prisma_migrations");
  for (const extra of tables) problems.push(`table "${extra}" belongs to no model`);
  return problems;
}

/**
 * Generates a Prisma 7 client for `schemaPath` into `outDir` (offline, about a second), for checking a schema copy.
 * @param {string} schemaPath
 * @param {string} outDir
 */
export function generateClient(schemaPath, outDir) {
  const tmp = mkdtempSync(join(tmpdir(), "linli-generate-"));
  try {
    const schema = readFileSync(schemaPath, "utf8").replace(/(generator\s+\w+\s*\{[^}]*?output\s*=\s*)"[^"]*"/, `$1${JSON.stringify(resolve(outDir))}`);
    writeFileSync(join(tmp, "schema.prisma"), schema);
    /** @type {NodeJS.ProcessEnv} */
    const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" };
    // generate needs no engine, but the Prisma 7 CLI downloads one first unless this points at an existing file
    if (!env.PRISMA_SCHEMA_ENGINE_BINARY) env.PRISMA_SCHEMA_ENGINE_BINARY = process.platform === "win32" ? process.execPath : "/bin/false";
    const cli = join(ROOT, "node_modules", "prisma", "build", "index.js");
    const run = spawnSync(process.execPath, [cli, "generate", "--schema", "schema.prisma"], { cwd: tmp, env, encoding: "utf8" });
    if (run.status !== 0) throw new Error(`prisma generate failed (exit ${run.status}):\n${run.stderr}\n${run.stdout}`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
