/**
 * The dependency rules hold: lint fails on a forbidden import (scripts/lint/architecture.js, run by `npm run lint`), and
 * the tree has no import cycle (scripts/check-cycles.mjs).
 */
import { describe, expect, it } from "vitest";
import { ESLint } from "eslint";
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");
const eslint = new ESLint({ cwd: root });

/** The architecture messages lint gives a file with this text at this path. */
async function violations(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result!.messages.filter((message) => message.ruleId === "linli/architecture").map((message) => message.message);
}

describe("lint enforces the dependency rules", () => {
  it("keeps the kernel and the domain free of everything outside them", async () => {
    expect(await violations("src/kernel/example.ts", 'import { Db } from "../infra/db.ts";\nexport const x = Db;\n')).toEqual([
      "Forbidden import: the kernel imports only the kernel (not src/infra/db.ts).",
    ]);
    expect(await violations("src/features/requests/domain/example.ts", 'import { findWhen } from "../../../parse/dates.ts";\nexport const x = findWhen;\n')).toHaveLength(1);
    expect(await violations("src/features/requests/domain/example.ts", 'import { z } from "zod";\nexport const x = z;\n')).toHaveLength(1);
    expect(await violations("src/features/requests/domain/example.ts", 'import type { Lang } from "../../../kernel/lang.ts";\nimport { rankVolunteers } from "./rank-volunteers.ts";\nexport type L = Lang;\nexport const x = rankVolunteers;\n')).toEqual([]);
    // its own ports' shapes as types, yes; their values, or another feature's ports, no
    expect(await violations("src/features/requests/domain/example.ts", 'import type { PingView } from "../ports.ts";\nexport type P = PingView;\n')).toEqual([]);
    expect(await violations("src/features/requests/domain/example.ts", 'import { PingView } from "../ports.ts";\nexport const p = PingView;\n')).toHaveLength(1);
    expect(await violations("src/features/requests/domain/example.ts", 'import type { EventView } from "../../events/ports.ts";\nexport type E = EventView;\n')).toHaveLength(1);
    expect(await violations("src/features/requests/domain/example.ts", 'import { reply } from "../../../app/shared/context.ts";\nexport const r = reply;\n')).toHaveLength(1);
  });

  it("lets a feature use another only through its index, ports, texts and domain", async () => {
    expect(await violations("src/features/events/example.ts", 'import { askToConfirm } from "../timebank/settle-credit.ts";\nexport const x = askToConfirm;\n')).toEqual([
      "Forbidden import: features/events may use features/timebank only through its index.ts, ports.ts, repos.ts, texts.ts or domain/ (not settle-credit.ts).",
    ]);
    expect(await violations("src/features/events/example.ts", 'import { askToConfirm } from "../timebank/index.ts";\nimport { timeBankTexts } from "../timebank/texts.ts";\nexport const x = [askToConfirm, timeBankTexts];\n')).toEqual([]);
  });

  it("keeps the database client in src/infra and the platforms' libraries in adapters/", async () => {
    expect(await violations("src/app/example.ts", 'import { PrismaClient } from "@prisma/client";\nexport const x = PrismaClient;\n')).toHaveLength(1);
    expect(await violations("src/features/events/example.ts", 'import type { PrismaClient } from "../../infra/generated/prisma/client.ts";\nexport type X = PrismaClient;\n')).toHaveLength(1);
    expect(await violations("src/features/events/example.ts", 'import { Db } from "../../infra/db.ts";\nexport const x = Db;\n')).toHaveLength(1);
    expect(await violations("src/app/example.ts", 'import { Telegraf } from "telegraf";\nexport const x = Telegraf;\n')).toHaveLength(1);
    expect(await violations("adapters/telegram/example.ts", 'import { Telegraf } from "telegraf";\nexport const x = Telegraf;\n')).toEqual([]);
    expect(await violations("src/infra/example.ts", 'import { PrismaClient } from "@prisma/client";\nexport const x = PrismaClient;\n')).toEqual([]);
  });
});

describe("import cycles", () => {
  it("finds none in src/ and adapters/", () => {
    const output = execFileSync(process.execPath, ["scripts/check-cycles.mjs"], { cwd: root, encoding: "utf8" });
    expect(output).toMatch(/, 0 import cycle\(s\)/u);
  });

  it("reports a cycle, type-only imports included, and fails", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "linli-cycle-"));
    mkdirSync(path.join(dir, "src"));
    writeFileSync(path.join(dir, "src/a.ts"), 'import { b } from "./b.ts";\nexport const a = () => b;\n');
    writeFileSync(path.join(dir, "src/b.ts"), 'import type { A } from "./c.ts";\nexport const b = (x: A) => x;\n');
    writeFileSync(path.join(dir, "src/c.ts"), 'import { a } from "./a.ts";\nexport type A = typeof a;\n');
    const run = spawnSync(process.execPath, [path.join(root, "scripts/check-cycles.mjs"), "src"], { cwd: dir, encoding: "utf8" });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain("import cycle among: src/a.ts, src/b.ts, src/c.ts");
  });
});
