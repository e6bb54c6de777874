/**
 * The authorization matrix (issue 15, item 7): every command of the registry, sent by every kind of person (a resident,
 * an admin of this group, an admin of another group, the captain of this grid and of another, a coordinator, a
 * mediator, someone never seen before) in a group and in a private chat, through the real pipeline on a real SQLite
 * database put back to the same world before each one.
 *
 * What each combination should do follows from the command's declaration (`who`, `where`, `refusal`) and the checks its
 * handler makes itself (a sample's `guard`). A refused one gets one reply, the refusal, in the sender's language, and
 * writes nothing but the processed-message record and that reply (and, for someone new, who they are). An allowed one
 * is not refused and has its effect. Apart from that, `PEOPLE_EXPECT` says who residents, admins and coordinators would
 * expect to be able to run the sensitive commands, written without looking at the code: the declarations must agree.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { join } from "node:path";
import type { InboundMessage, UserRef } from "../../src/chat/types.ts";
import type { Lang } from "../../src/kernel/lang.ts";
import type { CommandEntry } from "../../src/app/shared/command.ts";
import type { Linli } from "../../src/linli.ts";
import type { VirtualClock } from "../../src/kernel/clock.ts";
import { defaultCommands } from "../../src/app/commands.ts";
import { t } from "../../src/app/shared/texts.ts";
import { requestTexts } from "../../src/features/requests/texts.ts";
import { reportTexts } from "../../src/features/reports/texts.ts";
import { mediationTexts } from "../../src/features/mediation/texts.ts";
import { guardianTexts } from "../../src/features/guardian/texts.ts";
import { detectLang } from "../../src/parse/normalize.ts";
import { PrismaUnitOfWork } from "../../src/infra/unit-of-work.ts";
import { FakeAdapter } from "../support/fake-adapter.ts";
import { T0, demoApp, tempDatabase } from "../support/app.ts";
import { SavedWorld, type TableDiff } from "../support/world-snapshot.ts";

const ROLES = ["resident", "admin", "otherAdmin", "captain", "otherCaptain", "coordinator", "mediator", "unknown"] as const;
type Role = (typeof ROLES)[number];
const PLACES = ["group", "private"] as const;
type Place = (typeof PLACES)[number];
type Cast = Exclude<Role, "unknown">;

/** The group every group message is sent in: building 3's, in grid 东区网格. */
const GROUP = "3栋邻里群";

/**
 * Who plays each role, where they live and the language they write in. The admin administers this group, the other
 * admin GardenClub (and is a plain member here); the captain captains 东区网格 (this group's grid), the other captain
 * 西区网格. The unknown person is someone new each time, who writes Chinese.
 */
const CAST: Record<Cast, { name: string; lang: Lang; building: string }> = {
  resident: { name: "王秀英", lang: "zh-CN", building: "3" },
  admin: { name: "群管老刘", lang: "zh-CN", building: "3" },
  otherAdmin: { name: "Grace", lang: "en", building: "7" },
  captain: { name: "网格长老陈", lang: "zh-CN", building: "1" },
  otherCaptain: { name: "Victor", lang: "en", building: "6" },
  coordinator: { name: "协调员小林", lang: "zh-CN", building: "5" },
  mediator: { name: "Mia", lang: "en", building: "2" },
};
const CASTS = Object.keys(CAST) as Cast[];

/** Fixture ids a sample's arguments name as {request}, {event}, {pastEvent}, {transfer}. */
interface Fixtures {
  /** 李奶奶's request for a plumber, in this group (so in 东区网格), offered to volunteers none of the cast is. */
  request: number;
  /** 周大姐's garden clean-up on Saturday, in this group, with 张阿姨 signed up. */
  event: number;
  /** 周大姐's stairwell duty yesterday, with 王师傅 signed up. */
  pastEvent: number;
  /** A credit of 10 coins from the fund to the resident. */
  transfer: number;
  /** 李奶奶's report of a broken stairwell light in building 3 (so in 东区网格). */
  report: number;
  /** 李奶奶's mediation case, open, offered to the mediators (Mia and 孙主任, community-wide). */
  mediation: number;
  /** 李奶奶's second mediation case, taken by Mia. */
  takenMediation: number;
}

