/**
 * A short crash soak (issue 15, item 4; the full one is `npm run soak`): the real process against the Telegram
 * emulator, killed with SIGKILL at three seeded points of a small stream and restarted each time, ends with the same
 * requests, assignments, sign-ups, credits, ledger and jobs as a run without kills; every reminder that fell due went
 * out, and no crash sent more than one message twice.
 */
import { describe, expect, it } from "vitest";
import { soak } from "../support/soak.ts";

describe("crash soak", () => {
  it("three SIGKILLs lose nothing, double nothing, and send at most one message twice per crash", async () => {
    const report = await soak({ seed: 7, rounds: 2, kills: 3, speed: 20 });
    expect(report.kills).toBe(3);
    expect(report.differences).toEqual({});
    expect({ lost: report.lostEffects, duplicated: report.duplicateEffects }).toEqual({ lost: 0, duplicated: 0 });
    expect(report.rows).toMatchObject({ requests: 2, assignments: 2, events: 1, credits: 4 });
    expect(report.remindersDue).toBeGreaterThan(0);
    expect(report.remindersSent).toBe(report.remindersDue);
    expect(report.duplicateSends).toBeLessThanOrEqual(report.kills);
  }, 900_000);
});
