/**
 * Ranking volunteers for a request in a generated community: 10,000 residents of whom 1,000 volunteer, 60 buildings in
 * 6 grids, varied skills, items, quiet hours and histories. Measures `rankVolunteers` itself (loading candidates from
 * the database arrives with the request use case).
 */
import type { Candidate } from "../src/features/requests/domain/rank-volunteers.ts";
import { rankVolunteers } from "../src/features/requests/domain/rank-volunteers.ts";

/** A small seeded random generator, so every run generates the same community. */
export function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

export const SKILLS = ["修水管", "电工", "开车", "陪聊", "读报", "辅导作业", "急救", "量血压", "买菜", "fix bikes", "tutoring"];
export const ITEMS = ["梯子", "电钻", "打气筒", "工具箱", "轮椅", "ladder", "drill"];

/** Median and worst milliseconds to rank 1,000 volunteers, over `runs` requests. */
export function matchFigures(runs = 200): { medianMs: number; worstMs: number; residents: number; volunteers: number } {
  const random = lcg(11);
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)]!;
  const residents = 10_000;
  const candidates: Candidate[] = [];
  for (let personId = 1; personId <= residents; personId += 1) {
    if (personId % 10 !== 0) continue; // one resident in ten volunteers
    const buildingId = 1 + Math.floor(random() * 60);
    candidates.push({
      personId,
      buildingId,
      gridId: 1 + Math.floor((buildingId - 1) / 10),
      active: random() > 0.05,
      skills: random() > 0.3 ? [pick(SKILLS), pick(SKILLS)] : [],
      items: random() > 0.6 ? [pick(ITEMS)] : [],
      hasCar: random() > 0.8,
      firstAid: random() > 0.85,
      medicalTraining: random() > 0.95,
      verified: random() > 0.7,
      quietFrom: random() > 0.5 ? 22 * 60 : null,
      quietTo: 7 * 60,
      availability: random() > 0.8 ? [{ days: [6, 7], from: 8 * 60, to: 20 * 60 }] : [],
      maxPingsPerDay: 5,
      pingsToday: Math.floor(random() * 4),
      pingsLast7Days: Math.floor(random() * 12),
      openAssignments: Math.floor(random() * 2),
      accepted: Math.floor(random() * 20),
      missed: Math.floor(random() * 10),
    });
  }
  const times: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const buildingId = 1 + (run % 60);
    const need = {
      requesterId: 1 + run,
      category: pick(["borrow", "repair", "ride", "errand", "care"] as const),
      text: `谁家有${pick(ITEMS)}借用一下`,
      buildingId,
      gridId: 1 + Math.floor((buildingId - 1) / 10),
      urgent: run % 7 === 0,
      sos: run % 50 === 0,
    };
    const start = performance.now();
    rankVolunteers(need, candidates, { weekday: 1 + (run % 7), minute: (run * 37) % 1440 });
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { medianMs: times[Math.floor(times.length / 2)]!, worstMs: times.at(-1)!, residents, volunteers: candidates.length };
}
