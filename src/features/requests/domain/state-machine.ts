/**
 * The life of a help request as pure rules: its states, which moves are allowed from which state and by whom, which
 * states are active, and what is due when its time is up. Storage applies a move as a conditional update on the
 * states `fromStates` names, so two racing moves cannot both succeed.
 */
import type { PingView } from "../ports.ts";
import type { RequestState } from "./policy.ts";

/** Every state, in the order a request meets them. */
export const REQUEST_STATES: readonly RequestState[] = ["open", "assigned", "done", "cancelled", "expired"];

/** Still in play: looking for a helper, or taken and not yet finished. */
export const ACTIVE_STATES: readonly RequestState[] = ["open", "assigned"];

/** Finished one way or another: nothing moves it any more. */
export const CLOSED_STATES: readonly RequestState[] = ["done", "cancelled", "expired"];

/** The moves of a request. `keep` ("not yet") leaves it as it is. */
export type RequestMove = "accept" | "decline" | "done" | "cancel" | "expire" | "keep";

/** From which states each move is allowed, and the state it leads to (`decline` hands an accepted request back). */
const MOVES: Record<RequestMove, { from: readonly RequestState[]; to: RequestState | null }> = {
  accept: { from: ["open"], to: "assigned" },
  decline: { from: ["assigned"], to: "open" },
  done: { from: ACTIVE_STATES, to: "done" },
  cancel: { from: ACTIVE_STATES, to: "cancelled" },
  expire: { from: ACTIVE_STATES, to: "expired" },
  keep: { from: ACTIVE_STATES, to: null },
};

/** Whether a request in `state` is still active. */
export function isActive(state: RequestState): boolean {
  return ACTIVE_STATES.includes(state);
}

/** The states a move is allowed from. */
export function fromStates(move: RequestMove): readonly RequestState[] {
  return MOVES[move].from;
}

/** Whether `move` is allowed from `state`. */
export function canMove(state: RequestState, move: RequestMove): boolean {
  return MOVES[move].from.includes(state);
}

/** The state after `move`, or null when it is not allowed from `state` (`keep` leads to the same state). */
export function nextState(state: RequestState, move: RequestMove): RequestState | null {
  if (!canMove(state, move)) return null;
  return MOVES[move].to ?? state;
}

/** The state a move leads to. */
export function stateAfter(move: Exclude<RequestMove, "keep">): RequestState {
  return MOVES[move].to!;
}

/** The move that closes a request into `state`. */
export function closingMove(state: "done" | "cancelled" | "expired"): "done" | "cancel" | "expire" {
  return state === "done" ? "done" : state === "cancelled" ? "cancel" : "expire";
}

/** What an assignment becomes when its request closes: done with the request, else withdrawn. */
export function assignmentOnClose(state: "done" | "cancelled" | "expired"): "done" | "withdrawn" {
  return state === "done" ? "done" : "withdrawn";
}

/** Who is acting on a request, as far as the rules care. */
export interface Actor {
  personId: number;
  isCoordinator: boolean;
}

/** The parties of a request. */
export interface Parties {
  requesterId: number;
  helperId: number | null;
}

/** Who may mark a request done: the requester, the helper, or a coordinator. */
export function mayFinish(actor: Actor, parties: Parties): boolean {
  return actor.personId === parties.requesterId || actor.personId === parties.helperId || actor.isCoordinator;
}

/** Who may cancel a request: the requester or a coordinator (not the helper: they hand it back with decline). */
export function mayCancel(actor: Actor, parties: Parties): boolean {
  return actor.personId === parties.requesterId || actor.isCoordinator;
}

/** Who may hand an assigned request back: its helper only. */
export function mayHandBack(personId: number, parties: Parties): boolean {
  return parties.helperId !== null && personId === parties.helperId;
}

/** A ping still waiting for an answer. */
export const WAITING_PING: PingView["state"] = "sent";

/** Ping answers that count for a volunteer's reliability: accepted counts for, declined or timed out against. */
export function reliabilityOf(to: PingView["state"]): "accepted" | "missed" | null {
  return to === "accepted" ? "accepted" : to === "declined" || to === "expired" ? "missed" : null;
}

/**
 * What is due when a request's time is up: an untaken one expires; a taken one never marked done gets one reminder
 * to its requester and helper (it stays open for them to close); a closed one needs nothing.
 */
export function dueAtExpiry(request: { state: RequestState; helperId: number | null }): "expire" | "remind" | null {
  if (request.state === "assigned" && request.helperId !== null) return "remind";
  return request.state === "open" ? "expire" : null;
}
