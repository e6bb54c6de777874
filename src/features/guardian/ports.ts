/** Ports of guardian mode: elders in no chat (no smartphone, cannot type) and the coordinators who act for them. */

/** A person found by name, with what guardian mode needs to know of them. */
export interface GuardedPerson {
  personId: number;
  displayName: string;
  /** Who acts for them, if anyone. */
  guardianId: number | null;
  /** Whether they have an identity on any platform (someone in a chat is reached directly, not through a guardian). */
  hasIdentity: boolean;
}

/** Someone a guardian acts for, as their private list shows them. Private: has the room. */
export interface Ward {
  personId: number;
  displayName: string;
  buildingName: string | null;
  room: string | null;
}

/** People in guardian mode and their guardians. */
export interface Guardians {
  /** The person of this display name in the community (the first, when several share it), or null. */
  findByName(communityId: number, name: string): Promise<GuardedPerson | null>;
  /** A new person with no identity (an elder in no chat). */
  create(communityId: number, displayName: string): Promise<{ id: number }>;
  /** Set who acts for a person (null ends guardian mode). */
  setGuardian(personId: number, guardianId: number | null): Promise<void>;
  /** Who acts for a person, or null when nobody does. */
  guardianOf(personId: number): Promise<number | null>;
  /** The people a guardian acts for, by name. */
  wardsOf(guardianId: number): Promise<Ward[]>;
}
