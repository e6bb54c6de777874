/**
 * Who to ask first for a help request: volunteers ranked by the ladder (same building → same grid → other grids →
 * whole community), then by fit (an item they lend, a skill that matches), fairness (fewer recent pings and open
 * assignments) and past reliability. Those who may not be asked are left out: the requester, inactive volunteers,
 * anyone in quiet hours, outside their availability or over their daily ping limit (an SOS ignores these three),
 * untrained volunteers for medical requests and unverified ones for childcare. Pure: everything comes in as data.
 */

/** A volunteer as the matcher sees them. */
export interface Candidate {
  personId: number;
  buildingId: number | null;
  gridId: number | null;
  active: boolean;
  skills: string[];
  items: string[];
  hasCar: boolean;
  firstAid: boolean;
  medicalTraining: boolean;
  verified: boolean;
  /** Quiet hours as minutes after local midnight (may wrap past midnight). */
  quietFrom: number | null;
  quietTo: number | null;
  /** Weekly windows; empty means any time. Days 1 (Monday) to 7. */
  availability: Array<{ days: number[]; from: number; to: number }>;
  maxPingsPerDay: number;
  pingsToday: number;
  pingsLast7Days: number;
  openAssignments: number;
  /** Past pings answered with an acceptance, and pings declined or left unanswered. */
  accepted: number;
  missed: number;
}

/** What is needed, and where. */
export interface Need {
  requesterId: number;
  category: "borrow" | "errand" | "repair" | "ride" | "childcare" | "care" | "companionship" | "medical" | "other";
  /** The request's words, for item and skill fit. */
  text: string;
  buildingId: number | null;
  gridId: number | null;
  urgent: boolean;
  sos: boolean;
}

/** The local time the ranking is for. */
export interface LocalTime {
  /** 1 (Monday) to 7 (Sunday). */
  weekday: number;
  /** Minutes after local midnight. */
  minute: number;
}

/** A volunteer who may be asked, with the ladder rung and the score that ordered them. */
export interface Ranked {
  personId: number;
  /** 0 same building, 1 same grid, 2 another grid, 3 anywhere in the community (no building known). */
  rung: 0 | 1 | 2 | 3;
  score: number;
  reasons: string[];
}

/** Words of the skills that fit each category (zh and en); items fit when the request names them. */
const CATEGORY_SKILLS: Record<Need["category"], RegExp> = {
  borrow: /(?!)/u,
  errand: /买菜|跑腿|代购|取快递|errand|shopping|groceries/iu,
  repair: /修|电工|水管|维修|装|电脑|plumb|electric|fix|repair|handy|computer/iu,
  ride: /开车|接送|司机|drive|driving|car/iu,
  childcare: /孩子|辅导|作业|看孩子|child|kids|tutor|babysit/iu,
  care: /护理|照顾|送饭|助浴|care|meals/iu,
  companionship: /陪伴|陪聊|聊天|读报|companion|chat|reading/iu,
  medical: /急救|量血压|护士|医生|first aid|nurse|doctor|medical/iu,
  other: /(?!)/u,
};

/** Rank the volunteers who may be asked, best first. */
export function rankVolunteers(need: Need, candidates: Candidate[], at: LocalTime): Ranked[] {
  const ranked: Ranked[] = [];
  for (const candidate of candidates) {
    if (!eligible(need, candidate, at)) continue;
    const reasons: string[] = [];
    let score = 0;
    const item = candidate.items.find((name) => name && need.text.includes(name));
    if (item) {
      score += 40;
      reasons.push(`lends ${item}`);
    }
    const skill = candidate.skills.find((name) => CATEGORY_SKILLS[need.category].test(name) || (name && need.text.includes(name)));
    if (skill) {
      score += 30;
      reasons.push(`skill ${skill}`);
    }
    if (need.category === "ride" && candidate.hasCar) score += 30;
    if (need.sos && candidate.firstAid) score += 50;
    if (need.sos && candidate.medicalTraining) score += 20;
    const answered = candidate.accepted + candidate.missed;
    score += answered === 0 ? 5 : Math.round((candidate.accepted / answered) * 10); // reliability, 0..10
    score -= Math.min(candidate.pingsLast7Days, 10) + 5 * candidate.openAssignments; // fairness
    ranked.push({ personId: candidate.personId, rung: rungOf(need, candidate), score, reasons });
  }
  return ranked.sort((a, b) => a.rung - b.rung || b.score - a.score || a.personId - b.personId);
}

/** The next wave: up to `size` ranked volunteers not pinged yet, in ladder order (so later waves climb the ladder). */
export function nextWave(ranked: Ranked[], alreadyPinged: ReadonlySet<number>, size = 3): Ranked[] {
  return ranked.filter((volunteer) => !alreadyPinged.has(volunteer.personId)).slice(0, size);
}

function eligible(need: Need, c: Candidate, at: LocalTime): boolean {
  if (!c.active || c.personId === need.requesterId) return false;
  if (need.category === "medical" && !c.medicalTraining) return false;
  if (need.category === "childcare" && !c.verified) return false;
  if (need.sos) return true; // an emergency ignores quiet hours, availability and ping limits
  if (c.pingsToday >= c.maxPingsPerDay) return false;
  if (inQuietHours(c, at.minute)) return false;
  return c.availability.length === 0 || c.availability.some((w) => w.days.includes(at.weekday) && at.minute >= w.from && at.minute < w.to);
}

/** Whether `minute` falls in the volunteer's quiet hours (which may wrap past midnight, e.g. 22:00–07:00). */
export function inQuietHours(c: Pick<Candidate, "quietFrom" | "quietTo">, minute: number): boolean {
  if (c.quietFrom === null || c.quietTo === null || c.quietFrom === c.quietTo) return false;
  return c.quietFrom < c.quietTo ? minute >= c.quietFrom && minute < c.quietTo : minute >= c.quietFrom || minute < c.quietTo;
}

function rungOf(need: Need, c: Candidate): Ranked["rung"] {
  if (need.buildingId !== null && c.buildingId === need.buildingId) return 0;
  if (need.gridId !== null && c.gridId === need.gridId) return 1;
  return c.gridId !== null && need.gridId !== null ? 2 : 3;
}
