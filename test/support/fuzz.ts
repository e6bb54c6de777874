/**
 * Random and adversarial inbound events for the whole-pipeline fuzz (issue 15, item 6): mixed scripts, emoji with ZWJ
 * sequences and flags, right-to-left text, control characters, lone surrogates, 4,096-character lines, every
 * registered command (each of its words) with wild arguments, 接龙 lists of hundreds of lines, bare numbers out of
 * context, forged button data, empty text, people joining and leaving; from many senders on every platform, in groups
 * and privately, admins and not. Deterministic: the same seed gives the same events.
 */
import type { ButtonPressed, ChatRef, InboundEvent, InboundMessage, MembersEvent, Platform, UserRef } from "../../src/chat/types.ts";
import { defaultCommands } from "../../src/app/commands.ts";
import { seeded } from "../../src/parse/model/train.ts";

/** A seeded pseudo-random stream (mulberry32) with the few draws the generator needs. */
export class Random {
  readonly #next: () => number;

  constructor(seed: number) {
    this.#next = seeded(seed);
  }

  /** A number in [0, 1). */
  next(): number {
    return this.#next();
  }

  /** A whole number in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }
}

/** Arguments no command expects: huge, negative, not numbers, impossible dates and durations, unknown people. */
export const WILD_ARGS = [
  "1e308", "-1e308", "-5", "0", "-0", "NaN", "Infinity", "-Infinity", "0.5", "1.5", "3.14159", "0x1F", "1_000", "１２", "三", "十二", "两个",
  "99999999999999999999", "18446744073709551616", "00000000000000000001", "#99999999999999999999", "#0", "#-1", "#1", "#2", "#3", "#5", "#12", "#1e3",
  "1", "2", "3", "4", "7", "12", "100", "2147483648", "9007199254740993",
  "2月30日", "13月45日", "0月0日", "2026-02-30", "2026-13-01", "1970-01-01", "9999-12-31", "明天 25:61", "下周二 晚上8点", "后天上午", "昨天", "上个月",
  "999小时", "-3小时", "0小时", "0.0001小时", "1.5小时", "两个半小时", "一万小时", "10000 hours", "-2 hours", "0 min", "1e308小时",
  "@不存在的人", "@王师傅", "@Emma", "@孙主任", "@周大姐", "@李奶奶", "@@@", "@", "@邻里小助手", "@‮nimda",
  "3-502", "99-9999", "0-0", "-1--1", "3栋502", "99栋9999", "building 7 room 1201", "3/502", "3-", "-502",
  "22:00-07:00", "25:00-99:99", "07:00-22:00", "00:00-00:00", "23:59-23:59", "晚上10点到早上7点", "off", "关",
  "13800000001", "+8613800000000", "110", "1380000000000000000000", "phone", "yes", "no", "是", "否", "all", "me", "全部", "我",
  "request", "sos", "signup", "meant", "/help", "//", "'; DROP TABLE Person; --", "%s%s%n", "${process}", "<script>alert(1)</script>",
  "null", "undefined", "[]", "{}", "true", "\\u0000", "修水管", "梯子", "English tutoring", "种花", "社区花园", "东区网格", "西区网格",
] as const;

/** What residents really say: requests, emergencies, sign-ups, thanks, service logs, offers, closings, questions. */
export const PHRASES = [
  "谁家有梯子借我用一下", "求助：3栋502水管漏水了，谁会修", "有没有人能帮忙陪李奶奶去医院", "明天上午谁能帮我接孩子", "谁有打气筒",
  "救命！有人晕倒了", "紧急！3栋101李奶奶摔倒了起不来", "着火了！5栋冒烟", "快来人 心脏病犯了", "SOS",
  "我住3栋502", "我住99栋9999", "我家在7栋1201", "我住0栋0", "我住在花园里",
  "报名", "+1", "我也报名", "算我一个", "报名2人", "报名 -5人", "报名1e308人", "取消报名", "我不去了",
  "谢谢王师傅", "感谢@张阿姨 帮我买菜", "谢谢大家！", "太感谢刘医生了",
  "我帮李奶奶买菜2小时", "陪张阿姨看病花了999小时", "王师傅帮我修水管用了-3小时", "帮Emma搬家 0.0001小时", "今天帮赵老师看孩子一万小时",
  "好了，谢谢大家", "不用了已经解决", "问题解决了，谢谢", "梯子不用了",
  "最近有什么求助", "有人需要帮忙吗", "还有谁没人帮", "这周有什么活动",
  "我可以帮忙修电脑", "我有梯子可以借", "我会急救", "周末我有空可以帮忙",
  "这周六上午9点在花园种花，欢迎报名", "2月30日下午3点 义剪活动 限20人", "下周二晚上8点 读书会 限-5人", "13月45日 元旦联欢 限1e308人",
  "平安", "签到", "到了", "我去", "我来", "我去不了", "on my way",
  "楼上漏水吵架了，谁来调解", "举报：楼道堆满杂物", "3栋502天天噪音，我要投诉",
  "Can anyone lend me a ladder?", "HELP! my neighbour collapsed", "I live in building 3 room 502", "count me in", "thanks @Emma for the lift",
  "I helped Emma for 2 hours", "I helped Emma for 1e308 hours", "sorted, thanks", "any requests open?", "I can help with gardening",
  "Saturday 10am garden cleanup, sign up", "Feb 30 at 25:00 party, max -5 people", "emergency! fire in building 5",
  "大家早上好", "今天天气不错[强]", "#今日菜价 白菜2元", "good morning all", "3栋502的快递到了", "哈哈哈",
] as const;

/** Pieces of text that trip up text handling. */
const ODD = [
  "👨‍👩‍👧‍👦", "👩🏽‍🚒", "🏳️‍🌈", "🇨🇳", "🇺🇸", "🇹🇼", "🇺🇳", "🏴󠁧󠁢󠁳󠁣󠁴󠁿", "❤️", "🙏🏻", "😂", "🆘", "1️⃣", "#️⃣", "🔟",
  "مرحبا بالجيران", "שלום", "\u202e", "\u202d", "\u2066", "\u200f", "\u200e", "\u061c",
  "\u0000", "\u0001", "\u0007", "\u0008", "\u001b[31m", "\u007f", "\u0085", "\r", "\r\n", "\t", "\v", "\f", "\u2028", "\u2029",
  "\ud800", "\udc00", "\udbff", "\ud83d", "\ude00", "\u200b", "\u200c", "\u200d", "\ufeff", "\u2060", "\u00ad", "\ufffd", "\uffff",
  "e\u0301\u0301\u0301", "Z̸̡̢͓̈́a̴̛̘l̵̲̈g̶̙̀ǒ̸̥", "ｈｅｌｐ", "／帮助", "＃接龙", "Ⅻ", "①②③", "٣", "৩", "߃", "𝟑", "〇", "亖",
  "한국어", "日本語テキスト", "Ελληνικά", "русский", "हिन्दी", "ไทย", "ᠮᠣᠩᠭᠣᠯ", "ꦗꦮ", "𠀀𠀁", "\u3000", "\u00a0", "\u2005",
  "「", "」", "（（（（", "））））", "[强]", "[微笑]", "<b>", "*bold*", "`code`", "_", "\\", "\"", "'", "\n\n\n",
] as const;

/** The bot's names as residents @mention it. */
const BOT_MENTIONS = ["@邻里小助手 ", "@邻里小助手\u2005", "@LinliBot ", ""];

const DEMO_PEOPLE = ["王秀英", "李奶奶", "张阿姨", "王师傅", "刘医生", "陈司机", "赵老师", "孙小妹", "钱大爷", "Emma", "周大姐", "孙主任"];
const DEMO_GROUPS = ["3栋邻里群", "花园兴趣群", "GardenClub"];
const NAME_PIECES = ["王", "李", "张", "Ann", "Bob", "阿姨", "师傅", "😀", "‮", "", "​", "🇨🇳", "x".repeat(300), "\u0000", "邻里小助手"];

/** One generated event and the kind of text it was made from (the fuzz reports failures by it). */
export interface FuzzEvent {
  event: InboundEvent;
  shape: string;
}

/** Settings of a generated stream. */
export interface FuzzOptions {
  seed: number;
  /** The time of the first event; each event is stamped a little later. */
  start: Date;
}

/** An endless, deterministic stream of fuzz events. */
export function* fuzzEvents(options: FuzzOptions): Generator<FuzzEvent> {
  const random = new Random(options.seed);
  const words = [...defaultCommands().words.keys()];
  const sent: InboundMessage[] = [];
  for (let n = 1; ; n += 1) {
    const at = new Date(options.start.getTime() + n * 1000);
    const id = `fuzz-${options.seed}-${n}`;
    // First every word of every registered command once, then every resident phrase once, so each command's handler
    // and each route of what residents say runs in even a short run.
    const word = words[n - 1];
    const phrase = word === undefined ? PHRASES[n - 1 - words.length] : undefined;
    const roll = word === undefined && phrase === undefined ? random.next() : 1;
    if (roll < 0.01 && sent.length) {
      yield { event: { ...random.pick(sent) }, shape: "redelivery" };
      continue;
    }
    if (roll < 0.02) {
      yield { event: members(random, id, at), shape: "members" };
      continue;
    }
    if (roll < 0.07) {
      yield { event: button(random, id, at, words), shape: "button" };
      continue;
    }
    const [shape, text] = word !== undefined ? ["command", commandText(random, [word], true)] : phrase !== undefined ? ["phrase", phrase] : messageText(random, words);
    const message = inbound(random, id, at, text);
    if (sent.length < 500) sent.push(message);
    else sent[random.int(sent.length)] = message;
    yield { event: message, shape };
  }
}

/** `count` events of a seed, as an array. */
export function fuzzBatch(options: FuzzOptions, count: number): FuzzEvent[] {
  const events: FuzzEvent[] = [];
  for (const one of fuzzEvents(options)) {
    events.push(one);
    if (events.length === count) break;
  }
  return events;
}

function messageText(random: Random, words: string[]): [string, string] {
  const roll = random.next();
  let shape: string;
  let text: string;
  if (roll < 0.25) [shape, text] = ["command", commandText(random, words)];
  else if (roll < 0.47) [shape, text] = ["phrase", phraseText(random)];
  else if (roll < 0.55) [shape, text] = ["jielong", jielong(random)];
  else if (roll < 0.66) [shape, text] = ["number", numberText(random)];
  else if (roll < 0.78) [shape, text] = ["soup", soup(random, 1 + random.int(40))];
  else if (roll < 0.83) [shape, text] = ["long", longLine(random)];
  else if (roll < 0.86) [shape, text] = ["empty", random.pick(["", " ", "\n", "\u3000", "\u200b", "\t\t"])];
  else [shape, text] = ["mixed", `${phraseText(random)} ${commandText(random, words)} ${soup(random, random.int(6))}`];
  if (random.chance(0.2)) text = mutate(random, text);
  return [shape, truncate(text, 4096)];
}

/** A command by any of its words, with zero to four wild arguments; `covering`: exactly "/word". */
function commandText(random: Random, words: string[], covering = false): string {
  const prefix = covering ? "/" : random.pick(["/", "/", "/", "／", "", "#", "!", " /", "//"]);
  const word = !covering && random.chance(0.05) ? random.pick(["nosuchcommand", "帮主", "HELP", "Accept", "登 记", "a".repeat(64)]) : random.pick(words);
  // Covering, the word stands alone, so the text is that command ("/join 1.5小时" reads as a sign-up by title, "/join：…" as words).
  const args = covering ? [] : Array.from({ length: random.int(5) }, () => (random.chance(0.85) ? random.pick(WILD_ARGS) : soup(random, 1 + random.int(4))));
  const separator = random.pick([" ", " ", "\u3000", "", "\n", "  ", ":", "："]);
  const mention = !covering && random.chance(0.15) ? random.pick(BOT_MENTIONS) : "";
  return `${mention}${prefix}${word}${args.length ? separator : ""}${args.join(random.pick([" ", " ", ",", "，", "\n"]))}`;
}

function phraseText(random: Random): string {
  const phrase = random.pick(PHRASES);
  const extra = random.chance(0.3) ? ` ${random.pick(WILD_ARGS)}` : "";
  return `${random.chance(0.15) ? random.pick(BOT_MENTIONS) : ""}${phrase}${extra}`;
}

/** A 接龙 (chain sign-up list) as WeChat groups re-post it: header, title, and up to hundreds of numbered lines. */
function jielong(random: Random): string {
  const header = random.pick(["#接龙", "＃接龙", "#Jielong", "接龙", "#接龙 #接龙"]);
  const title = random.chance(0.5) ? random.pick(PHRASES) : random.pick(["周六种花 2月30日 上午9点", "义剪 13月45日", "", "读书会 下周二晚上8点"]);
  const lines = random.chance(0.3) ? 100 + random.int(400) : random.int(30);
  const body: string[] = [];
  for (let i = 0; i < lines; i += 1) {
    const number = random.chance(0.9) ? i + 1 : random.pick([0, -1, 99999999, i, i + 2, 1]);
    const name = random.chance(0.7) ? random.pick([...DEMO_PEOPLE, "张三", "Ann", "居民7"]) : soup(random, 1 + random.int(5));
    body.push(`${number}${random.pick([". ", "、", ".", " ", "．"])}${name}${random.chance(0.1) ? ` ${random.pick(WILD_ARGS)}` : ""}`);
  }
  return [header, title, ...body].join(random.chance(0.9) ? "\n" : "\r\n");
}

function numberText(random: Random): string {
  const number = String(1 + random.int(99));
  return random.pick([number, number, ` ${number} `, `${number}\n`, "0", "00", "１", "①", `${number}.`, "100"]);
}

/** Random pieces of odd text and random code points (surrogates included). */
function soup(random: Random, pieces: number): string {
  let text = "";
  for (let i = 0; i < pieces; i += 1) {
    const roll = random.next();
    if (roll < 0.55) text += random.pick(ODD);
    else if (roll < 0.7) text += random.pick(PHRASES);
    else if (roll < 0.85) text += String.fromCharCode(random.int(0x10000));
    else text += String.fromCodePoint(random.int(0x110000));
  }
  return text;
}

/** A line of 4,096 characters (UTF-16 units, as Telegram counts): one piece repeated, or soup. */
function longLine(random: Random): string {
  const piece = random.chance(0.5) ? random.pick([...PHRASES, ...ODD, "救命", "1", "我", "a ", "/help "]) : soup(random, 30);
  return truncate(piece.repeat(Math.ceil(4096 / Math.max(1, piece.length))), 4096);
}

function mutate(random: Random, text: string): string {
  let out = text;
  for (let i = random.int(4); i >= 0; i -= 1) {
    const at = random.int(out.length + 1);
    out = out.slice(0, at) + random.pick(ODD) + out.slice(at);
  }
  return random.chance(0.2) ? out.toUpperCase() : out;
}

function truncate(text: string, max: number): string {
  return text.length > max ? text.slice(0, max) : text;
}

/** A sender and the chat they write in: demo residents, made-up residents on every platform, odd names. */
function who(random: Random): { sender: UserRef; chat: ChatRef } {
  const platform: Platform = random.pick(["console", "console", "console", "telegram", "telegram", "wechat"]);
  const isAdmin = random.pick([undefined, undefined, undefined, true, false, false]);
  let id: string;
  let displayName: string;
  if (platform === "console" && random.chance(0.5)) id = displayName = random.pick(DEMO_PEOPLE);
  else {
    id = platform === "telegram" ? random.pick([String(1000 + random.int(300)), "99999999999999999999", "-1", "0"]) : `wxid_${random.int(300)}`;
    displayName = random.chance(0.8) ? `居民${random.int(300)}` : Array.from({ length: random.int(4) }, () => random.pick(NAME_PIECES)).join("");
  }
  const sender: UserRef = { platform, id, displayName, ...(isAdmin === undefined ? {} : { isAdmin }), ...(random.chance(0.1) ? { lang: random.pick(["en", "zh-CN"] as const) } : {}) };
  if (random.chance(0.3)) return { sender, chat: { platform, id: platform === "console" ? `dm:${id}` : id, kind: "private", title: displayName } };
  const groupId =
    platform === "console"
      ? random.chance(0.8) ? random.pick(DEMO_GROUPS) : `楼群${random.int(8)}`
      : platform === "telegram" ? random.pick(["-1001", "-1002", "-100999999999999999999"]) : random.pick(["R1@chatroom", "R2@chatroom"]);
  return { sender, chat: { platform, id: groupId, kind: "group", title: random.chance(0.9) ? groupId : soup(random, 3) } };
}

function inbound(random: Random, id: string, at: Date, text: string): InboundMessage {
  const { sender, chat } = who(random);
  const mentions = Array.from({ length: random.chance(0.1) ? 1 + random.int(3) : 0 }, () => who(random).sender);
  return {
    id,
    chat,
    sender,
    text,
    addressedToBot: chat.kind === "private" || random.chance(0.3),
    mentions,
    ...(random.chance(0.05) ? { replyToId: random.pick(["1", "99999999999999999999", "", "forged", "-1"]) } : {}),
    sentAt: at,
  };
}

/** A button press with forged data: a command on a made-up id, an option of nothing, or junk. */
function button(random: Random, id: string, at: Date, words: string[]): ButtonPressed {
  const { sender, chat } = who(random);
  const data = random.pick([
    () => `/${random.pick(words)} ${random.pick(WILD_ARGS)}`,
    () => `/meant ${random.int(20)} ${random.pick(["request", "sos", "signup", "offer", "thanks", "register", "query", "none", "x"])}`,
    () => `/meant ${random.pick(WILD_ARGS)}`,
    () => soup(random, 1 + random.int(5)),
    () => random.pick(["", "1", "99", "/accept", "/accept #99999999999999999999", "/ack 0", "/decline -5"]),
  ])();
  return { kind: "button_pressed", id, chat, sender, data, ...(random.chance(0.7) ? { messageId: String(random.int(1000)) } : {}), at };
}

function members(random: Random, id: string, at: Date): MembersEvent {
  const { chat } = who(random);
  const people = Array.from({ length: random.int(5) }, () => ({ ...who(random).sender, platform: chat.platform }));
  return { kind: random.chance(0.7) ? "members_joined" : "members_left", id, chat: { ...chat, kind: "group" }, members: people, at };
}
