/**
 * Runs the privacy scan after every test of every file (vitest setupFiles): each group message any conversation harness
 * recorded during the test is checked against the private details of the test's databases and the demo community, and
 * the test fails naming the message and the detail. Messages recorded outside a test (beforeAll) are checked at the
 * next test's end or at the file's end. Each file adds its count of scanned messages to the run's tally.
 */
import { appendFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, afterEach, inject } from "vitest";
import { checkGroupMessages, describeLeaks } from "./privacy-watch.ts";

let scanned = 0;
let leaking = 0;

function check(): void {
  const result = checkGroupMessages();
  scanned += result.scanned;
  leaking += result.leaks.length;
  if (result.leaks.length > 0) throw new Error(describeLeaks(result.leaks));
}

afterEach(() => check());

afterAll(() => {
  try {
    check();
  } finally {
    const tally = inject("privacyTally");
    if (tally && (scanned > 0 || leaking > 0)) appendFileSync(join(tally, `${process.pid}.txt`), `${scanned} ${leaking}\n`);
  }
});