/** A check a handler makes itself, beyond the declaration: whom it lets through, and what it tells the rest. */
interface Guard {
  allows: (role: Role, place: Place) => boolean;
  says: (lang: Lang, fixtures: Fixtures, role: Role, place: Place) => string;
}

/** One way of running a command in the matrix. */
interface Sample {
  /** The sample's name in failures and in `PEOPLE_EXPECT` (default: the command's name). */
  label?: string;
  /** What follows the command's name, in Chinese and English (the sender's); {request} etc. are fixture ids. */
  args?: string | { zh: string; en: string };
  /** Who is @mentioned. */
  mention?: string;
  guard?: Guard;
  /** What shows an allowed run worked: tables it must write, or words a reply of it must have. */
  works: Works;
  /** What shows it worked for someone new, who has nothing yet (default: `works`). */
  newcomer?: Works;
}

/** Tables a run must write, or words a reply of it must have. */
interface Works {
  writes?: string[];
  says?: RegExp;
}

/** Someone new has no coins to give. */
const noCoins: Works = { says: /余额不够|Not enough/u };

/** Only a coordinator (the handler asks for one when the arguments name someone else or change something). */
const coordinatorOnly: Guard = { allows: (role) => role === "coordinator", says: (lang) => t(lang).needCoordinator };
/** The event's organiser, an admin of its group (in the group: where the platform says who is admin), a coordinator. */
const managesEvent: Guard = { allows: (role, place) => role === "coordinator" || (role === "admin" && place === "group"), says: (lang) => t(lang).needAdmin };
/** Taking a request not offered to you: the captain of its grid, or a coordinator. */
const leadsRequest: Guard = { allows: (role) => role === "captain" || role === "coordinator", says: (lang) => requestTexts(lang).notAsked };
/** Changing a report: the captain of its grid (another grid's is told whose it is), or a coordinator. */
const leadsReport: Guard = {
  allows: (role) => role === "captain" || role === "coordinator",
  says: (lang, fixtures, role) => (role === "otherCaptain" ? reportTexts(lang).notYourGrid(fixtures.report) : t(lang).needCaptain),
};
/** A mediation case's actions: its mediator or a coordinator, privately (in a group: a request to write privately). */
const mediatesCase: Guard = {
  allows: (role, place) => place === "private" && (role === "mediator" || role === "coordinator"),
  says: (lang, fixtures, _role, place) => (place === "group" ? mediationTexts(lang).onlyPrivately : mediationTexts(lang).notYours(fixtures.takenMediation)),
};
/** Closing someone else's request: a coordinator. */
const closesRequest: Guard = { allows: (role) => role === "coordinator", says: (lang, fixtures) => requestTexts(lang).notYours(fixtures.request) };

/**
 * How to run every command. A command added to the registry without an entry here fails the matrix: add its sample
 * arguments, any check its handler makes itself, and what shows it worked.
 */
