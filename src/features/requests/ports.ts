/** Ports of the help-request context: requests, their pings and assignments, pending credits, and who to reach. */
import type { Lang } from "../../kernel/lang.ts";
import type { Candidate } from "./domain/rank-volunteers.ts";
import type { HelpCategory, RequestState } from "./domain/policy.ts";
import type { Platform } from "../../kernel/platform.ts";

export type { HelpCategory, RequestState } from "./domain/policy.ts";

/** A new help request. */
export interface NewHelpRequest {
  communityId: number;
  requesterId: number;
  chatId: number | null;
  buildingId: number | null;
  category: HelpCategory;
  what: string;
  urgent: boolean;
  sourceText: string;
  neededAt?: Date | null;
  place?: string | null;
}

/** A help request as use cases see it. */
export interface HelpRequestView {
  id: number;
  communityId: number;
  requesterId: number;
  requesterName: string;
  chatId: number | null;
  /** The group it was asked in: where confirmations go, and the language to use. */
  chat: { platform: Platform; externalId: string; lang: Lang; kind: "group" | "private" } | null;
  buildingId: number | null;
  buildingName: string | null;
  gridId: number | null;
  /** Where exactly (an SOS's place as said). Private. */
  place: string | null;
  category: HelpCategory;
  what: string;
  urgent: boolean;
  state: RequestState;
  createdAt: Date;
  neededAt: Date | null;
  /** The volunteer of the active assignment, if any. */
  helper: { personId: number; displayName: string; assignedAt: Date } | null;
}

/** A ping sent for a request (for an SOS: an alert, "accepted" meaning acknowledged). */
export interface PingView {
  volunteerId: number;
  wave: number;
  state: "sent" | "accepted" | "declined" | "expired" | "taken";
}

/** Help requests, their pings and assignments. */
export interface HelpRequests {
  open(request: NewHelpRequest): Promise<{ id: number }>;
  get(id: number): Promise<HelpRequestView | null>;
  /** Every active volunteer of the community, with the figures the matcher needs (as of now). */
  candidates(communityId: number): Promise<Candidate[]>;
  pings(requestId: number): Promise<PingView[]>;
  addPings(requestId: number, wave: number, volunteerIds: number[]): Promise<void>;
  /** Move a ping from one of `from` to `to`; false when it was not in one of `from` (answered already, never sent). */
  answerPing(requestId: number, volunteerId: number, from: PingView["state"][], to: PingView["state"]): Promise<boolean>;
  /** Mark every ping still "sent" as `to`; returns the volunteers whose ping changed. */
  closePings(requestId: number, to: "expired" | "taken"): Promise<number[]>;
  /** First acceptance wins: open → assigned with an active assignment; false when someone else was first. */
  assign(requestId: number, volunteerId: number): Promise<boolean>;
  /** The helper hands an assigned request back: assigned → open, their assignment withdrawn; false if not theirs. */
  unassign(requestId: number, volunteerId: number): Promise<boolean>;
  /** Close an open or assigned request (the assignment too); false when it was closed already. */
  close(requestId: number, state: "done" | "cancelled" | "expired", minutesSpent?: number): Promise<boolean>;
  /** Open and assigned requests made by a person, newest first. */
  activeOf(requesterId: number): Promise<HelpRequestView[]>;
  /** Open and assigned requests of buildings in these grids, newest first. */
  activeInGrids(gridIds: number[]): Promise<HelpRequestView[]>;
  /** Assigned requests a person is helping with, newest first. */
  helpingWith(volunteerId: number): Promise<HelpRequestView[]>;
}

/**
 * How to reach a person privately: their identity on a platform, and a group to mention them in if that fails. For a
 * person in guardian mode (no identity, a guardian acting for them) it is their guardian's reach, with `onBehalfOf`
 * naming them: `tell` opens such messages with "（代李奶奶）".
 */
export interface Reach {
  personId: number;
  platform: Platform;
  userId: string;
  displayName: string;
  lang: Lang | null;
  fallbackChatId?: string;
  /** Set when this is the guardian's reach for the person they act for: that person. */
  onBehalfOf?: { personId: number; displayName: string };
}

/** Where someone lives (private). */
export interface Residence {
  buildingId: number;
  buildingName: string;
  room: string | null;
  gridId: number | null;
  phone: string | null;
}

/** The people and places a request touches. */
export interface People {
  /**
   * A person's private reach, preferring `platform` and a fallback group they share with `nearChatId`; for a person
   * with no identity and a guardian, the guardian's (with `onBehalfOf`).
   */
  reach(personId: number, platform?: Platform, nearChatId?: number | null): Promise<Reach | null>;
  residence(personId: number): Promise<Residence | null>;
  /** The building and grid a group chat is bound to. */
  chatPlace(chatId: number): Promise<{ buildingId: number | null; gridId: number | null }>;
  /** Captains of a grid. */
  captainsOf(gridId: number): Promise<number[]>;
  /** Every grid captain of a community. */
  captainsOfCommunity(communityId: number): Promise<number[]>;
  /** Coordinators of a community. */
  coordinatorsOf(communityId: number): Promise<number[]>;
  /** The grids a person captains. */
  gridsCaptainedBy(personId: number): Promise<number[]>;
  /** The time zone of a community (for quiet hours and availability). */
  timeZoneOf(communityId: number): Promise<string>;
}
