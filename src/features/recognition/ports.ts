/** Ports of recognition: the month's confirmed help and thanks of a group's members, and each person's honours. */
import type { Lang } from "../../kernel/lang.ts";
import type { Platform } from "../../kernel/platform.ts";
import type { MonthHelper } from "./domain/stars.ts";

export type { MonthHelper } from "./domain/stars.ts";

/** A group chat a person is in: where a milestone they allow to be announced is said. */
export interface GroupChat {
  id: number;
  platform: Platform;
  externalId: string;
  title: string;
  lang: Lang;
}

/** A person's honours settings. */
export interface HonourView {
  /** Milestones may be announced in their groups (`/荣誉 公开`). */
  public: boolean;
  /** The highest milestone (hours) they were told of; 0 for none. */
  milestoneHours: number;
}

/** Honours. */
export interface Honours {
  /**
   * The members of a group chat with confirmed time-bank minutes (credits confirmed in [from, to), not reversed) or
   * thanks received in [from, to) (anywhere in the community), with their names and whether they may be named.
   */
  month(chatId: number, span: { from: Date; to: Date }): Promise<MonthHelper[]>;
  /** A person's confirmed time-bank minutes of all time (reversed credits do not count). */
  confirmedMinutes(personId: number): Promise<number>;
  get(personId: number): Promise<HonourView>;
  setPublic(personId: number, value: boolean): Promise<void>;
  /** Record that a milestone was told; false when it (or a higher one) already was: each is told once. */
  markMilestone(personId: number, hours: number): Promise<boolean>;
  /** The group chats a person is a member of. */
  groupsOf(personId: number): Promise<GroupChat[]>;
}