const SAMPLES: Record<string, Sample[]> = {
  help: [{ works: { says: /\/help/u } }],
  register: [{ args: "3-502", works: { writes: ["Person"] } }],
  bind: [{ args: { zh: "2栋", en: "2" }, works: { writes: ["Chat", "AuditLog"] } }],
  interest: [{ args: { zh: "花园", en: "gardening" }, works: { writes: ["Chat", "AuditLog"] } }],
  grid: [{ args: { zh: "东区网格 5", en: "East 5" }, works: { writes: ["Building", "AuditLog"] } }],
  captain: [{ args: { zh: "@Emma 西区网格", en: "@Emma West" }, mention: "Emma", works: { writes: ["RoleAssignment", "AuditLog"] } }],
  volunteer: [{ args: { zh: "修水管 梯子", en: "plumbing ladder" }, works: { writes: ["VolunteerProfile"] } }],
  quiet: [{ args: "22:00-07:00", works: { writes: ["VolunteerProfile"] } }],
  limit: [{ args: "3", works: { writes: ["VolunteerProfile"] } }],
  phone: [{ args: "13800000099", works: { writes: ["Person"] } }],
  // Mia lives in 2栋, in 东区网格: the other grid's captain may not see her card.
  card: [{ args: "@Mia", mention: "Mia", guard: { allows: (role) => role !== "otherCaptain", says: (lang) => t(lang).cardOtherGrid }, works: { writes: ["AuditLog"], says: /Mia/u } }],
  available: [{ args: { zh: "周一至周五 18:00-21:00", en: "mon-fri 18:00-21:00" }, works: { writes: ["VolunteerProfile"] } }],
  accept: [{ args: "{request}", guard: leadsRequest, works: { writes: ["RequestAssignment"] } }],
  decline: [{ args: "{request}", works: { says: /没关系|No problem/u } }],
  ack: [{ args: "{request}", guard: leadsRequest, works: { writes: ["RequestAssignment"] } }],
  done: [{ args: "{request}", guard: closesRequest, works: { writes: ["HelpRequest", "AuditLog"] } }],
  cancel: [{ args: "{request}", guard: closesRequest, works: { writes: ["HelpRequest", "AuditLog"] } }],
  keep: [{ args: "{request}", works: { says: /继续进行|stays open/u } }],
  requests: [{ works: { says: /求助|requests/u } }],
  event: [{ args: { zh: "周日 15:00-16:00 读书会", en: "Sun 3pm-4pm Book club" }, works: { writes: ["Event", "AuditLog"] } }],
  join: [{ args: "{event}", works: { writes: ["SignUp"] } }],
  leave: [{ args: "{event}", works: { says: /邻里花园除草/u } }],
  events: [{ works: { says: /邻里花园除草/u } }],
  roster: [{ args: "{event}", guard: managesEvent, works: { says: /张阿姨/u } }],
  ical: [{ args: "{event}", works: { says: /linli-event-\d+\.ics/u } }],
  cancelevent: [{ args: "{event}", guard: managesEvent, works: { writes: ["Event", "AuditLog"] } }],
  attended: [{ args: "{pastEvent} 王师傅", guard: managesEvent, works: { writes: ["SignUp", "PendingCredit", "AuditLog"] } }],
  confirm: [{ works: { says: /时间币|confirmation/u } }],
  dispute: [{ works: { says: /时间币|confirmation/u } }],
  balance: [
    { works: { says: /余额：10|balance: 10/u }, newcomer: { says: /余额：0|balance: 0/u } },
    { label: "balance of someone else", args: { zh: "李奶奶", en: "Emma" }, guard: coordinatorOnly, works: { says: /李奶奶|Emma/u } },
  ],
  statement: [
    { works: { says: /\+10/u }, newcomer: { says: /还没有时间币记录|No time-coin entries/u } },
    { label: "statement of someone else", args: { zh: "王师傅", en: "Emma" }, guard: coordinatorOnly, works: { says: /王师傅|Emma|记录|entries/u } },
  ],
  give: [{ args: "@王师傅 1", mention: "王师傅", works: { writes: ["LedgerTransfer", "LedgerEntry", "AuditLog"] }, newcomer: noCoins }],
  donate: [{ args: "1", works: { writes: ["LedgerTransfer", "LedgerEntry", "AuditLog"] }, newcomer: noCoins }],
  reverse: [{ args: "{transfer}", works: { writes: ["LedgerTransfer", "LedgerEntry", "AuditLog"] } }],
  policy: [
    { works: { says: /规则|rules/u } },
    { label: "policy change", args: { zh: "上限 1500 阻止", en: "cap 1500 block" }, guard: coordinatorOnly, works: { writes: ["Community", "AuditLog"] } },
  ],
  anonymous: [{ works: { writes: ["Person"] } }],
  named: [{ works: { says: /写上您的名字|may name you/u } }],
  thank: [{ args: { zh: "王师傅 修水管", en: "Emma gardening" }, works: { writes: ["GoodDeed"] } }],
  digest: [{ works: { says: /简报|digest/iu } }],
  meant: [{ args: "1 request", works: { says: /./u } }],
  mydata: [{ works: { says: /关于您的全部信息|Everything Linli holds about you/u }, newcomer: { says: /关于您的全部信息|Everything Linli holds about you|没有您的任何信息|hold nothing about you/u } }],
  forgetme: [{ works: { says: /确定要删除您的数据吗|Do you want your data erased/u } }],
  report: [
    { args: { zh: "3栋电梯坏了", en: "the lift in building 3 is broken" }, works: { writes: ["Report", "ReportUpdate", "AuditLog"] } },
    { label: "report state change", args: { zh: "{report} 处理中 已联系物业", en: "{report} in_progress" }, guard: leadsReport, works: { writes: ["Report", "ReportUpdate", "AuditLog"] } },
  ],
  reports: [
    { works: { says: /待处理问题|Open reports|没有待处理的问题|No open reports/u }, newcomer: { says: /待处理问题|登记住址后/u } },
    { label: "reports state change", args: { zh: "{report} 已受理", en: "{report} acknowledged" }, guard: leadsReport, works: { writes: ["Report", "ReportUpdate", "AuditLog"] } },
  ],
  // Only the people who reported it answer whether it is fixed: none of the cast did.
  fixcheck: [{ args: "{report} yes", guard: { allows: () => false, says: (lang, fixtures) => reportTexts(lang).notAReporter(fixtures.report) }, works: {} }],
  mediate: [
    { works: { says: /调解|mediat/iu } },
    { label: "mediate open", args: { zh: "楼下停车总挡着我的车位", en: "their car keeps blocking my parking space" }, works: { writes: ["MediationCase", "AuditLog"] } },
    { label: "mediate note", args: { zh: "{takenMediation} 记录 已电话沟通", en: "{takenMediation} note called them" }, guard: mediatesCase, works: { writes: ["MediationNote"] } },
    { label: "mediate invite", args: { zh: "{takenMediation} 邀请 王师傅", en: "{takenMediation} invite Emma" }, guard: mediatesCase, works: { writes: ["MediationCase"] } },
    { label: "mediate close", args: { zh: "{takenMediation} 结案 已解决", en: "{takenMediation} close resolved" }, guard: mediatesCase, works: { writes: ["MediationCase"] } },
  ],
  visit: [{ args: { zh: "李奶奶 张阿姨 王秀英 每周三 15:00", en: "李奶奶 Emma wednesday 3pm" }, works: { writes: ["VisitRota", "VisitRotaMember", "Visit", "AuditLog"] } }],
  visitlog: [{ args: { zh: "去了1小时，精神不错", en: "went for 1 hour, all well" }, works: { says: /没有要记录的探访|no visit to log|私下处理|handled privately/u } }],
  visitreply: [{ args: "1 go", works: { says: /没有要记录的探访|no visit to log|私下处理|handled privately/u } }],
  take_case: [
    {
      args: "{mediation}",
      guard: { allows: (role) => role === "mediator" || role === "coordinator", says: (lang, fixtures) => mediationTexts(lang).notOffered(fixtures.mediation) },
      works: { writes: ["MediationCase"] },
    },
  ],
  // 赵爷爷 (no phone, in no chat) is in guardian mode, the coordinator his guardian.
  guardian: [
    { works: { says: /赵爷爷/u } },
    { label: "guardian register", args: { zh: "钱奶奶 8栋102", en: "Mrs-Qian 8-102" }, works: { writes: ["Person", "AuditLog"] } },
    { label: "guardian end", args: { zh: "赵爷爷 关闭", en: "赵爷爷 off" }, works: { writes: ["Person", "AuditLog"] } },
  ],
  on_behalf: [
    {
      args: { zh: "赵爷爷 明天上午陪去医院", en: "赵爷爷 a ride to the hospital tomorrow morning" },
      guard: { allows: (role) => role === "coordinator", says: (lang) => guardianTexts(lang).notGuardian("赵爷爷") },
      works: { writes: ["HelpRequest", "AuditLog"] },
    },
  ],
  checkin: [
    { works: { says: /报平安|check-in/iu } },
    { label: "checkin on", args: { zh: "开启", en: "on" }, works: { writes: ["CheckinEnrolment", "AuditLog"] } },
    { label: "checkin on for someone", args: { zh: "开启 李奶奶", en: "on 李奶奶" }, works: { writes: ["CheckinEnrolment", "AuditLog"] } },
  ],
  // Anyone, for themselves: a certificate (or, with no confirmed hours yet, a kind word), and where milestones are told.
  certificate: [{ works: { says: /证书|certificate/iu } }],
  honours: [
    { works: { says: /里程碑|Milestones/u } },
    { label: "honours public", args: { zh: "公开", en: "public" }, works: { writes: ["Honour"] } },
  ],
};

