/** Ports of regular visits (探访): rotas of volunteers visiting an elder weekly, and each week's visit. */
export type { VisitState } from "./domain/rota.ts";
import type { VisitState } from "./domain/rota.ts";

/** A rota to create: the elder, the weekly local time, the volunteers in turn order. */
export interface NewRota {
  communityId: number;
  elderId: number;
  weekday: number;
  minute: number;
  createdById: number;
  volunteerIds: number[];
}

/** A rota as use cases see it. */
export interface RotaView {
  id: number;
  communityId: number;
  elderId: number;
  elderName: string;
  weekday: number;
  minute: number;
  active: boolean;
  createdById: number;
  /** The volunteers in turn order. */
  members: Array<{ personId: number; name: string }>;
}

/** One week's visit by one volunteer. */
export interface VisitView {
  id: number;
  rotaId: number;
  elderId: number;
  elderName: string;
  volunteerId: number;
  volunteerName: string;
  week: number;
  dueAt: Date;
  state: VisitState;
  minutes: number | null;
  note: string | null;
  creditId: number | null;
}

/** Rotas and visits. */
export interface Visits {
  /** Create a rota; an elder's earlier active rota stops (one rota per elder). */
  createRota(rota: NewRota): Promise<{ id: number; replaced: number | null }>;
  rota(id: number): Promise<RotaView | null>;
  /** The active rotas a person is in (as a volunteer), for /mydata. */
  rotasOf(volunteerId: number): Promise<RotaView[]>;
  addVisit(visit: { rotaId: number; elderId: number; volunteerId: number; week: number; dueAt: Date }): Promise<{ id: number }>;
  visit(id: number): Promise<VisitView | null>;
  /** Every visit of a rota at one time (the week's volunteer and those who swapped), oldest first. */
  visitsAt(rotaId: number, dueAt: Date): Promise<VisitView[]>;
  /** A volunteer's scheduled visits due in [from, to), oldest first. */
  scheduledOf(volunteerId: number, from: Date, to: Date): Promise<VisitView[]>;
  /** Change a visit's state, with what was logged when it is done. */
  setState(id: number, state: VisitState, logged?: { minutes: number; note: string | null; creditId: number | null }): Promise<void>;
}
