/**
 * The bot's own noise (issue 15, item 12): a busy morning in one group, on a real database through the pipeline, with
 * the scheduler's due jobs run as the virtual clock moves. Three events; 60 sign-ups in the ways residents write them
 * (a few repeated, two cancelled), 20 re-posts of a growing 接龙 list, and ordinary chatter. The group hears each
 * event's sign-ups as one summary per window, never more than its hourly budget; every sign-up is recorded; everyone
 * either got a private confirmation or is named in a summary; and the summaries add up to the database.
 * Prints one JSON line with the counts.
 */
import { describe, expect, it } from "vitest";
import type { RenderedMessage, SendResult } from "../../src/chat/types.ts";
import { FakeAdapter } from "../support/fake-adapter.ts";
import { message, testApp, useTempDatabase } from "../support/app.ts";
import { VirtualClock } from "../../src/kernel/clock.ts";

const db = useTempDatabase();

const GROUP = "义工群";
const START = new Date("2026-11-25T08:00:00+08:00"); // a Wednesday morning
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const BUDGET = 20;

/** A platform where some residents never contacted the bot: a private message to them is refused. */
class MorningAdapter extends FakeAdapter {
  constructor(readonly nonContacts: Set<string>) {
    super();
  }

  override sendPrivate(userId: string, rendered: RenderedMessage): Promise<SendResult> {
    if (this.nonContacts.has(userId)) return Promise.resolve({ ok: false, reason: "not-contact" });
    return super.sendPrivate(userId, rendered);
  }
}