/**
 * Who would expect to be able to run the sensitive commands, as residents, admins and coordinators would put it (not
 * read from the declarations): the declarations, with their handlers' own checks, must say the same.
 */
const PEOPLE_EXPECT: Record<string, (role: Role, place: Place) => boolean> = {
  // Setting the group up: its admins and coordinators, in the group itself.
  bind: (role, place) => place === "group" && (role === "admin" || role === "coordinator"),
  interest: (role, place) => place === "group" && (role === "admin" || role === "coordinator"),
  event: (role, place) => place === "group" && (role === "admin" || role === "coordinator"),
  // The community's structure, the ledger's corrections and its rules: coordinators only.
  grid: (role) => role === "coordinator",
  captain: (role) => role === "coordinator",
  reverse: (role) => role === "coordinator",
  "policy change": (role) => role === "coordinator",
  policy: () => true,
  "balance of someone else": (role) => role === "coordinator",
  "statement of someone else": (role) => role === "coordinator",
  // Private details: a resident's emergency card to the captain of their grid and coordinators; figures to leaders.
  card: (role) => role === "captain" || role === "coordinator",
  digest: (role) => role === "captain" || role === "otherCaptain" || role === "coordinator",
  // An event's sign-ups and its cancelling: its group's admins (where the platform tells who they are) and coordinators.
  roster: (role, place) => role === "coordinator" || (role === "admin" && place === "group"),
  cancelevent: (role, place) => role === "coordinator" || (role === "admin" && place === "group"),
  attended: (role, place) => role === "coordinator" || (role === "admin" && place === "group"),
  // An event's calendar is as public as the event.
  ical: () => true,
  // Someone else's request: taken by its grid's captain or a coordinator, closed by a coordinator.
  accept: (role) => role === "captain" || role === "coordinator",
  ack: (role) => role === "captain" || role === "coordinator",
  done: (role) => role === "coordinator",
  cancel: (role) => role === "coordinator",
  // One's own data: anyone, anywhere (what is sent goes privately).
  mydata: () => true,
  forgetme: () => true,
  // A report's state: the captain of its grid and coordinators.
  "report state change": (role) => role === "captain" || role === "coordinator",
  "reports state change": (role) => role === "captain" || role === "coordinator",
  // A phone number is never posted in a group.
  phone: (_, place) => place === "private",
  // Mediation: anyone may ask for it; a case is taken, logged, its other party invited and closed only privately,
  // by the mediators it was offered to (its own mediator afterwards) or a coordinator.
  "mediate open": () => true,
  take_case: (role, place) => place === "private" && (role === "mediator" || role === "coordinator"),
  "mediate note": (role, place) => place === "private" && (role === "mediator" || role === "coordinator"),
  "mediate invite": (role, place) => place === "private" && (role === "mediator" || role === "coordinator"),
  "mediate close": (role, place) => place === "private" && (role === "mediator" || role === "coordinator"),
  // Arranging visits to an elder: coordinators (the details then go privately).
  visit: (role) => role === "coordinator",
  // Guardian mode: coordinators register elders in no chat and see whom they act for; only an elder's guardian or a
  // coordinator raises a request for them.
  guardian: (role) => role === "coordinator",
  "guardian register": (role) => role === "coordinator",
  "guardian end": (role) => role === "coordinator",
  on_behalf: (role) => role === "coordinator",
  // Daily check-ins: anyone for themself, and anyone for a relative (who then becomes their contact and is told).
  "checkin on": () => true,
  "checkin on for someone": () => true,
};

