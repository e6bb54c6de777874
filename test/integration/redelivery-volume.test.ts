/**
 * Redelivery at volume (issue 15, item 5), seeded and smaller than the command's 10,000 (`npm run redelivery`):
 * messages through the real pipeline on real SQLite, 20% delivered again, some at the same moment as the original,
 * some later and out of order, some to a second Linli on the same file. Each effect happens once.
 */
import { describe, expect, it } from "vitest";
import { redeliveryVolume } from "../support/redelivery-volume.ts";

describe("redelivery at volume", () => {
  it("gives 200 messages, a fifth of them delivered twice, each its effect once: nothing lost, nothing doubled", async () => {
    const report = await redeliveryVolume({ messages: 200, seed: 15 });
    expect(report.copies).toBeGreaterThanOrEqual(30);
    expect(report.concurrentCopies).toBeGreaterThan(0);
    expect(report.laterCopies).toBeGreaterThan(0);
    expect(report.copiesToSecondProcess).toBeGreaterThan(0);
    // No message failed (a copy meeting its original in SQLite waits or is refused as a duplicate, never errs).
    expect(report.outcomes.failed ?? 0).toBe(0);
    expect(report.outcomes.handled).toBe(report.effects.processed); // originals; every copy of them was a duplicate
    expect(report.outcomes.duplicate).toBeGreaterThan(0);
    expect(report.effects).toEqual(report.reference);
    expect(report.effects.requests).toBeGreaterThan(50);
    expect(report.effects.credits).toBeGreaterThan(50);
    expect({ lost: report.lostEffects, duplicated: report.duplicateEffects }).toEqual({ lost: 0, duplicated: 0 });
  }, 600_000);
});
