/**
 * vitest globalSetup: a folder where each test file's privacy scan adds how many group messages it scanned, and one
 * line with the total printed at the end of the run.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    privacyTally: string;
  }
}

/** Makes the tally folder and hands it to the test files; the teardown prints the total and removes the folder. */
export default function setup(project: TestProject): () => void {
  const dir = mkdtempSync(join(tmpdir(), "linli-privacy-"));
  project.provide("privacyTally", dir);
  return () => {
    const files = readdirSync(dir).flatMap((name) => readFileSync(join(dir, name), "utf8").split("\n").filter(Boolean));
    let scanned = 0;
    let leaking = 0;
    for (const [count = 0, leaks = 0] of files.map((line) => line.split(" ").map(Number))) {
      scanned += count;
      leaking += leaks;
    }
    console.log(`privacy scan: ${scanned} group messages scanned in ${files.length} test files, ${leaking} with private details`);
    rmSync(dir, { recursive: true, force: true });
  };
}
