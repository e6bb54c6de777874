#!/usr/bin/env node
// Runs `prisma generate`, offline-safe. The Prisma 7 CLI tries to download its schema-engine binary at the start of
// every command, generate included, although generate never uses it. When no engine is present (and none is configured),
// point PRISMA_SCHEMA_ENGINE_BINARY at a placeholder so generation works on machines that cannot reach the download
// host; where an engine is available the normal behaviour is kept. See shared/docs/platform-facts.md.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";

const env = { ...process.env };
function engineAvailable() {
  if (env.PRISMA_SCHEMA_ENGINE_BINARY) return true;
  const dir = join(process.cwd(), "node_modules", "@prisma", "engines");
  if (!existsSync(dir)) return false;
  return readdirSync(dir).some((f) => f.startsWith("schema-engine"));
}
if (!engineAvailable()) env.PRISMA_SCHEMA_ENGINE_BINARY = process.platform === "win32" ? process.execPath : "/bin/false";
env.PRISMA_HIDE_UPDATE_MESSAGE = "1";
const bin = join(process.cwd(), "node_modules", ".bin", process.platform === "win32" ? "prisma.cmd" : "prisma");
const result = spawnSync(bin, ["generate", "--schema", "prisma/schema.prisma"], { env, stdio: "inherit" });
process.exit(result.status ?? 1);
