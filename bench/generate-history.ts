/**
 * A realistic multi-year history for benchmarks: one community ("幸福里社区") of `residents` people in 100 buildings
 * of 10 grids, one group chat per building, and `years` of activity ending at `now` — help requests (with their
 * assignments and SOS pings), a double-entry time-bank ledger (credits, transfers, donations, reversals), pending
 * credits, good deeds, reports, mediation cases, daily check-ins and events with sign-ups.
 *
 * The schema comes from the project's migrations (applied through `openDatabase`); the rows are then written straight
 * with better-sqlite3 prepared statements inside a few large transactions, which is orders of magnitude faster than the
 * Prisma client: the default bench size (10,000 residents, 500,000 requests, 2,000,000 ledger entries) takes well
 * under a minute.
 *
 * Values are written exactly as Prisma 7's better-sqlite3 adapter writes them, so Prisma reads and filters the rows
 * like its own: DateTime columns as ISO-8601 text with milliseconds and an explicit UTC offset
 * ("2026-03-04T05:06:07.089+00:00"), Boolean columns as the integers 1 and 0.
 *
 * Everything is drawn from a seeded mulberry32 generator and ids are explicit (in creation order), so the same options
 * always give the same database. Ids are chosen so that Community is 1, Grid n is "网格n", Building n has key "n", the
 * group chat of building n has id n, and the time account of person n has id n (the fund comes last).
 */
import Database from "better-sqlite3";
import { rmSync } from "node:fs";
import { resolve } from "node:path";
import { openDatabase } from "../src/infra/database.ts";

/** What to generate. `requests` and `ledgerEntries` are approximate targets (ledger entries come in pairs). */
export interface HistoryOptions {
  now: Date;
  residents: number;
  requests: number;
  ledgerEntries: number;
  years: number;
  seed?: number;
}

/** The ids a benchmark needs to address the generated community, and the row count of every table. */
export interface GeneratedHistory {
  communityId: number;
  gridIds: number[];
  captainIds: number[];
  coordinatorIds: number[];
  groupChatIds: number[];
  counts: Record<string, number>;
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Asia/Shanghai: UTC+8 all year. */
const TZ_OFFSET = 8 * HOUR;
const COMMUNITY_ID = 1;
const GRIDS = 10;
const BUILDINGS = 100;
/** Credits of the last five weeks get their confirmed PendingCredit row (older ones would be huge and are never read). */
const CREDIT_WINDOW = 35 * DAY;
/** The default time-bank policy's overdraft (policy.ts): a beneficiary never pays below -10 hours. */
const NEGATIVE_LIMIT = 10 * 60;

const TWO = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, "0"));
const THREE = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, "0"));
const dayPrefixes = new Map<number, string>();

/**
 * Prisma 7 (better-sqlite3 adapter) DateTime text: ISO-8601 in UTC with milliseconds and "+00:00", exactly
 * `${date.toISOString().slice(0, 23)}+00:00`; built by hand because millions of toISOString calls cost seconds.
 */
function iso(time: number): string {
  const ms = Math.floor(time);
  const day = Math.floor(ms / DAY);
  let prefix = dayPrefixes.get(day);
  if (prefix === undefined) {
    prefix = new Date(day * DAY).toISOString().slice(0, 11);
    dayPrefixes.set(day, prefix);
  }
  let rest = ms - day * DAY;
  const h = Math.floor(rest / HOUR);
  rest -= h * HOUR;
  const m = Math.floor(rest / MINUTE);
  rest -= m * MINUTE;
  const s = Math.floor(rest / SECOND);
  return `${prefix}${TWO[h]!}:${TWO[m]!}:${TWO[s]!}.${THREE[rest - s * SECOND]!}+00:00`;
}

/** mulberry32: a tiny, fast, seeded 32-bit generator. */
class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.next() * list.length)]!;
  }

  /** An index drawn with the given (not necessarily normalised) weights. */
  weighted(weights: readonly number[]): number {
    let total = 0;
    for (const w of weights) total += w;
    let r = this.next() * total;
    for (let i = 0; i < weights.length; i += 1) {
      r -= weights[i]!;
      if (r < 0) return i;
    }
    return weights.length - 1;
  }
}

// ---------------------------------------------------------------------------------------------------------------------
// Vocabulary

const SURNAMES = [..."王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢"];
const GIVEN = [..."伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀英华慧巧美娴淑惠珠翠雅芝玉萍红玲芬燕彩春菊兰凤洁梅琳素云莲真环雪荣爱妹霞香月莺媛瑞凡佳嘉琼勤珍贞莉桂娣叶璧璐娅琦晶妍茜秋珊莎锦黛青倩婷姣婉娴瑾颖露瑶怡婵雁蓓纨仪荷丹蓉眉君琴蕊薇菁梦岚苑婕馨瑗琰韵融园艺咏卿聪澜纯毓悦昭冰爽琬茗羽希宁欣飘育滢馥筠柔竹霭凝晓欢霄枫芸菲寒伊亚宜可姬舒影荔枝思丽"];
const ENGLISH_NAMES = ["Alice", "Ben", "Chloe", "David", "Emma", "Frank", "Grace", "Henry", "Iris", "Jack", "Kate", "Leo"];

const REQUEST_CATEGORIES = ["borrow", "errand", "repair", "ride", "childcare", "care", "companionship", "medical", "other"] as const;
const REQUEST_WEIGHTS = [25, 18, 15, 8, 6, 8, 6, 6, 8];
type RequestCategory = (typeof REQUEST_CATEGORIES)[number] | "sos";