/** A fixed pseudo-random sequence (so the morning is the same every run). */
function seeded(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

/** 75 residents with ordinary two-character names (none a prefix of another): resident(1) … resident(75). */
const SURNAMES = [..."王李张刘陈杨黄赵周吴徐孙马朱胡"];
const GIVEN = [..."伟芳敏静丽"];
const resident = (n: number) => `${SURNAMES[(n - 1) % 15]}${GIVEN[Math.floor((n - 1) / 15)]}`;
const admin = (text: string) => message(GROUP, "组织者", text, { sender: { platform: "console", id: "组织者", displayName: "组织者", isAdmin: true } });

/** The morning's messages, in order: who says what. */
function morning(): Array<{ from: string; text: string }> {
  const random = seeded(15);
  const pick = <T,>(items: T[]) => items[Math.floor(random() * items.length)]!;
  // 35 for Saturday's clinic (30 places: 5 wait), 25 for Sunday's dumplings (20 places, some in pairs).
  const clinic = ["周六义诊报名", "周六 +1", "周六我报名", "周六义诊 +1", "周六算我一个", "周六的活动我报名"];
  const dumplings = ["报名周日包饺子", "周日 +1", "我报名周日的", "周日的包饺子算我一个", "周日+2", "周日包饺子我报名"];
  const signUps = [
    ...Array.from({ length: 35 }, (_, n) => ({ from: resident(n + 1), text: pick(clinic) })),
    ...Array.from({ length: 25 }, (_, n) => ({ from: resident(n + 36), text: pick(dumplings) })),
  ];
  const extras = [
    { from: resident(3), text: "周六义诊报名" }, // again: already in
    { from: resident(40), text: "周日 +1" },
    { from: resident(7), text: "周六义诊我去不了了" }, // frees a place: the first waiting moves up
    { from: resident(12), text: "周六义诊我去不了了" },
  ];
  const chatter = ["早上好！", "今天天气真好", "刚买了菜", "周六义诊几点开始？", "谢谢组织者", "楼下快递到了", "哈哈哈", "好的收到"];
  const chat = Array.from({ length: 40 }, (_, n) => ({ from: resident(61 + (n % 15)), text: chatter[n % chatter.length]! }));
  // The 接龙 lists neighbours who have signed up for something before it names them (so the bot knows them by name).
  const listed: string[] = [];
  const lists: Array<{ from: string; text: string }> = [];
  for (let n = 0; n < 20; n += 1) {
    listed.push(resident(n + 1));
    if (n === 4) listed.push("外婆的朋友"); // nobody the bot knows
    if (n === 10) listed.splice(listed.indexOf(resident(2)), 1); // someone crossed out
    const unique = [...new Set(listed)];
    lists.push({ from: pick(unique.filter((name) => name !== "外婆的朋友")), text: `#接龙 周五花园除草\n${unique.map((name, i) => `${i + 1}. ${name}`).join("\n")}` });
  }
  // Interleaved at random, except that a list comes only after the sign-up of the last name it adds.
  const queue = [...signUps, ...extras];
  const out: Array<{ from: string; text: string }> = [];
  let [c, l, s] = [0, 0, 0];
  while (s < queue.length || c < chat.length || l < lists.length) {
    const roll = random();
    if (c < chat.length && (roll < 0.3 || s >= queue.length)) out.push(chat[c++]!);
    else if (l < lists.length && l < s && (roll < 0.45 || s >= queue.length)) out.push(lists[l++]!);
    else if (s < queue.length) out.push(queue[s++]!);
  }
  return out;
}

describe("the bot's own noise in a busy group", () => {
  it("a morning of 60 sign-ups, 20 接龙 re-posts and chatter: summaries within the hourly budget, everyone told", { timeout: 300_000 }, async () => {
    const nonContacts = new Set(Array.from({ length: 75 }, (_, n) => resident(n + 1)).filter((_, n) => n % 4 === 0));
    const adapter = new MorningAdapter(nonContacts);
    const clock = new VirtualClock(START);
    const app = await testApp({ url: db.url, clock, adapters: [adapter] });
    const groupTimes: Date[] = [];
    const groupTexts: string[] = [];
    const collect = async () => {
      const before = adapter.sent.length;
      await app.scheduler.runDue();
      await app.dispatcher.drain();
      for (const sent of adapter.sent.slice(before)) {
        if (sent.to === "chat" && sent.id === GROUP) {
          groupTimes.push(clock.now());
          groupTexts.push(sent.message.text);
        }
      }
    };
    for (const text of ["/活动 周六 9:00-11:00 义诊 限30人", "/活动 周日 15:00 包饺子 限20人", "/活动 周五 8:00 花园除草"]) {
      await app.pipeline.handle(admin(text));
      await collect();
    }
    const random = seeded(7);
    const script = morning();
    for (const one of script) {
      clock.advance(Math.round((20 + random() * 130) * 1000)); // a message every 20 s to 2.5 min
      await app.pipeline.handle(message(GROUP, one.from, one.text, { sentAt: clock.now() }));
      await collect();
    }
    const busyUntil = clock.now();
    // The rest of the day: whatever summary was held goes out as the budget frees.
    for (let next = await app.scheduler.nextDueAt(); next; next = await app.scheduler.nextDueAt()) {
      if (next.getTime() > START.getTime() + 12 * HOUR) break; // the events' own reminders come tomorrow
      clock.set(next);
      await collect();
    }

    // The figures first (the same morning on the code before this change prints its own).
    const bites = await app.prisma.auditLog.count({ where: { action: "group.budget_reached" } });
    const figures = {
      inbound: script.length + 3,
      signUpMessages: 60,
      listReposts: 20,
      groupMessages: groupTexts.length,
      groupMessagesDuringMorning: groupTimes.filter((at) => at <= busyUntil).length,
      summaries: groupTexts.filter((text) => /^(义诊|包饺子|花园除草)：/u.test(text)).length,
      worstRollingHour: Math.max(...groupTimes.map((at) => groupTimes.filter((t) => t > new Date(at.getTime() - HOUR) && t <= at).length)),
      privateMessages: adapter.sent.filter((sent) => sent.to === "user").length,
      budgetHeld: bites,
      morningMinutes: Math.round((busyUntil.getTime() - START.getTime()) / MINUTE),
    };
    console.log(JSON.stringify({ groupNoise: figures }));
    // Every sign-up is recorded, in the database.
    const signUps = await app.prisma.signUp.findMany({ include: { person: true, event: true }, orderBy: { id: "asc" } });
    const byEvent = (title: string, state: string) => signUps.filter((one) => one.event.title === title && one.state === state);
    expect(byEvent("义诊", "confirmed").reduce((sum, one) => sum + one.count, 0)).toBe(30);
    expect(byEvent("义诊", "cancelled").map((one) => one.person.displayName)).toEqual([resident(7), resident(12)]);
    expect(byEvent("义诊", "waitlisted")).toHaveLength(3); // 35 - 30 - the two who moved up
    expect(byEvent("包饺子", "confirmed").length + byEvent("包饺子", "waitlisted").length).toBe(25);
    expect(byEvent("花园除草", "confirmed").map((one) => one.person.displayName).sort()).toEqual(
      Array.from({ length: 20 }, (_, n) => resident(n + 1)).filter((name) => name !== resident(2)).sort(),
    );

    // Within the budget: no rolling hour holds more than BUDGET bot messages in the group; when it bit, that was recorded.
    expect(figures.worstRollingHour).toBeLessThanOrEqual(BUDGET);
    expect(figures.budgetHeld).toBeGreaterThan(0);
    // Each summary is one message for one event; nobody is mentioned alone in the group.
    const summaries = groupTexts.filter((text) => /^(义诊|包饺子|花园除草)：/u.test(text));
    expect(groupTexts.filter((text) => !summaries.includes(text))).toEqual([
      expect.stringMatching(/^已发布活动：\n#1 义诊/u),
      expect.stringMatching(/^已发布活动：\n#2 包饺子/u),
      expect.stringMatching(/^已发布活动：\n#3 花园除草/u),
    ]);

    // The summaries add up: per event, who joined (or moved up) minus who left is who is in; the last total is the count.
    const sections = (text: string, label: string) =>
      [...text.matchAll(new RegExp(`(?:^|，|：)${label} (\\d+) 人（([^）]*)）`, "gu"))].flatMap((match) => match[2]!.split("、"));
    const bare = (name: string) => name.replace(/\+\d+$/u, "");
    for (const title of ["义诊", "包饺子", "花园除草"]) {
      const mine = summaries.filter((text) => text.startsWith(`${title}：`));
      const joined = mine.flatMap((text) => [...sections(text, "新报名"), ...sections(text, "候补转正")]).map(bare);
      const left = new Set(mine.flatMap((text) => sections(text, "取消")).map(bare));
      const waiting = mine.flatMap((text) => sections(text, "候补")).map(bare);
      const confirmed = byEvent(title, "confirmed").map((one) => one.person.displayName);
      expect(joined.filter((name) => !left.has(name)).sort()).toEqual([...confirmed].sort());
      expect(new Set(byEvent(title, "waitlisted").map((one) => one.person.displayName))).toEqual(new Set(waiting.filter((name) => !joined.includes(name))));
      const heads = byEvent(title, "confirmed").reduce((sum, one) => sum + one.count, 0);
      expect(mine.at(-1)).toMatch(new RegExp(`；共 ${heads}(/\\d+)? 人。$`, "u"));
    }
    expect(summaries.some((text) => text.includes("没认出 外婆的朋友"))).toBe(true);

    // Everyone signed up heard it privately, or (not a contact) is named in a summary; no private detail in the group.
    const privately = new Set(adapter.sent.filter((sent) => sent.to === "user").map((sent) => sent.id));
    const named = new Set(summaries.flatMap((text) => ["新报名", "候补转正", "候补", "取消"].flatMap((label) => sections(text, label))).map(bare));
    const everyone = [...new Set(signUps.map((one) => one.person.displayName))];
    expect(everyone.filter((name) => !privately.has(name) && !named.has(name))).toEqual([]);
    expect(everyone.filter((name) => nonContacts.has(name)).every((name) => named.has(name))).toBe(true);
    expect(
      adapter.sent.filter((sent) => sent.to === "user" && sent.message.text.startsWith("报名成功")).map((sent) => sent.id).every((name) => !nonContacts.has(name)),
    ).toBe(true);

    await app.close();
  });
});
