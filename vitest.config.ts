import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // The privacy scan of every group message of every conversation test (test/support/privacy-watch.ts).
    globalSetup: ["test/support/privacy-tally.ts"],
    setupFiles: ["test/support/privacy-setup.ts"],
    pool: "forks",
    // Two test files at a time, also on a 2-core machine (vitest's default there is one): many files wait on child
    // processes and SQLite rather than compute. Measured on this project's 2-core machine, whole suite: 225 s with one
    // worker, 167 s with two.
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