const WHAT: Record<RequestCategory, readonly string[]> = {
  borrow: ["借梯子用一下", "借个电钻", "借打气筒", "借用轮椅两天", "借一把雨伞", "借个充电宝", "借螺丝刀", "借折叠桌椅"],
  errand: ["帮忙取个快递", "帮忙买点菜", "帮忙代买药品", "帮忙倒一下垃圾", "帮忙寄个快递", "帮忙交一下水电费"],
  repair: ["水龙头漏水，求帮忙修", "灯泡坏了换不了", "门锁坏了", "电脑开不了机", "马桶堵了", "自行车链条掉了"],
  ride: ["明早送孩子去学校", "搭车去火车站", "去医院复查，求顺路车", "周末去超市搭个车"],
  childcare: ["下午帮忙照看孩子两小时", "帮忙接孩子放学", "周六上午帮看一下孩子"],
  care: ["帮老人量一下血压", "陪老人散散步", "给独居老人送个饭", "帮老人洗个头"],
  companionship: ["陪老人聊聊天", "陪同去社区活动", "周末陪老人下棋", "陪老人去公园"],
  medical: ["陪同去医院看病", "帮忙换药", "需要会打针的邻居", "帮忙挂个号"],
  other: ["帮忙搬家具", "找人帮忙填个表", "帮忙看一下猫", "帮忙装个软件", "帮忙贴春联"],
  sos: ["家里老人摔倒了，急需帮助", "突然胸口疼，求助", "孩子高烧不退，急需帮忙", "家里水管爆了，急", "老人走失了，请大家帮忙找"],
};
const REQUEST_PREFIX = ["求助：", "有没有邻居能", "谁能", "麻烦大家，", ""];
const PLACES = ["小区东门", "小区西门", "快递柜", "地下车库", "小区广场", "物业办公室", "社区活动室"];

const CREDIT_CATEGORIES = ["A", "B", "C", "culture"] as const;
const CREDIT_WEIGHTS = [49, 34, 15, 2];
const CREDIT_MEMO: Record<(typeof CREDIT_CATEGORIES)[number], readonly string[]> = {
  A: ["帮忙买菜", "帮忙取快递", "修水龙头", "换灯泡", "帮忙搬东西", "打扫楼道", "帮忙修电脑"],
  B: ["陪老人聊天", "陪同散步", "读报给老人听", "陪下棋", "陪同参加活动"],
  C: ["陪同就医", "夜间紧急帮忙", "送老人去医院", "紧急照看孩子"],
  culture: ["教书法", "教太极拳", "英语角", "教用智能手机"],
};
const REQUEST_TO_CREDIT: Record<RequestCategory, (typeof CREDIT_CATEGORIES)[number]> = {
  borrow: "A", errand: "A", repair: "A", ride: "A", childcare: "A", other: "A",
  care: "B", companionship: "B", medical: "C", sos: "C",
};

const THANKS = ["谢谢帮忙搬东西", "谢谢借我梯子", "感谢帮忙取快递", "谢谢陪我妈聊天", "谢谢帮忙修水管", "谢谢送我去医院", "谢谢帮忙照看孩子"];
const REPORT_KINDS: readonly (readonly [string, readonly string[]])[] = [
  ["lighting", ["楼道灯不亮了", "路灯坏了，晚上很黑"]],
  ["elevator", ["电梯又停了", "电梯按钮失灵"]],
  ["rubbish", ["垃圾桶满了没人清", "楼下有人乱扔垃圾"]],
  ["leak", ["楼顶漏水", "楼道水管滴水"]],
  ["noise", ["晚上施工太吵", "广场舞声音太大"]],
  ["parking", ["消防通道被车堵了", "电动车在楼道充电"]],
  ["greenery", ["树枝快碰到电线了", "草坪被踩坏了"]],
];
const MEDIATION_KINDS: readonly (readonly [string, string])[] = [
  ["noise", "楼上楼下噪音纠纷"],
  ["leak", "楼上漏水到楼下，赔偿有分歧"],
  ["parking", "车位被占引发争执"],
  ["pets", "宠物扰民"],
  ["renovation", "装修时间和垃圾堆放的纠纷"],
];
const EVENT_TITLES = ["邻里茶话会", "健康讲座", "亲子手工课", "义诊活动", "电影之夜", "书法交流", "旧物交换", "包饺子活动", "智能手机教学"];
const DUTY_TITLES = ["垃圾分类值守", "门岗值班", "楼道清扫", "防汛巡查", "夜间巡逻"];
const EVENT_PLACES = ["社区活动室", "小区广场", "党群服务中心", "楼下花园", "老年活动中心"];
const SKILLS = ["修理", "电脑", "跑腿", "陪伴", "照看孩子", "开车", "做饭", "医护", "搬运", "理发"];
const ITEMS = ["梯子", "电钻", "打气筒", "轮椅", "雨伞", "充电宝", "折叠桌", "工具箱"];

// ---------------------------------------------------------------------------------------------------------------------

/** Hourly weights of local activity (people post in the day, little at night). */
const HOUR_WEIGHTS = [1, 0.5, 0.3, 0.2, 0.2, 0.5, 2, 5, 8, 9, 9, 8, 7, 7, 8, 8, 8, 7, 7, 8, 8, 6, 4, 2];

/** `n` instants between `from` and `to`, uniform by day, weighted by local hour of day, sorted ascending. */
function activityTimes(rng: Rng, n: number, from: number, to: number): Float64Array {
  const out = new Float64Array(n);
  const span = to - from;
  for (let i = 0; i < n; i += 1) {
    const t = from + rng.next() * span;
    const dayStart = Math.floor((t + TZ_OFFSET) / DAY) * DAY - TZ_OFFSET;
    const moved = dayStart + rng.weighted(HOUR_WEIGHTS) * HOUR + rng.next() * HOUR;
    out[i] = Math.floor(moved >= from && moved <= to ? moved : t);
  }
  return out.sort();
}

