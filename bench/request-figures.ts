/**
 * A help request through the whole use case on a generated community in SQLite: 10,000 residents in 60 buildings of
 * 6 grids, 1,000 volunteers with identities, 3,000 past requests with 30,000 pings. Each measured message goes
 * through the real pipeline and handlers: parse, record, load the candidates and their ping history, rank, ping the
 * first wave, schedule the timeouts, write the outbox.
 */
import Database from "better-sqlite3";
import type { InboundMessage } from "../src/chat/types.ts";
import { systemClock } from "../src/kernel/clock.ts";
import { loadConfig } from "../src/config.ts";
import { createLinli } from "../src/linli.ts";
import { silentLogger } from "../src/logger.ts";
import { sqlitePath } from "../src/infra/database.ts";
import { ITEMS, SKILLS, lcg } from "./match-figures.ts";

const RESIDENTS = 10_000;
const BUILDINGS = 60;

/** p50 and p99 milliseconds of one request message, end to end in the process (no chat I/O). */
export async function requestFigures(url: string, runs = 200): Promise<{ p50: number; p99: number; pings: number }> {
  const config = loadConfig({ DATABASE_URL: url, LOG_LEVEL: "silent", RATE_LIMIT_PER_MINUTE: "1000000" });
  await (await createLinli({ config, clock: systemClock, log: silentLogger(), adapters: [], autoDispatch: false })).close(); // migrate
  generate(sqlitePath(url));
  const linli = await createLinli({ config, clock: systemClock, log: silentLogger(), adapters: [], autoDispatch: false });
  const times: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const chat = `楼群${(run % BUILDINGS) + 1}`;
    const message: InboundMessage = {
      id: `request-bench-${run}`,
      chat: { platform: "console", id: chat, kind: "group", title: chat },
      sender: { platform: "console", id: `requester-${run}`, displayName: `求助人${run}` },
      text: run % 3 === 0 ? "谁家有梯子借用一下" : run % 3 === 1 ? "谁能帮我修一下水管" : "有没有人明天能帮我取个快递",
      addressedToBot: false,
      mentions: [],
      sentAt: new Date(),
    };
    const start = performance.now();
    const outcome = await linli.pipeline.handle(message);
    times.push(performance.now() - start);
    if (outcome !== "handled") throw new Error(`request ${run} was ${outcome}`);
  }
  const pings = await linli.prisma.requestPing.count({ where: { request: { sourceText: { not: "bench history" } } } });
  await linli.close();
  times.sort((a, b) => a - b);
  return { p50: times[Math.floor(times.length / 2)]!, p99: times[Math.floor(times.length * 0.99)]!, pings };
}

function generate(file: string): void {
  const random = lcg(7);
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)]!;
  const db = new Database(file);
  const now = Date.now();
  const iso = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00");
  db.transaction(() => {
    db.prepare(`INSERT INTO "Community" ("id", "name", "createdAt") VALUES (1, '基准社区', ?)`).run(iso(now));
    const grid = db.prepare(`INSERT INTO "Grid" ("communityId", "name", "isDefault", "createdAt") VALUES (1, ?, ?, ?)`);
    for (let g = 1; g <= 6; g += 1) grid.run(`网格${g}`, g === 1 ? 1 : 0, iso(now));
    const building = db.prepare(`INSERT INTO "Building" ("communityId", "gridId", "key", "name", "createdAt") VALUES (1, ?, ?, ?, ?)`);
    const chat = db.prepare(
      `INSERT INTO "Chat" ("communityId", "platform", "externalId", "kind", "title", "locale", "buildingId", "createdAt") VALUES (1, 'console', ?, 'group', ?, 'zh-CN', ?, ?)`,
    );
    for (let b = 1; b <= BUILDINGS; b += 1) {
      building.run(1 + Math.floor((b - 1) / 10), String(b), `${b}栋`, iso(now));
      chat.run(`楼群${b}`, `楼群${b}`, b, iso(now));
    }
    const person = db.prepare(`INSERT INTO "Person" ("communityId", "displayName", "buildingId", "room", "createdAt") VALUES (1, ?, ?, ?, ?)`);
    const identity = db.prepare(`INSERT INTO "Identity" ("personId", "platform", "externalId", "displayName", "createdAt") VALUES (?, 'console', ?, ?, ?)`);
    const profile = db.prepare(
      `INSERT INTO "VolunteerProfile" ("personId", "skills", "items", "hasCar", "firstAid", "medicalTraining", "verified", "quietFrom", "quietTo", "pingsAccepted", "pingsMissed", "createdAt", "updatedAt")
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (let id = 1; id <= RESIDENTS; id += 1) {
      person.run(`居民${id}`, 1 + Math.floor(random() * BUILDINGS), String(100 + (id % 900)), iso(now));
      if (id % 10 !== 0) continue;
      identity.run(id, `居民${id}`, `居民${id}`, iso(now));
      const quiet = random() > 0.5;
      profile.run(
        id,
        JSON.stringify(random() > 0.3 ? [pick(SKILLS), pick(SKILLS)] : []),
        JSON.stringify(random() > 0.6 ? [pick(ITEMS)] : []),
        random() > 0.8 ? 1 : 0,
        random() > 0.85 ? 1 : 0,
        random() > 0.95 ? 1 : 0,
        random() > 0.7 ? 1 : 0,
        quiet ? 22 * 60 : null,
        quiet ? 7 * 60 : null,
        Math.floor(random() * 20),
        Math.floor(random() * 10),
        iso(now),
        iso(now),
      );
    }
    const request = db.prepare(
      `INSERT INTO "HelpRequest" ("communityId", "requesterId", "category", "what", "state", "sourceText", "createdAt") VALUES (1, ?, 'borrow', '梯子', 'done', 'bench history', ?)`,
    );
    const ping = db.prepare(`INSERT INTO "RequestPing" ("requestId", "volunteerId", "wave", "state", "sentAt") VALUES (?, ?, 1, ?, ?)`);
    for (let r = 1; r <= 3_000; r += 1) {
      const at = now - Math.floor(random() * 30 * 24 * 3600_000);
      request.run(1 + Math.floor(random() * RESIDENTS), iso(at));
      const asked = new Set<number>();
      while (asked.size < 10) asked.add(10 * (1 + Math.floor(random() * (RESIDENTS / 10))));
      for (const volunteer of asked) ping.run(r, volunteer, pick(["accepted", "declined", "expired", "taken"]), iso(at));
    }
  })();
  db.close();
}
