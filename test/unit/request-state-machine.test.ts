/** The help-request state machine: which moves are allowed from which state, by whom, and what is due at expiry. */
import { describe, expect, it } from "vitest";
import type { RequestState } from "../../src/features/requests/ports.ts";
import {
  ACTIVE_STATES,
  assignmentOnClose,
  canMove,
  closingMove,
  dueAtExpiry,
  fromStates,
  isActive,
  mayCancel,
  mayFinish,
  mayHandBack,
  nextState,
  REQUEST_STATES,
  reliabilityOf,
  type RequestMove,
} from "../../src/features/requests/domain/state-machine.ts";

const MOVES: RequestMove[] = ["accept", "decline", "done", "cancel", "expire", "keep"];

describe("request state machine", () => {
  it("allows each move only from its states, and says where it leads", () => {
    const table = Object.fromEntries(REQUEST_STATES.map((state) => [state, Object.fromEntries(MOVES.map((move) => [move, nextState(state, move)]))]));
    expect(table).toEqual({
      open: { accept: "assigned", decline: null, done: "done", cancel: "cancelled", expire: "expired", keep: "open" },
      assigned: { accept: null, decline: "open", done: "done", cancel: "cancelled", expire: "expired", keep: "assigned" },
      done: { accept: null, decline: null, done: null, cancel: null, expire: null, keep: null },
      cancelled: { accept: null, decline: null, done: null, cancel: null, expire: null, keep: null },
      expired: { accept: null, decline: null, done: null, cancel: null, expire: null, keep: null },
    });
  });

  it("agrees with itself: a move is allowed exactly from the states it names", () => {
    for (const move of MOVES) {
      for (const state of REQUEST_STATES) expect(canMove(state, move)).toBe(fromStates(move).includes(state));
    }
  });

  it("counts open and assigned as active, and nothing else", () => {
    expect(REQUEST_STATES.filter(isActive)).toEqual(["open", "assigned"]);
    expect(ACTIVE_STATES).toEqual(["open", "assigned"]);
  });

  it("closes into done, cancelled or expired, and the assignment follows", () => {
    expect((["done", "cancelled", "expired"] as const).map((state) => [closingMove(state), assignmentOnClose(state)])).toEqual([
      ["done", "done"],
      ["cancel", "withdrawn"],
      ["expire", "withdrawn"],
    ]);
  });

  it("lets the requester, the helper or a coordinator finish; only the requester or a coordinator cancel; only the helper hand back", () => {
    const parties = { requesterId: 1, helperId: 2 };
    const actor = (personId: number, isCoordinator = false) => ({ personId, isCoordinator });
    expect([actor(1), actor(2), actor(3), actor(3, true)].map((one) => mayFinish(one, parties))).toEqual([true, true, false, true]);
    expect([actor(1), actor(2), actor(3), actor(3, true)].map((one) => mayCancel(one, parties))).toEqual([true, false, false, true]);
    expect([1, 2, 3].map((id) => mayHandBack(id, parties))).toEqual([false, true, false]);
    expect(mayHandBack(2, { requesterId: 1, helperId: null })).toBe(false);
  });

  it("expires an untaken request, reminds about a taken one, and leaves a closed one alone", () => {
    const due = (state: RequestState, helperId: number | null) => dueAtExpiry({ state, helperId });
    expect([due("open", null), due("assigned", 7), due("assigned", null), due("done", 7), due("cancelled", null), due("expired", null)]).toEqual([
      "expire",
      "remind",
      null,
      null,
      null,
      null,
    ]);
  });

  it("counts an acceptance for a volunteer, a decline or a time-out against, a ping taken by someone else as neither", () => {
    expect((["accepted", "declined", "expired", "taken", "sent"] as const).map(reliabilityOf)).toEqual(["accepted", "missed", "missed", null, null]);
  });
});