/** What a combination should do: be allowed, or be refused with these words. */
type Verdict = { allowed: true } | { allowed: false; says: (lang: Lang, fixtures: Fixtures) => string };

/** The verdict from the command's declaration and its handler's own check. */
function verdict(entry: CommandEntry, sample: Sample, role: Role, place: Place): Verdict {
  if (entry.where && entry.where !== place) {
    const where = entry.where;
    return { allowed: false, says: (lang) => entry.elsewhere?.(lang) ?? (where === "group" ? t(lang).onlyInGroups : t(lang).onlyPrivately) };
  }
  const who = entry.who ?? "anyone";
  const permitted = {
    anyone: true,
    groupAdmin: role === "coordinator" || (role === "admin" && place === "group"),
    coordinator: role === "coordinator",
    leader: role === "captain" || role === "otherCaptain" || role === "coordinator",
  }[who];
  if (!permitted) {
    const usual = { anyone: "", groupAdmin: "needAdmin", coordinator: "needCoordinator", leader: "needCaptain" } as const;
    return { allowed: false, says: (lang) => entry.refusal?.(lang) ?? t(lang)[usual[who] as "needAdmin"] };
  }
  const guard = sample.guard;
  if (guard && !guard.allows(role, place)) return { allowed: false, says: (lang, fixtures) => guard.says(lang, fixtures, role, place) };
  return { allowed: true };
}

