/**
 * A second process for the scheduler test: opens Linli on DATABASE_URL with a "count" job handler that writes an
 * audit entry, waits for the start signal (a line on stdin), runs the due jobs once and prints how many it ran.
 */
import { once } from "node:events";
import { VirtualClock } from "../../src/kernel/clock.ts";
import { loadConfig } from "../../src/config.ts";
import { createLinli } from "../../src/linli.ts";
import { silentLogger } from "../../src/logger.ts";

const [now] = process.argv.slice(2);
const linli = await createLinli({
  config: loadConfig({ DATABASE_URL: process.env.DATABASE_URL, LOG_LEVEL: "silent" }),
  clock: new VirtualClock(new Date(now!)),
  log: silentLogger(),
  adapters: [],
  jobHandlers: new Map([
    ["count", async (_payload, repos, job) => repos.audit.append({ action: "test.ran", subjectId: job.id, detail: process.pid })],
  ]),
  autoDispatch: false,
});
process.stdout.write("ready\n");
await once(process.stdin, "data"); // the start line: the test writes it to both processes once both are ready
process.stdin.destroy();
const summary = await linli.scheduler.runDue();
process.stdout.write(`${JSON.stringify(summary)}\n`);
await linli.close();