/** Number of leading values of the ascending `sorted` that are <= t. */
function countUpTo(sorted: Float64Array, t: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** 15 to 240 minutes in quarter hours, mostly 30 to 120. */
function serviceMinutes(rng: Rng): number {
  return 15 * rng.pick([1, 2, 2, 3, 4, 4, 4, 5, 6, 6, 8, 8, 10, 12, 16]);
}

interface Deed {
  helperId: number;
  beneficiaryId: number | null;
  chatId: number | null;
  kind: "thanks" | "request" | "credit";
  description: string;
  private: number;
  at: number;
}

interface Credit {
  helperId: number;
  beneficiaryId: number | null;
  minutes: number;
  category: string;
  source: "service_log" | "request";
  sourceId: number | null;
  description: string;
  startedById: number;
  chatId: number;
  state: "pending" | "confirmed" | "disputed";
  transferId: number | null;
  createdAt: number;
  decidedAt: number | null;
}

interface DoneRequest {
  id: number;
  volunteerId: number;
  requesterId: number;
  chatId: number;
  category: RequestCategory;
  what: string;
  minutes: number;
  closedAt: number;
}

interface EventRow {
  chatId: number;
  gridId: number;
  organiserId: number;
  title: string;
  place: string;
  startsAt: number;
  createdAt: number;
  capacity: number | null;
  deadline: number | null;
  kind: "activity" | "duty";
  creditMinutes: number;
  state: "open" | "cancelled" | "done";
}

/** Create a fresh database at `databasePath` with the project's schema and fill it with a generated history. */
export async function generateHistory(databasePath: string, options: HistoryOptions): Promise<GeneratedHistory> {
  const path = resolve(databasePath);
  const residents = Math.floor(options.residents);
  if (residents < 3) throw new Error("generateHistory needs at least 3 residents");
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(path + suffix, { force: true });
  const prisma = await openDatabase(`file:${path}`);
  await prisma.$disconnect();

  const rng = new Rng(options.seed ?? 20261128);
  const now = options.now.getTime();
  const startDate = new Date(now);
  startDate.setUTCFullYear(startDate.getUTCFullYear() - options.years);
  const start = startDate.getTime();
  const founded = start - 60 * DAY;
  const creditWindowStart = now - CREDIT_WINDOW;

  const db = new Database(path);
  db.pragma("journal_mode = OFF");
  db.pragma("synchronous = OFF");
  db.pragma("cache_size = -262144");
  db.pragma("temp_store = MEMORY");
  db.pragma("foreign_keys = OFF"); // rows reference rows written later in the same transaction (a request's pings)
  db.pragma("threads = 2"); // SQLite's sorter may use a helper thread to build the indexes
  // Bulk loading without the secondary indexes and building them afterwards (from their own DDL, so the schema is
  // unchanged) is much faster than updating them row by row; unique indexes then also check the data once.
  const indexes = db
    .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY rowid`)
    .all() as { name: string; sql: string }[];
  for (const { name } of indexes) db.exec(`DROP INDEX "${name}"`);
  const insert = (table: string, columns: readonly string[]) =>
    db.prepare(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`);

  // --- People, in joining order: 60% before the history starts, the rest joining through it. ----------------------
  const early = Math.max(2, Math.round(residents * 0.6));
  const joinedAt = new Float64Array(residents);
  for (let i = 0; i < residents; i += 1) {
    joinedAt[i] = Math.floor(i < early ? founded + rng.next() * (start - founded) : start + rng.next() * (now - start));
  }
  joinedAt.subarray(0, early).sort();
  joinedAt.subarray(early).sort();
  const personBuilding = new Int32Array(residents + 1);
  const buildingResidents: number[][] = Array.from({ length: BUILDINGS + 1 }, () => []);
  for (let p = 1; p <= residents; p += 1) {
    const b = rng.int(1, BUILDINGS);
    personBuilding[p] = b;
    buildingResidents[b]!.push(p);
  }
  const gridOf = (building: number) => Math.floor((building - 1) / (BUILDINGS / GRIDS)) + 1;
  const joined = (p: number) => joinedAt[p - 1]!;
  const eligible = (t: number) => Math.max(2, countUpTo(joinedAt, t));
  const pickPerson = (t: number) => 1 + Math.floor(rng.next() * eligible(t));
  const pickPersonExcept = (t: number, except: number) => {
    const n = eligible(t);
    for (let tries = 0; tries < 8; tries += 1) {
      const p = 1 + Math.floor(rng.next() * n);
      if (p !== except) return p;
    }
    return except === 1 ? 2 : 1;
  };

  // Captains: the first resident of each grid; coordinators: the first two early residents who are not captains.
  const gridIds = Array.from({ length: GRIDS }, (_, i) => i + 1);
  const captainIds = gridIds.map((g) => {
    for (let p = 1; p <= early; p += 1) if (gridOf(personBuilding[p]!) === g) return p;
    return ((g - 1) % early) + 1;
  });
  const coordinatorIds: number[] = [];
  for (let p = 1; p <= residents && coordinatorIds.length < 2; p += 1) if (!captainIds.includes(p)) coordinatorIds.push(p);
  const staff = [...captainIds, ...coordinatorIds];

  // Volunteers: ~10% of residents, and every captain and coordinator.
  const isVolunteer = new Uint8Array(residents + 1);
  for (let p = 1; p <= residents; p += 1) if (rng.chance(0.1)) isVolunteer[p] = 1;
  for (const p of staff) isVolunteer[p] = 1;
  const volunteerIds: number[] = [];
  for (let p = 1; p <= residents; p += 1) if (isVolunteer[p] === 1) volunteerIds.push(p);
  const volunteerJoined = Float64Array.from(volunteerIds, (p) => joined(p));
  // Long-standing volunteers do more: skewed towards those who joined first.
  const pickVolunteer = (t: number, except = 0) => {
    const n = Math.max(1, countUpTo(volunteerJoined, t));
    for (let tries = 0; tries < 8; tries += 1) {
      const v = volunteerIds[Math.floor(n * rng.next() ** 1.5)]!;
      if (v !== except) return v;
    }
    return volunteerIds.find((v) => v !== except) ?? volunteerIds[0]!;
  };

  const names: string[] = [""];
  const locales: (string | null)[] = [null];
  for (let p = 1; p <= residents; p += 1) {
    if (rng.chance(0.02)) {
      names.push(`${rng.pick(ENGLISH_NAMES)} ${rng.pick(["Wang", "Smith", "Lee", "Chen", "Brown"])}`);
      locales.push("en");
    } else {
      const given = rng.pick(GIVEN) + (rng.chance(0.6) ? rng.pick(GIVEN) : "");
      names.push(rng.pick(SURNAMES) + given);
      locales.push(null);
    }
  }
  const phoneOf = (p: number) => `1${[3, 5, 8, 9][p % 4]}${String(100_000_000 + ((p * 7_919_371) % 900_000_000)).slice(0, 9)}`;

  // --- Community, grids, buildings, chats, people, identities, memberships, roles, accounts ------------------------
  const fundAccount = residents + 1;
  db.transaction(() => {
    const f = iso(founded);
    insert("Community", ["id", "name", "timeZone", "locale", "settings", "createdAt"]).run(COMMUNITY_ID, "幸福里社区", "Asia/Shanghai", "zh-CN", "{}", f);
    const grid = insert("Grid", ["id", "communityId", "name", "isDefault", "createdAt"]);
    for (const g of gridIds) grid.run(g, COMMUNITY_ID, `网格${g}`, 0, f);
    const building = insert("Building", ["id", "communityId", "gridId", "key", "name", "createdAt"]);
    const chat = insert("Chat", ["id", "communityId", "platform", "externalId", "kind", "title", "locale", "buildingId", "gridId", "createdAt"]);
    for (let b = 1; b <= BUILDINGS; b += 1) {
      building.run(b, COMMUNITY_ID, gridOf(b), String(b), `${b}栋`, f);
      chat.run(b, COMMUNITY_ID, "console", `group-${b}`, "group", `${b}栋邻里群`, "zh-CN", b, gridOf(b), f);
    }
    const person = insert("Person", ["id", "communityId", "displayName", "locale", "phone", "buildingId", "room", "nameInSummary", "createdAt"]);
    const identity = insert("Identity", ["id", "personId", "platform", "externalId", "displayName", "canMessage", "createdAt"]);
    const membership = insert("Membership", ["id", "chatId", "personId", "alias", "isAdmin", "joinedAt"]);
    const account = insert("TimeAccount", ["id", "communityId", "personId", "kind", "createdAt"]);
    for (let p = 1; p <= residents; p += 1) {
      const at = iso(joined(p));
      const b = personBuilding[p]!;
      const room = `${rng.int(1, 3)}-${rng.int(1, 18)}0${rng.int(1, 4)}`;
      person.run(p, COMMUNITY_ID, names[p]!, locales[p]!, rng.chance(0.95) ? phoneOf(p) : null, b, room, rng.chance(0.9) ? 1 : 0, at);
      identity.run(p, p, "console", `p${p}`, names[p]!, rng.chance(0.95) ? 1 : 0, at);
      membership.run(p, b, p, rng.chance(0.05) ? `${b}栋${names[p]!}` : null, staff.includes(p) ? 1 : 0, at);
      account.run(p, COMMUNITY_ID, p, "person", at);
    }
    account.run(fundAccount, COMMUNITY_ID, null, "fund", f);
    const role = insert("RoleAssignment", ["id", "communityId", "personId", "role", "gridId", "createdAt"]);
    let roleId = 0;
    captainIds.forEach((p, i) => role.run(++roleId, COMMUNITY_ID, p, "grid_captain", gridIds[i]!, f));
    for (const p of coordinatorIds) role.run(++roleId, COMMUNITY_ID, p, "coordinator", null, f);
  })();

  // --- Help requests, assignments, SOS pings ------------------------------------------------------------------------
  const requestCount = Math.max(0, Math.floor(options.requests));
  const ledgerTransfers = Math.max(0, Math.floor(options.ledgerEntries / 2));
  const deedTarget = Math.round(requestCount * 0.3);
  const requestDeedChance = Math.min(1, (deedTarget * 0.4) / Math.max(1, requestCount * 0.7));
  const creditDeedChance = Math.min(1, (deedTarget * 0.25) / Math.max(1, ledgerTransfers * 0.85));
  const deeds: Deed[] = [];
  const recentDone: DoneRequest[] = [];
  const pingsAccepted = new Int32Array(residents + 1);
  const pingsMissed = new Int32Array(residents + 1);
  const lastPing = new Float64Array(residents + 1);

  db.transaction(() => {
    const request = insert("HelpRequest", [
      "id", "communityId", "requesterId", "chatId", "buildingId", "category", "what", "neededAt", "place", "urgent", "state",
      "sourceText", "minutesSpent", "createdAt", "closedAt",
    ]);
    const assignment = insert("RequestAssignment", ["id", "requestId", "volunteerId", "state", "assignedAt", "doneAt"]);
    const ping = insert("RequestPing", ["id", "requestId", "volunteerId", "wave", "state", "sentAt", "answeredAt"]);
    const times = activityTimes(rng, requestCount, start, now);
    let assignmentId = 0;
    let pingId = 0;
    for (let i = 0; i < requestCount; i += 1) {
      const id = i + 1;
      const t = times[i]!;
      const requester = pickPerson(t);
      const b = personBuilding[requester]!;
      const sos = rng.chance(0.01);
      const category: RequestCategory = sos ? "sos" : REQUEST_CATEGORIES[rng.weighted(REQUEST_WEIGHTS)]!;
      const what = rng.pick(WHAT[category]);
      const outcome = sos ? 0 : rng.weighted([70, 12, 18]); // done | cancelled | expired
      let state: string;
      let closedAt: number | null = null;
      let minutesSpent: number | null = null;
      if (outcome === 0) {
        const volunteer = pickVolunteer(t, requester);
        let assignedAt: number;
        let closeAt: number;
        if (sos) {
          const answeredAt = t + rng.int(30, 600) * SECOND;
          const answered = answeredAt <= now;
          ping.run(++pingId, id, volunteer, 1, answered ? "accepted" : "sent", iso(t), answered ? iso(answeredAt) : null);
          if (answered) {
            pingsAccepted[volunteer] = pingsAccepted[volunteer]! + 1;
            lastPing[volunteer] = Math.max(lastPing[volunteer]!, answeredAt);
          }
          const others = new Set([volunteer, requester]);
          for (let k = 0; k < 3; k += 1) {
            const other = pickVolunteer(t, requester);
            if (others.has(other)) continue;
            others.add(other);
            const declined = rng.chance(0.3);
            const at = t + rng.int(20, 300) * SECOND;
            if (declined && at <= now) {
              pingsMissed[other] = pingsMissed[other]! + 1;
              lastPing[other] = Math.max(lastPing[other]!, at);
              ping.run(++pingId, id, other, 1, "declined", iso(t), iso(at));
            } else {
              ping.run(++pingId, id, other, 1, answered ? "taken" : "sent", iso(t), null);
            }
          }
          assignedAt = answeredAt;
          closeAt = assignedAt + rng.int(30, 180) * MINUTE + rng.int(0, 59) * SECOND;
        } else {
          assignedAt = t + rng.int(1, 600) * MINUTE + rng.int(0, 59) * SECOND;
          closeAt = Math.max(t + rng.int(1, 72) * HOUR + rng.int(0, 3599) * SECOND, assignedAt + rng.int(15, 120) * MINUTE);
        }
        if (closeAt <= now) {
          state = "done";
          closedAt = closeAt;
          if (rng.chance(0.6)) minutesSpent = serviceMinutes(rng);
          assignment.run(++assignmentId, id, volunteer, "done", iso(assignedAt), iso(closeAt));
          if (closeAt >= creditWindowStart - 2 * DAY) {
            recentDone.push({ id, volunteerId: volunteer, requesterId: requester, chatId: b, category, what, minutes: minutesSpent ?? serviceMinutes(rng), closedAt: closeAt });
          }
          if (rng.chance(requestDeedChance)) {
            const secret = category === "medical" || category === "care" || category === "sos" || rng.chance(0.02);
            deeds.push({ helperId: volunteer, beneficiaryId: requester, chatId: b, kind: "request", description: what, private: secret ? 1 : 0, at: closeAt });
          }
        } else if (assignedAt <= now) {
          state = "assigned";
          assignment.run(++assignmentId, id, volunteer, "active", iso(assignedAt), null);
        } else {
          state = "open";
        }
      } else {
        const closeAt = t + (outcome === 2 ? rng.int(24, 72) : rng.int(1, 72)) * HOUR + rng.int(0, 3599) * SECOND;
        if (closeAt <= now) {
          state = outcome === 1 ? "cancelled" : "expired";
          closedAt = closeAt;
        } else {
          state = "open";
        }
      }
      const neededAt = rng.chance(0.35) ? Math.ceil((t + rng.int(1, 48) * HOUR) / HOUR) * HOUR : null;
      const place = sos ? `${b}栋` : rng.chance(0.3) ? rng.pick(PLACES) : null;
      const urgent = sos || (category === "medical" ? rng.chance(0.3) : rng.chance(0.03));
      request.run(
        id, COMMUNITY_ID, requester, b, b, category, what, neededAt === null ? null : iso(neededAt), place, urgent ? 1 : 0, state,
        `${sos ? "SOS " : rng.pick(REQUEST_PREFIX)}${what}`, minutesSpent, iso(t), closedAt === null ? null : iso(closedAt),
      );
    }
  })();
  recentDone.sort((a, b) => a.closedAt - b.closedAt);

  // --- Volunteer profiles (after the pings, whose counts they carry) ------------------------------------------------
  db.transaction(() => {
    const profile = insert("VolunteerProfile", [
      "id", "personId", "active", "skills", "items", "hasCar", "firstAid", "medicalTraining", "verified", "availability",
      "quietFrom", "quietTo", "maxPingsPerDay", "pingsAccepted", "pingsMissed", "emergencyPhone", "createdAt", "updatedAt",
    ]);
    volunteerIds.forEach((p, i) => {
      const skills = new Set<string>();
      const skillCount = rng.int(1, 3);
      while (skills.size < skillCount) skills.add(rng.pick(SKILLS));
      const items = new Set<string>();
      const itemCount = rng.int(0, 2);
      while (items.size < itemCount) items.add(rng.pick(ITEMS));
      const availability = rng.chance(0.3)
        ? JSON.stringify([{ days: [1, 2, 3, 4, 5], from: "18:00", to: "21:00" }, { days: [6, 7], from: "09:00", to: "20:00" }])
        : "[]";
      const quiet = rng.chance(0.5);
      const created = joined(p);
      profile.run(
        i + 1, p, rng.chance(0.95) || staff.includes(p) ? 1 : 0, JSON.stringify([...skills]), JSON.stringify([...items]),
        rng.chance(0.2) ? 1 : 0, rng.chance(0.15) ? 1 : 0, rng.chance(0.05) ? 1 : 0, staff.includes(p) || rng.chance(0.6) ? 1 : 0,
        availability, quiet ? 22 * 60 : null, quiet ? 7 * 60 : null, rng.pick([3, 5, 5, 5, 8]), pingsAccepted[p]!, pingsMissed[p]!,
        rng.chance(0.3) ? phoneOf(p + 1) : null, iso(created), iso(Math.max(created, lastPing[p]!)),
      );
    });
  })();

  // --- The time-bank ledger -----------------------------------------------------------------------------------------
  const credits: Credit[] = [];
  db.transaction(() => {
    const transfer = insert("LedgerTransfer", ["id", "communityId", "kind", "category", "memo", "reversesId", "createdAt"]);
    const entry = insert("LedgerEntry", ["id", "transferId", "accountId", "minutes", "createdAt"]);
    const balance = new Int32Array(fundAccount + 1);
    // Per credit transfer id: its accounts, minutes and category, to reverse it later.
    const creditTo = new Int32Array(ledgerTransfers + 1);
    const creditFrom = new Int32Array(ledgerTransfers + 1);
    const creditMinutes = new Int32Array(ledgerTransfers + 1);
    const creditCategory = new Uint8Array(ledgerTransfers + 1);
    const reversed = new Uint8Array(ledgerTransfers + 1);
    const recentCredits = new Int32Array(512);
    let recentCount = 0;
    let recentPtr = 0;
    let entryId = 0;
    const times = activityTimes(rng, ledgerTransfers, start, now);

    const post = (id: number, at: string, from: number, to: number, minutes: number) => {
      entry.run(++entryId, id, to, minutes, at);
      entry.run(++entryId, id, from, -minutes, at);
      balance[to] = balance[to]! + minutes;
      balance[from] = balance[from]! - minutes;
    };
    const postCredit = (id: number, t: number, at: string) => {
      const fromRequest = t >= creditWindowStart && recentPtr < recentDone.length && recentDone[recentPtr]!.closedAt <= t && rng.chance(0.45)
        ? recentDone[recentPtr++]!
        : null;
      const helper = fromRequest ? fromRequest.volunteerId : pickVolunteer(t);
      const beneficiary = fromRequest ? fromRequest.requesterId : pickPersonExcept(t, helper);
      const categoryIndex = fromRequest
        ? CREDIT_CATEGORIES.indexOf(REQUEST_TO_CREDIT[fromRequest.category])
        : rng.weighted(CREDIT_WEIGHTS);
      const category = CREDIT_CATEGORIES[categoryIndex]!;
      const minutes = fromRequest ? fromRequest.minutes : serviceMinutes(rng);
      const payer = rng.chance(0.3) && balance[beneficiary]! - minutes >= -NEGATIVE_LIMIT ? beneficiary : fundAccount;
      const memo = fromRequest ? fromRequest.what : rng.pick(CREDIT_MEMO[category]);
      transfer.run(id, COMMUNITY_ID, "credit", category, memo, null, at);
      post(id, at, payer, helper, minutes);
      creditTo[id] = helper;
      creditFrom[id] = payer;
      creditMinutes[id] = minutes;
      creditCategory[id] = categoryIndex;
      recentCredits[recentCount % recentCredits.length] = id;
      recentCount += 1;
      const chatId = fromRequest ? fromRequest.chatId : personBuilding[beneficiary]!;
      if (t >= creditWindowStart) {
        const byHelper = rng.chance(0.6);
        const earliest = fromRequest ? fromRequest.closedAt : t - 2 * DAY;
        credits.push({
          helperId: helper, beneficiaryId: beneficiary, minutes, category, source: fromRequest ? "request" : "service_log",
          sourceId: fromRequest ? fromRequest.id : null, description: memo, startedById: byHelper ? helper : beneficiary, chatId,
          state: "confirmed", transferId: id, createdAt: Math.max(earliest, t - rng.int(5, 48 * 60) * MINUTE), decidedAt: t,
        });
      }
      if (rng.chance(creditDeedChance)) {
        deeds.push({ helperId: helper, beneficiaryId: beneficiary, chatId, kind: "credit", description: memo, private: category === "C" || rng.chance(0.03) ? 1 : 0, at: t });
      }
    };
    /** A volunteer with at least `minimum` minutes to give, or 0. */
    const giver = (t: number, minimum: number) => {
      for (let tries = 0; tries < 4; tries += 1) {
        const v = pickVolunteer(t);
        if (balance[v]! >= minimum) return v;
      }
      return 0;
    };

    for (let i = 0; i < ledgerTransfers; i += 1) {
      const id = i + 1;
      const t = times[i]!;
      const at = iso(t);
      const r = rng.next();
      if (r < 0.85) {
        postCredit(id, t, at);
      } else if (r < 0.95) {
        const from = giver(t, 60);
        if (from === 0) {
          postCredit(id, t, at);
          continue;
        }
        const to = pickPersonExcept(t, from);
        const minutes = Math.min(15 * rng.int(1, 8), Math.floor(balance[from]! / 15) * 15);
        transfer.run(id, COMMUNITY_ID, "transfer", null, rng.pick(["转给邻居", "谢谢你照顾我妈", "送给家人", null]), null, at);
        post(id, at, from, to, minutes);
      } else if (r < 0.99) {
        const from = giver(t, 15);
        if (from === 0) {
          postCredit(id, t, at);
          continue;
        }
        const minutes = Math.min(15 * rng.int(1, 8), Math.floor(balance[from]! / 15) * 15);
        transfer.run(id, COMMUNITY_ID, "donation", null, "捐给社区基金", null, at);
        post(id, at, from, fundAccount, minutes);
      } else {
        let original = 0;
        const window = Math.min(recentCount, recentCredits.length);
        for (let tries = 0; tries < 4 && original === 0 && window > 0; tries += 1) {
          const candidate = recentCredits[(recentCount - 1 - rng.int(0, window - 1)) % recentCredits.length]!;
          if (reversed[candidate] === 0) original = candidate;
        }
        if (original === 0) {
          postCredit(id, t, at);
          continue;
        }
        reversed[original] = 1;
        transfer.run(id, COMMUNITY_ID, "reversal", CREDIT_CATEGORIES[creditCategory[original]!]!, `撤销 #${original}：记录有误`, original, at);
        post(id, at, creditTo[original]!, creditFrom[original]!, creditMinutes[original]!);
      }
    }
  })();

  // --- Pending credits: the confirmed ones of the last weeks, plus some pending and disputed ------------------------
  const openCredits = Math.max(20, Math.round(requestCount / 1250));
  for (let i = 0; i < openCredits; i += 1) {
    const pending = i < openCredits * 0.75;
    const createdAt = now - rng.int(10, (pending ? 7 : 35) * 24 * 60) * MINUTE;
    const helper = pickVolunteer(createdAt);
    const beneficiary = pickPersonExcept(createdAt, helper);
    const category = CREDIT_CATEGORIES[rng.weighted(CREDIT_WEIGHTS)]!;
    credits.push({
      helperId: helper, beneficiaryId: beneficiary, minutes: serviceMinutes(rng), category, source: "service_log", sourceId: null,
      description: rng.pick(CREDIT_MEMO[category]), startedById: rng.chance(0.6) ? helper : beneficiary, chatId: personBuilding[beneficiary]!,
      state: pending ? "pending" : "disputed", transferId: null, createdAt,
      decidedAt: pending ? null : Math.min(now, createdAt + rng.int(60, 3 * 24 * 60) * MINUTE),
    });
  }
  credits.sort((a, b) => a.createdAt - b.createdAt);

  // --- Thanks, then every deed in time order ------------------------------------------------------------------------
  const thanksCount = Math.round(deedTarget * 0.35);
  const thanksTimes = activityTimes(rng, thanksCount, start, now);
  for (const t of thanksTimes) {
    const helper = rng.chance(0.7) ? pickVolunteer(t) : pickPerson(t);
    const beneficiary = pickPersonExcept(t, helper);
    deeds.push({ helperId: helper, beneficiaryId: beneficiary, chatId: personBuilding[beneficiary]!, kind: "thanks", description: rng.pick(THANKS), private: rng.chance(0.05) ? 1 : 0, at: t });
  }
  deeds.sort((a, b) => a.at - b.at);

  db.transaction(() => {
    const credit = insert("PendingCredit", [
      "id", "helperId", "beneficiaryId", "minutes", "category", "source", "sourceId", "description", "startedById", "chatId", "state",
      "transferId", "createdAt", "decidedAt",
    ]);
    credits.forEach((c, i) =>
      credit.run(
        i + 1, c.helperId, c.beneficiaryId, c.minutes, c.category, c.source, c.sourceId, c.description, c.startedById, c.chatId, c.state,
        c.transferId, iso(c.createdAt), c.decidedAt === null ? null : iso(c.decidedAt),
      ),
    );
    const deed = insert("GoodDeed", ["id", "communityId", "helperId", "beneficiaryId", "chatId", "kind", "description", "private", "createdAt"]);
    deeds.forEach((d, i) => deed.run(i + 1, COMMUNITY_ID, d.helperId, d.beneficiaryId, d.chatId, d.kind, d.description, d.private, iso(d.at)));

    // Reports.
    const report = insert("Report", ["id", "communityId", "reporterId", "chatId", "buildingId", "place", "kind", "description", "state", "createdAt", "resolvedAt"]);
    const reportTimes = activityTimes(rng, Math.round(requestCount * 0.04), start, now);
    reportTimes.forEach((t, i) => {
      const reporter = pickPerson(t);
      const b = personBuilding[reporter]!;
      const [kind, texts] = rng.pick(REPORT_KINDS);
      const age = now - t;
      let state = age > 30 * DAY ? ["resolved", "acknowledged", "open"][rng.weighted([90, 4, 6])]! : age > 3 * DAY ? ["resolved", "acknowledged", "open"][rng.weighted([60, 25, 15])]! : ["resolved", "acknowledged", "open"][rng.weighted([10, 30, 60])]!;
      let resolvedAt: number | null = null;
      if (state === "resolved") {
        resolvedAt = t + rng.int(2 * 60, 10 * 24 * 60) * MINUTE;
        if (resolvedAt > now) {
          resolvedAt = null;
          state = "acknowledged";
        }
      }
      report.run(i + 1, COMMUNITY_ID, reporter, b, b, rng.chance(0.5) ? `${b}栋${rng.int(1, 3)}单元` : rng.pick(PLACES), kind, rng.pick(texts), state, iso(t), resolvedAt === null ? null : iso(resolvedAt));
    });

    // Mediation cases.
    const mediation = insert("MediationCase", ["id", "communityId", "openedById", "mediatorId", "kind", "description", "state", "createdAt", "closedAt"]);
    const mediationTimes = activityTimes(rng, Math.round(requestCount * 0.004), start, now);
    mediationTimes.forEach((t, i) => {
      const [kind, text] = rng.pick(MEDIATION_KINDS);
      let state = now - t > 60 * DAY ? ["resolved", "closed"][rng.weighted([75, 25])]! : ["open", "in_progress", "resolved", "closed"][rng.weighted([25, 40, 25, 10])]!;
      let closedAt: number | null = null;
      if (state === "resolved" || state === "closed") {
        closedAt = t + rng.int(1, 30) * DAY + rng.int(0, DAY / SECOND - 1) * SECOND;
        if (closedAt > now) {
          closedAt = null;
          state = "in_progress";
        }
      }
      mediation.run(i + 1, COMMUNITY_ID, pickPerson(t), state === "open" ? null : rng.pick(staff), kind, text, state, iso(t), closedAt === null ? null : iso(closedAt));
    });

    // Daily check-ins of residents living alone: most checked in within a day, ~10% lapsed.
    const checkin = insert("CheckinEnrolment", ["id", "personId", "contactPersonId", "dueMinute", "lastCheckinAt", "active", "createdAt"]);
    const enrolled = new Set<number>();
    const checkinCount = Math.min(Math.round(residents * 0.03), residents - 1);
    while (enrolled.size < checkinCount) enrolled.add(rng.int(1, residents));
    [...enrolled].sort((a, b) => a - b).forEach((p, i) => {
      const neighbours = buildingResidents[personBuilding[p]!]!;
      const contact = neighbours.length > 1 && rng.chance(0.8) ? rng.pick(neighbours.filter((n) => n !== p)) : pickPersonExcept(now, p);
      const last = rng.chance(0.1) ? now - rng.int(25 * 60, 72 * 60) * MINUTE : now - rng.int(5, 24 * 60) * MINUTE;
      const created = Math.max(joined(p), start + rng.next() * (now - 30 * DAY - start));
      checkin.run(i + 1, p, contact, 480 + 30 * rng.int(0, 6), iso(last), 1, iso(Math.min(created, last)));
    });
  })();

  // --- Events: ~3 a month in every building chat, a fifth of them duties; sign-ups from the building ----------------
  const events: EventRow[] = [];
  const perChat = Math.round(options.years * 12 * 3);
  const eventEnd = now + 14 * DAY;
  for (let b = 1; b <= BUILDINGS; b += 1) {
    for (let k = 0; k < perChat; k += 1) {
      const day = start + rng.next() * (eventEnd - start);
      const dayStart = Math.floor((day + TZ_OFFSET) / DAY) * DAY - TZ_OFFSET;
      const startsAt = dayStart + rng.int(9, 20) * HOUR + rng.pick([0, 30]) * MINUTE;
      const duty = rng.chance(0.2);
      const createdAt = Math.min(startsAt - rng.int(3 * 24, 14 * 24) * HOUR + rng.int(0, 3599) * SECOND, now - rng.int(1, 600) * MINUTE);
      const neighbours = buildingResidents[b]!;
      const local = neighbours.length > 0 ? rng.pick(neighbours) : 0;
      const organiserId = rng.chance(0.5) || local === 0 || joined(local) > createdAt ? captainIds[gridOf(b) - 1]! : local;
      const past = startsAt + 2 * HOUR < now;
      events.push({
        chatId: b, gridId: gridOf(b), organiserId,
        title: duty ? rng.pick(DUTY_TITLES) : rng.pick(EVENT_TITLES),
        place: duty ? `${b}栋` : rng.pick(EVENT_PLACES),
        startsAt, createdAt,
        capacity: duty ? rng.int(2, 6) : rng.chance(0.5) ? rng.int(10, 40) : null,
        deadline: rng.chance(0.4) ? startsAt - DAY : null,
        kind: duty ? "duty" : "activity",
        creditMinutes: duty ? rng.pick([60, 90, 120]) : 0,
        state: past ? (rng.chance(0.92) ? "done" : "cancelled") : rng.chance(0.05) ? "cancelled" : "open",
      });
    }
  }
  events.sort((a, b) => a.createdAt - b.createdAt);
  db.transaction(() => {
    const event = insert("Event", [
      "id", "communityId", "organiserId", "title", "place", "startsAt", "endsAt", "capacity", "deadline", "kind", "recurrence",
      "seriesId", "reminders", "creditMinutes", "state", "createdAt",
    ]);
    const eventChat = insert("EventChat", ["eventId", "chatId"]);
    const signUp = insert("SignUp", ["id", "eventId", "personId", "count", "state", "position", "attended", "createdAt", "updatedAt"]);
    let signUpId = 0;
    events.forEach((e, i) => {
      const id = i + 1;
      event.run(
        id, COMMUNITY_ID, e.organiserId, e.title, e.place, iso(e.startsAt), iso(e.startsAt + 2 * HOUR), e.capacity,
        e.deadline === null ? null : iso(e.deadline), e.kind, null, null, "[1440,120]", e.creditMinutes, e.state, iso(e.createdAt),
      );
      eventChat.run(id, e.chatId);
      if (rng.chance(0.1)) {
        const other = (e.gridId - 1) * (BUILDINGS / GRIDS) + rng.int(1, BUILDINGS / GRIDS);
        if (other !== e.chatId) eventChat.run(id, other);
      }
      if (e.state === "cancelled") return;
      const neighbours = buildingResidents[e.chatId]!.filter((p) => joined(p) <= e.createdAt);
      const wanted = Math.min(neighbours.length, e.capacity === null ? rng.int(3, 15) : rng.int(1, e.capacity + 2));
      const chosen = new Set<number>();
      for (let tries = 0; chosen.size < wanted && tries < wanted * 4; tries += 1) chosen.add(rng.pick(neighbours));
      const signUpEnd = Math.min(e.deadline ?? e.startsAt, now);
      const times = [...chosen].map(() => e.createdAt + rng.next() * Math.max(0, signUpEnd - e.createdAt)).sort((a, b) => a - b);
      let position = 0;
      [...chosen].forEach((p, k) => {
        const at = Math.floor(times[k]!);
        const waitlisted = e.capacity !== null && k >= e.capacity;
        const attended = e.state === "done" && !waitlisted && e.kind === "duty" ? (rng.chance(0.85) ? 1 : 0) : null;
        signUp.run(
          ++signUpId, id, p, rng.chance(0.1) ? 2 : 1, waitlisted ? "waitlisted" : "confirmed", waitlisted ? ++position : 0, attended,
          iso(at), iso(attended === null ? at : e.startsAt + 2 * HOUR),
        );
      });
    });
  })();

  for (const { sql } of indexes) db.exec(sql);
  db.pragma("journal_mode = WAL");
  const tables = db
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations' ORDER BY name`)
    .all() as { name: string }[];
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    counts[name] = (db.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number }).n;
  }
  db.close();

  return {
    communityId: COMMUNITY_ID,
    gridIds,
    captainIds,
    coordinatorIds,
    groupChatIds: Array.from({ length: BUILDINGS }, (_, i) => i + 1),
    counts,
  };
}
