/**
 * The ledger's invariants on a real database, over random sequences of credits, transfers, donations and reversals:
 * every transfer's entries sum to zero, every balance equals the sum of its entries (and a model kept alongside), and
 * the community's accounts together always hold zero. A transfer that does not balance is refused outright.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import type { PrismaClient } from "../../src/infra/generated/prisma/client.ts";
import { openDatabase } from "../../src/infra/database.ts";
import { PrismaLedger } from "../../src/infra/repositories/prisma-time-bank.ts";
import { creditMovements, isZeroSum, reversalMovements } from "../../src/features/timebank/domain/ledger.ts";
import { T0, tempDatabase } from "../support/app.ts";

let db: ReturnType<typeof tempDatabase>;
let prisma: PrismaClient;
beforeAll(async () => {
  db = tempDatabase();
  prisma = await openDatabase(db.url);
});
afterAll(async () => {
  await prisma.$disconnect();
  db.cleanup();
});

type Op =
  | { kind: "credit"; helper: number; payer: number | null; minutes: number }
  | { kind: "transfer"; from: number; to: number; minutes: number }
  | { kind: "donation"; from: number; minutes: number }
  | { kind: "reversal"; pick: number };

const PEOPLE = 4;
const person = fc.integer({ min: 0, max: PEOPLE - 1 });
const minutes = fc.integer({ min: 1, max: 600 });
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant("credit" as const), helper: person, payer: fc.option(person, { nil: null }), minutes }),
  fc.record({ kind: fc.constant("transfer" as const), from: person, to: person, minutes }),
  fc.record({ kind: fc.constant("donation" as const), from: person, minutes }),
  fc.record({ kind: fc.constant("reversal" as const), pick: fc.nat() }),
);

describe("the ledger", () => {
  it("keeps every transfer zero-sum and every balance equal to the sum of its entries, whatever the sequence", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 14 }), async (ops) => {
        const community = await prisma.community.create({ data: { name: "c", createdAt: T0 } });
        const people = await Promise.all(Array.from({ length: PEOPLE }, (_, n) => prisma.person.create({ data: { communityId: community.id, displayName: `p${n}`, createdAt: T0 } })));
        const ledger = new PrismaLedger(prisma, T0);
        const fund = await ledger.account(community.id, null);
        const accounts = await Promise.all(people.map((one) => ledger.account(community.id, one.id)));
        const model = new Map<number, number>([[fund, 0], ...accounts.map((id): [number, number] => [id, 0])]);
        const posted: Array<{ id: number; movements: Array<{ accountId: number; minutes: number }>; reversed: boolean }> = [];
        const apply = (movements: Array<{ accountId: number; minutes: number }>) => {
          for (const movement of movements) model.set(movement.accountId, model.get(movement.accountId)! + movement.minutes);
        };
        for (const step of ops) {
          let movements: Array<{ accountId: number; minutes: number }>;
          let kind: "credit" | "transfer" | "donation" | "reversal" = step.kind;
          let reversesId: number | null = null;
          if (step.kind === "credit") {
            const payer = step.payer === null || step.payer === step.helper ? fund : accounts[step.payer]!;
            movements = creditMovements(accounts[step.helper]!, payer, step.minutes);
          } else if (step.kind === "transfer") {
            if (step.from === step.to) continue;
            movements = [{ accountId: accounts[step.from]!, minutes: -step.minutes }, { accountId: accounts[step.to]!, minutes: step.minutes }];
          } else if (step.kind === "donation") {
            movements = [{ accountId: accounts[step.from]!, minutes: -step.minutes }, { accountId: fund, minutes: step.minutes }];
          } else {
            if (!posted.length) continue;
            const target = posted[step.pick % posted.length]!;
            if (target.reversed) {
              // A second reversal of the same transfer is refused by the database, and moves nothing.
              await expect(ledger.post({ communityId: community.id, kind: "reversal", reversesId: target.id, movements: reversalMovements(target.movements) })).rejects.toThrow();
              continue;
            }
            target.reversed = true;
            movements = reversalMovements(target.movements);
            kind = "reversal";
            reversesId = target.id;
          }
          const { id } = await ledger.post({ communityId: community.id, kind, reversesId, movements });
          apply(movements);
          if (kind !== "reversal") posted.push({ id, movements, reversed: false });
        }
        const sums = await prisma.ledgerEntry.groupBy({ by: ["transferId"], where: { transfer: { communityId: community.id } }, _sum: { minutes: true } });
        expect(sums.every((row) => row._sum.minutes === 0)).toBe(true);
        for (const [accountId, expected] of model) {
          const entries = await prisma.ledgerEntry.findMany({ where: { accountId }, select: { minutes: true } });
          const sum = entries.reduce((total, entry) => total + entry.minutes, 0);
          expect(await ledger.balance(accountId)).toBe(sum);
          expect(sum).toBe(expected);
        }
        expect([...model.values()].reduce((a, b) => a + b, 0)).toBe(0);
        const reversals = await prisma.ledgerTransfer.findMany({ where: { communityId: community.id, kind: "reversal" }, select: { reversesId: true } });
        expect(new Set(reversals.map((one) => one.reversesId)).size).toBe(reversals.length);
      }),
      { numRuns: 100 },
    );
  }, 120_000);

  it("refuses a transfer whose movements do not balance, writing nothing", async () => {
    const community = await prisma.community.create({ data: { name: "d", createdAt: T0 } });
    const ledger = new PrismaLedger(prisma, T0);
    const fund = await ledger.account(community.id, null);
    const before = await prisma.ledgerTransfer.count();
    await expect(ledger.post({ communityId: community.id, kind: "credit", movements: [{ accountId: fund, minutes: 60 }, { accountId: fund, minutes: -30 }] })).rejects.toThrow(/sum/);
    expect(await prisma.ledgerTransfer.count()).toBe(before);
    expect(isZeroSum([{ accountId: 1, minutes: 5 }, { accountId: 2, minutes: -5 }])).toBe(true);
  });
});