interface Combination {
  entry: CommandEntry;
  sample: Sample;
  role: Role;
  place: Place;
  verdict: Verdict;
}

const registry = defaultCommands();
const plan: Combination[] = registry.entries.flatMap((entry) =>
  (SAMPLES[entry.name] ?? []).flatMap((sample) => ROLES.flatMap((role) => PLACES.map((place) => ({ entry, sample, role, place, verdict: verdict(entry, sample, role, place) })))),
);
const allowedCount = plan.filter((one) => one.verdict.allowed).length;
const labelOf = (entry: CommandEntry, sample: Sample) => sample.label ?? entry.name;

describe("the authorization matrix", () => {
  it("has sample arguments for every command of the registry, and samples only for commands it has", () => {
    const missing = registry.entries.filter((entry) => !SAMPLES[entry.name]?.length).map((entry) => entry.name);
    expect(missing.map((name) => `/${name} has no sample: add SAMPLES.${name} (its arguments, its handler's own checks, what shows it worked) to test/integration/authorization-matrix.test.ts`)).toEqual([]);
    expect(Object.keys(SAMPLES).filter((name) => !registry.get(name))).toEqual([]);
  });

  it("declares the sensitive commands as residents, admins and coordinators expect", () => {
    const samples = new Map(registry.entries.flatMap((entry) => (SAMPLES[entry.name] ?? []).map((sample) => [labelOf(entry, sample), { entry, sample }] as const)));
    const wrong: string[] = [];
    for (const [label, expected] of Object.entries(PEOPLE_EXPECT)) {
      const found = samples.get(label);
      if (!found) {
        wrong.push(`${label}: no such sample`);
        continue;
      }
      for (const role of ROLES) {
        for (const place of PLACES) {
          const declared = verdict(found.entry, found.sample, role, place).allowed;
          if (declared !== expected(role, place)) wrong.push(`${label}: ${role} in ${place} is ${declared ? "allowed" : "refused"} by the declaration, expected ${expected(role, place) ? "allowed" : "refused"}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  describe("through the pipeline", () => {
    const db = tempDatabase();
    const adapter = new FakeAdapter();
    let app: Linli & { clock: VirtualClock };
    let world: SavedWorld;
    let fixtures: Fixtures;
    let counter = 0;

    function message(place: Place, name: string, text: string, options: { isAdmin?: boolean; mentions?: UserRef[] } = {}): InboundMessage {
      counter += 1;
      return {
        id: `authz-${counter}`,
        chat: place === "group" ? { platform: "console", id: GROUP, kind: "group", title: GROUP } : { platform: "console", id: `dm:${name}`, kind: "private", title: name },
        // In a group the platform says whether the sender is one of its admins.
        sender: { platform: "console", id: name, displayName: name, ...(place === "group" ? { isAdmin: options.isAdmin ?? false } : {}) },
        text,
        addressedToBot: place === "private",
        mentions: options.mentions ?? [],
        sentAt: app.clock.now(),
      };
    }

    async function say(one: InboundMessage) {
      const before = adapter.sent.length;
      const outcome = await app.pipeline.handle(one);
      await app.dispatcher.drain();
      return { outcome, sent: adapter.sent.slice(before) };
    }

    beforeAll(async () => {
      ({ app } = await demoApp(db.url, adapter, { env: { RATE_LIMIT_PER_MINUTE: "20" } }));
      const uow = new PrismaUnitOfWork(app.db, app.clock);
      await uow.run(async (repos) => {
        const community = await repos.directories.defaultCommunity();
        const group = (await repos.directories.findChat("console", GROUP))!;
        const garden = (await repos.directories.findChat("console", "GardenClub"))!;
        for (const role of CASTS) {
          const { name, building } = CAST[role];
          const person = (await repos.directories.findPerson("console", name)) ?? (await repos.directories.createPerson({ platform: "console", id: name, displayName: name }, community.id));
          await repos.directories.upsertMembership(group.id, person.id, role === "admin");
          if (role === "otherAdmin") await repos.directories.upsertMembership(garden.id, person.id, true);
          const home = await repos.directories.ensureBuilding(community.id, building, `${building}栋`);
          await repos.directories.setResidence(person.id, home.id, "101");
          if (role === "captain" || role === "otherCaptain") await repos.directories.assignRole(community.id, person.id, "grid_captain", await repos.directories.gridOfBuilding(home.id));
          if (role === "coordinator" || role === "mediator") await repos.directories.assignRole(community.id, person.id, role, null);
        }
      });
      await app.prisma.person.updateMany({ where: { displayName: { in: CASTS.filter((role) => CAST[role].lang === "en").map((role) => CAST[role].name) } }, data: { locale: "en" } });
      app.clock.set(new Date(T0.getTime() - 2 * 86_400_000));
      await say(message("group", "周大姐", "/活动 明天 9:00-11:00 楼道值班", { isAdmin: true }));
      const pastEvent = (await app.prisma.event.findFirstOrThrow({ orderBy: { id: "desc" } })).id;
      await say(message("group", "王师傅", `/报名 ${pastEvent}`));
      app.clock.set(T0);
      await say(message("group", "周大姐", "/活动 周六 9:00-11:00 邻里花园除草 限20人", { isAdmin: true }));
      const event = (await app.prisma.event.findFirstOrThrow({ orderBy: { id: "desc" } })).id;
      await say(message("group", "张阿姨", `/报名 ${event}`));
      await say(message("group", "李奶奶", "谁能帮我修一下厨房的水管？"));
      const request = (await app.prisma.helpRequest.findFirstOrThrow({ orderBy: { id: "desc" } })).id;
      await say(message("group", "李奶奶", "3栋4楼楼道灯坏了，晚上很黑"));
      const report = (await app.prisma.report.findFirstOrThrow({ orderBy: { id: "desc" } })).id;
      // Ten coins from the fund for each of the cast (to give and donate) and for 王师傅.
      const transfer = await uow.run(async (repos) => {
        const community = await repos.directories.defaultCommunity();
        const fund = await repos.ledger.account(community.id, null);
        const ids: number[] = [];
        for (const name of [...CASTS.map((role) => CAST[role].name), "王师傅"]) {
          const person = (await repos.directories.findPerson("console", name))!;
          const account = await repos.ledger.account(community.id, person.id);
          ids.push((await repos.ledger.post({ communityId: community.id, kind: "credit", category: "A", memo: "seed", movements: [{ accountId: fund, minutes: -600 }, { accountId: account, minutes: 600 }] })).id);
        }
        return ids[0]!;
      });
      // Two cases of 李奶奶's: one open, offered to the mediators; one taken by Mia.
      await say(message("group", "李奶奶", "楼上天天半夜跺脚，能不能帮忙协调一下"));
      const mediation = (await app.prisma.mediationCase.findFirstOrThrow({ orderBy: { id: "desc" } })).id;
      await say(message("private", "李奶奶", "/调解 楼上漏水到我家"));
      const takenMediation = (await app.prisma.mediationCase.findFirstOrThrow({ orderBy: { id: "desc" } })).id;
      await say(message("private", CAST.mediator.name, `/take_case ${takenMediation}`));
      await say(message("private", CAST.coordinator.name, "/代管 赵爷爷 8栋101"));
      fixtures = { request, event, pastEvent, transfer, report, mediation, takenMediation };
      // The cast have all spoken to the bot before, in the group and privately.
      for (const role of CASTS) {
        await say(message("group", CAST[role].name, "/help", { isAdmin: role === "admin" }));
        await say(message("private", CAST[role].name, "/help"));
      }
      world = new SavedWorld(db.url, join(db.url.replace(/^file:/u, "").replace(/linli\.db$/u, ""), "saved.db"));
    });

    afterAll(async () => {
      world?.close();
      await app?.close();
      db.cleanup();
    });

    it(`runs ${plan.length} combinations (${allowedCount} allowed, ${plan.length - allowedCount} refused): each refused one politely, in the sender's language, writing nothing; each allowed one with its effect`, async () => {
      const failures: string[] = [];
      let strangers = 0;
      for (const one of plan) {
        world.restore();
        app.clock.advance(3_000); // the rate limit gives each sender a message every 3 s
        strangers += 1;
        const name = one.role === "unknown" ? `陌生人${strangers}` : CAST[one.role].name;
        const writes: Lang = one.role === "unknown" ? "zh-CN" : CAST[one.role].lang;
        const word = writes === "en" || !one.entry.zh ? one.entry.name : one.entry.zh;
        const typed = one.sample.args === undefined ? "" : typeof one.sample.args === "string" ? one.sample.args : writes === "en" ? one.sample.args.en : one.sample.args.zh;
        const args = typed.replace(/\{(\w+)\}/gu, (_, key: keyof Fixtures) => String(fixtures[key]));
        const text = `/${word}${args ? ` ${args}` : ""}`;
        const mentions: UserRef[] = one.sample.mention ? [{ platform: "console", id: one.sample.mention, displayName: one.sample.mention }] : [];
        const { outcome, sent } = await say(message(one.place, name, text, { isAdmin: one.role === "admin", mentions }));
        // The sender's language: the language of what they typed, else their own.
        const lang = detectLang(text) ?? writes;
        const changes = world.changes(["ProcessedMessage", "OutboxMessage"]);
        const replies = sent.map((each) => `${each.to}:${each.message.text}`);
        const where = `${labelOf(one.entry, one.sample)}: ${one.role} in ${one.place} sent "${text}"`;
        if (one.verdict.allowed) {
          const works = (one.role === "unknown" ? one.sample.newcomer : undefined) ?? one.sample.works;
          const problem = whyNotWorked(works, outcome, sent.map((each) => each.message.text), changes);
          if (problem) failures.push(`${where}: ${problem}; replies ${JSON.stringify(replies)}`);
        } else {
          const refusal = one.verdict.says(lang, fixtures);
          // One reply, in the chat it was sent in (a refusal in a group tells nothing private).
          const chat = one.place === "group" ? GROUP : `dm:${name}`;
          if (outcome !== "handled" || sent.length !== 1 || sent[0]!.to !== "chat" || sent[0]!.id !== chat || sent[0]!.message.text !== refusal) failures.push(`${where}: expected only the refusal "${refusal}", got ${outcome} ${JSON.stringify(replies)}`);
          const written = changes.filter((change) => !(one.role === "unknown" && isNewcomer(change, name)));
          if (written.length) failures.push(`${where}: refused, yet wrote ${JSON.stringify(written)}`);
        }
      }
      expect(failures).toEqual([]);
    }, 300_000); // about 20 s of CPU; the margin is for a machine shared with other work
  });
});

/** Every refusal and apology, in both languages (the registry's usual ones, each command's own, the handlers'). */
const NOT_DONE = new Set(
  (["zh-CN", "en"] as const).flatMap((lang) => {
    const texts = t(lang);
    const own = registry.entries.flatMap((entry) => [entry.refusal?.(lang), entry.elsewhere?.(lang)]).filter((text): text is string => text !== undefined);
    return [...own, texts.needAdmin, texts.needCoordinator, texts.needCaptain, texts.onlyInGroups, texts.onlyPrivately, texts.cardOtherGrid, texts.somethingWentWrong, requestTexts(lang).notAsked];
  }),
);

/** Why an allowed run did not work, or undefined when it did. */
function whyNotWorked(works: Works, outcome: string, replies: string[], changes: TableDiff[]): string | undefined {
  if (outcome !== "handled") return `outcome ${outcome}`;
  if (replies.length === 0) return "no reply";
  const refused = replies.find((text) => NOT_DONE.has(text));
  if (refused) return `refused: "${refused}"`;
  const unwritten = (works.writes ?? []).filter((table) => !changes.some((change) => change.table === table));
  if (unwritten.length) return `did not write ${unwritten.join(", ")}`;
  const says = works.says;
  if (says && !replies.some((text) => says.test(text))) return `no reply matching ${says}`;
  return undefined;
}

/** Rows that only record who someone new is: their person, identity, membership and private chat. */
function isNewcomer(change: TableDiff, name: string): boolean {
  if (change.removed.length) return false;
  const rows = change.added.map((row) => JSON.parse(row) as Record<string, unknown>);
  const only = {
    Person: (row: Record<string, unknown>) => row.displayName === name,
    Identity: (row: Record<string, unknown>) => row.externalId === name,
    Chat: (row: Record<string, unknown>) => row.externalId === `dm:${name}`,
    Membership: (row: Record<string, unknown>) => row.isAdmin === 0,
  }[change.table];
  return only !== undefined && rows.every(only);
}
