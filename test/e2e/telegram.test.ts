/**
 * The real Telegram adapter, through telegraf's own HTTP client, against the Bot API emulator on 127.0.0.1: a request
 * answered by button, an event sign-up by button and by "+1", an SOS, a redelivered update, the webhook's secret, and
 * 100 messages to one group paced to Telegram's limits. The clock is virtual; only HTTP runs in real time.
 */
import { afterEach, describe, expect, it } from "vitest";
import { freePort } from "../support/free-port.ts";
import { startMain } from "../support/console-run.ts";
import { TelegramEmulator, type TestChat, type TestUser } from "../support/telegram-emulator.ts";
import { decodePng } from "../support/png.ts";
import { T0, tempDatabase, testApp } from "../support/app.ts";
import { VirtualClock } from "../../src/kernel/clock.ts";
import { silentLogger } from "../../src/logger.ts";
import { FakeOpenAi } from "../support/fake-openai.ts";
import { TelegramAdapter } from "../../adapters/telegram/telegram-adapter.ts";
import { parseRoster } from "../../src/features/community/domain/roster.ts";
import { importRoster } from "../../src/features/community/import-roster.ts";
import { repositoriesFor } from "../../src/infra/unit-of-work.ts";
import type { InboundEvent, InboundMessage } from "../../src/chat/types.ts";

const TOKEN = "123456789:AAHk3v9q-ExampleExampleExample_xyz";
const GROUP = { id: -1001, type: "supergroup" as const, title: "3栋邻里群" };
const user = (id: number, name: string): TestUser => ({ id, first_name: name, language_code: "zh-hans" });
const PEOPLE = {
  requester: user(101, "王秀英"),
  wang: user(102, "王师傅"),
  zhang: user(103, "张阿姨"),
  zhao: user(104, "赵老师"),
  liu: user(105, "刘医生"),
  sun: user(106, "孙主任"),
};
const ROSTER = [
  "name,platform,id,building,room,roles,skills",
  "王秀英,telegram,101,3,302,resident,",
  "王师傅,telegram,102,3,601,volunteer,梯子;修水管",
  "张阿姨,telegram,103,3,502,volunteer,读报",
  "赵老师,telegram,104,3,702,volunteer,辅导作业",
  "刘医生,telegram,105,2,201,volunteer,急救",
  "孙主任,telegram,106,5,101,coordinator,",
].join("\n");

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Linli with the real Telegram adapter against a fresh emulator, on a virtual clock, with the roster imported. */
async function setup(options: { mode?: "polling" | "webhook"; limits?: { perChatPerSecond?: number; perGroupPerMinute?: number }; env?: Record<string, string> } = {}) {
  const clock = new VirtualClock(T0);
  const now = () => clock.now().getTime();
  const emulator = new TelegramEmulator({ token: TOKEN, now, ...(options.limits ? { limits: options.limits } : {}) });
  const apiRoot = await emulator.start();
  cleanups.push(() => emulator.stop());
  const db = tempDatabase();
  cleanups.push(() => db.cleanup());
  const webhookPort = await freePort();
  const adapter = new TelegramAdapter({
    token: TOKEN,
    apiRoot,
    mode: options.mode ?? "polling",
    webhook: { url: `http://127.0.0.1:${webhookPort}/telegram`, port: webhookPort, secret: "test-secret-test-secret" },
    log: silentLogger(),
    now,
  });
  const app = await testApp({ url: db.url, clock, adapters: [adapter], start: false, ...(options.env ? { env: options.env } : {}) });
  cleanups.push(() => app.close());
  await app.db.transaction(async (tx) => {
    const repos = repositoriesFor(tx, T0);
    const community = await repos.directories.defaultCommunity();
    await importRoster(repos, community.id, parseRoster(ROSTER).rows);
  });
  await app.prisma.volunteerProfile.updateMany({ where: { person: { displayName: "刘医生" } }, data: { firstAid: true } });
  emulator.setAdmins(GROUP.id, [PEOPLE.sun.id]);
  await app.start({ timers: false });
  /** Wait until the bot has handled update `id` (polling confirms it with the next getUpdates offset). */
  const handled = (id: number) =>
    emulator.waitFor(() => emulator.calls.some((call) => call.method === "getUpdates" && Number(call.params.offset ?? 0) > id));
  /** Send everything due, advancing the virtual clock a second at a time while the pacing holds messages back. */
  const flush = async () => {
    for (let i = 0; i < 400; i += 1) {
      await app.dispatcher.drain();
      if ((await app.prisma.outboxMessage.count({ where: { state: "pending" } })) === 0) return;
      clock.advance(1000);
    }
    throw new Error("outbox not empty after 400 virtual seconds");
  };
  const say = async (from: TestUser, text: string, chat: TestChat = GROUP) => {
    const id = emulator.userMessage({ chat, from, text });
    await handled(id);
    await flush();
    return id;
  };
  /** `from` posts a photo, with a caption if given, in `chat`; once it is handled and everything due is sent: its file id. */
  const sayPhoto = async (from: TestUser, caption?: string, chat: TestChat = GROUP) => {
    const { updateId, fileId } = emulator.userPhoto({ chat, from, ...(caption === undefined ? {} : { caption }) });
    await handled(updateId);
    await flush();
    return fileId;
  };
  const press = async (from: TestUser, chatId: number, messageId: number, data: string) => {
    const id = emulator.pressButton({ chatId, messageId, from, data });
    await handled(id);
    await flush();
  };
  const to = (chatId: number) => emulator.sent.filter((sent) => Number(sent.chatId) === chatId);
  /** What the adapter handed the pipeline from now on. */
  const received = (): InboundEvent[] => {
    const events: InboundEvent[] = [];
    const receive = app.pipeline.receive.bind(app.pipeline);
    app.pipeline.receive = (event) => {
      events.push(event);
      return receive(event);
    };
    return events;
  };
  return { clock, emulator, adapter, app, say, sayPhoto, press, to, flush, handled, received };
}


const dm = (person: TestUser) => ({ id: person.id, type: "private" as const });

describe("Telegram through telegraf against the Bot API emulator", () => {
  it("a request → private pings with buttons → accept by button (answered) → the requester is told; a redelivered update acts once", async () => {
    const { emulator, app, say, press, to } = await setup();
    for (const person of Object.values(PEOPLE)) await say(person, "/start", dm(person)); // everyone pressed Start
    const requestUpdate = await say(PEOPLE.requester, "谁家有梯子借用一下");
    expect(to(GROUP.id).at(-1)!.text).toMatch(/^收到求助 #1/u);
    const pings = [PEOPLE.wang, PEOPLE.zhang, PEOPLE.zhao].map((person) => to(person.id).at(-1)!);
    for (const ping of pings) {
      expect(ping.text).toBe("求助 #1：王秀英（3栋）需要帮忙——谁家有梯子借用一下");
      expect(ping.replyMarkup).toEqual({
        inline_keyboard: [[{ text: "接单", callback_data: "/accept 1" }], [{ text: "不方便", callback_data: "/decline 1" }]],
      });
    }
    await press(PEOPLE.wang, PEOPLE.wang.id, pings[0]!.messageId, "/accept 1");
    expect(emulator.answeredCallbacks).toHaveLength(1);
    // The pressed ping loses its buttons (the text stays).
    expect(emulator.calls.find((call) => call.method === "editMessageText")?.params).toMatchObject({ chat_id: String(PEOPLE.wang.id), message_id: pings[0]!.messageId });
    expect(to(PEOPLE.wang.id).at(-1)!.text).toBe("谢谢您接下求助 #1！请联系王秀英（3栋），可以在群里@TA或私信。完成后回复 /完成 1。");
    expect(to(PEOPLE.requester.id).at(-1)!.text).toBe("好消息：王师傅接下了您的求助 #1，会尽快联系您。");
    expect(to(PEOPLE.zhang.id).at(-1)!.text).toBe("求助 #1 已经有人接了，谢谢您！");

    emulator.redeliver(requestUpdate);
    await emulator.waitFor(() => emulator.pendingUpdates === 0); // the copy was fetched, handled and confirmed
    await app.dispatcher.drain();
    expect(await app.prisma.helpRequest.count()).toBe(1);
    // Group members' admin status came from getChatAdministrators, cached (one call for all these messages).
    expect(emulator.adminCalls(GROUP.id)).toBe(1);
  });

  it("an event sign-up by button and by +1; an SOS reaches the first-aider and the coordinator at once", async () => {
    const { say, press, to, app, clock, flush } = await setup();
    for (const person of Object.values(PEOPLE)) await say(person, "/start", dm(person));
    await say(PEOPLE.sun, "/event Sat 9am-11am Garden cleanup, 10 places");
    const card = to(GROUP.id).at(-1)!;
    expect(card.text).toMatch(/^Event posted:\n#1 Garden cleanup/u);
    expect(card.replyMarkup).toEqual({ inline_keyboard: [[{ text: "Sign me up", callback_data: "/join 1" }], [{ text: "Cancel", callback_data: "/leave 1" }]] });
    await press(PEOPLE.zhang, GROUP.id, card.messageId, "/join 1");
    // Each sign-up is confirmed privately; the group gets one summary when the few minutes' window closes.
    expect(to(PEOPLE.zhang.id).at(-1)!.text).toBe("报名成功：Garden cleanup。已报 1/10 人。");
    await say(PEOPLE.zhao, "+1");
    expect(to(PEOPLE.zhao.id).at(-1)!.text).toBe("报名成功：Garden cleanup。已报 2/10 人。");
    expect(to(GROUP.id).at(-1)).toBe(card);
    clock.set(new Date(Math.ceil((clock.now().getTime() + 1) / 180_000) * 180_000));
    await app.scheduler.runDue();
    await flush();
    expect(to(GROUP.id).at(-1)!.text).toBe("Garden cleanup：新报名 2 人（张阿姨、赵老师）；共 2/10 人。");

    await say(PEOPLE.requester, "救命！3栋302有人摔倒了");
    expect(to(GROUP.id).at(-1)!.text).toMatch(/^⚠️ 有人摔倒：请马上拨打 120！/u);
    expect(to(PEOPLE.liu.id).at(-1)!.text).toMatch(/^🚨紧急求助 #1：有人摔倒，地点：3栋302/u);
    expect(to(PEOPLE.sun.id).at(-1)!.text).toMatch(/^🚨紧急求助 #1/u);
    // The group hears the advice, never where anyone lives (the alert carries the place said, privately).
    for (const sent of to(GROUP.id)) expect(sent.text).not.toMatch(/3栋302|601|702|502/u);
    // An alert's button has an answer word too: typed alone, "我去！" takes the alert he was sent.
    await say(PEOPLE.liu, "我去！", dm(PEOPLE.liu));
    expect(to(PEOPLE.liu.id).at(-1)!.text).toBe("谢谢！已记下您去处理紧急求助 #1，路上注意安全。");
    expect(to(PEOPLE.requester.id).at(-1)!.text).toBe(`${PEOPLE.liu.first_name}已收到求助，正在赶来。`);
  });

  it("someone who never pressed Start is mentioned in the group without the details", async () => {
    const { emulator, say, to } = await setup();
    emulator.blockPrivate(PEOPLE.wang.id);
    await say(PEOPLE.requester, "谁家有梯子借用一下");
    expect(to(PEOPLE.wang.id)).toEqual([]);
    expect(to(GROUP.id).map((sent) => sent.text)).toContain("@王师傅 我有一条消息要私下发给您：请点我的名字，进入私聊后按“开始”(Start)，我就能发给您了。");
    // The mention notifies him: a text_mention entity for his user id over "@王师傅".
    const mention = emulator.calls.find((call) => call.method === "sendMessage" && String(call.params.text).startsWith("@王师傅"));
    expect(mention?.params.entities).toEqual([{ type: "text_mention", offset: 0, length: 4, user: { id: PEOPLE.wang.id, is_bot: false, first_name: "王师傅" } }]);
  });

  it("sets the command menus in Chinese and English at start", async () => {
    const { emulator } = await setup();
    const languages = emulator.commands.map((call) => call.language_code ?? "default");
    expect(languages).toEqual(["zh", "en", "default"]);
    expect(emulator.commands[1]!.commands).toContainEqual({ command: "help", description: "How to use the bot" });
  });

  it("takes updates by webhook with the secret, refuses a wrong secret, and acts once on a redelivery", async () => {
    const { emulator, app, flush } = await setup({ mode: "webhook" });
    const hook = emulator.webhook()!;
    expect(hook.secret).toBe("test-secret-test-secret");
    const wrong = await fetch(hook.url, {
      method: "POST",
      headers: { "content-type": "application/json", "X-Telegram-Bot-Api-Secret-Token": "wrong" },
      body: JSON.stringify({ update_id: 999, message: { message_id: 1, date: 0, chat: GROUP, from: PEOPLE.requester, text: "谁家有梯子借用一下" } }),
    });
    expect(wrong.status).toBeGreaterThanOrEqual(400);
    const id = emulator.userMessage({ chat: GROUP, from: PEOPLE.requester, text: "谁家有梯子借用一下" });
    emulator.redeliver(id); // as Telegram does after an answer it did not get
    await emulator.waitFor(() => emulator.pendingUpdates === 0); // both copies answered 2xx, each after its handling
    await flush();
    expect(await app.prisma.helpRequest.count()).toBe(1);
    expect(emulator.sent.filter((sent) => Number(sent.chatId) === GROUP.id).map((sent) => sent.text)[0]).toMatch(/^收到求助 #1/u);
  });

  it("sends 100 messages to one group complete, in order, and within Telegram's limits", async () => {
    const { app, emulator, flush, to } = await setup();
    await app.db.transaction(async (tx) => {
      const outboxes = repositoriesFor(tx, T0).outboxes;
      for (let n = 1; n <= 100; n += 1) await outboxes.enqueue({ kind: "chat", platform: "telegram", chatId: String(GROUP.id) }, { text: `第${n}条` }, { lang: "zh-CN" });
    });
    await flush();
    const sent = to(GROUP.id);
    expect(sent.map((one) => one.text)).toEqual(Array.from({ length: 100 }, (_, n) => `第${n + 1}条`));
    expect(emulator.rejected429).toBe(0);
    for (let i = 0; i < sent.length; i += 1) {
      if (i >= 1) expect(sent[i]!.at - sent[i - 1]!.at).toBeGreaterThanOrEqual(1000);
      if (i >= 20) expect(sent[i]!.at - sent[i - 20]!.at).toBeGreaterThanOrEqual(60_000);
    }
  });

  it("honours a 429's retry_after through the outbox: nothing lost, order kept", async () => {
    // Telegram stricter than the adapter's own pacing (5 a minute here): the 429s come back as "rate-limited".
    const { app, emulator, flush, to } = await setup({ limits: { perGroupPerMinute: 5 } });
    await app.db.transaction(async (tx) => {
      const outboxes = repositoriesFor(tx, T0).outboxes;
      for (let n = 1; n <= 12; n += 1) await outboxes.enqueue({ kind: "chat", platform: "telegram", chatId: String(GROUP.id) }, { text: `通知${n}` }, { lang: "zh-CN" });
    });
    await flush();
    expect(emulator.rejected429).toBeGreaterThan(0);
    expect(to(GROUP.id).map((one) => one.text)).toEqual(Array.from({ length: 12 }, (_, n) => `通知${n + 1}`));
    expect(await app.prisma.outboxMessage.count({ where: { state: "failed" } })).toBe(0);
  });

  it("welcomes new members, and splits a long message at 4,096 characters", async () => {
    const { emulator, app, flush, to } = await setup();
    const id = emulator.memberJoined({ chat: GROUP, from: PEOPLE.sun, members: [{ id: 201, first_name: "小李" }] });
    await emulator.waitFor(() => emulator.calls.some((call) => call.method === "getUpdates" && Number(call.params.offset ?? 0) > id));
    await flush();
    expect(to(GROUP.id)[0]!.text).toMatch(/^欢迎小李！我是邻里小助手.*请私聊我并按一下“开始”\(Start\)/u);
    await app.db.transaction((tx) =>
      repositoriesFor(tx, T0).outboxes.enqueue({ kind: "chat", platform: "telegram", chatId: String(GROUP.id) }, { text: `${"长".repeat(4000)}\n${"文".repeat(1000)}` }, { lang: "zh-CN" }),
    );
    await flush();
    expect(to(GROUP.id).slice(1).map((sent) => sent.text!.length)).toEqual([4000, 1000]);
  });

  it(
    "npm start with TELEGRAM_BOT_TOKEN runs the Telegram adapter (no console), answers, stops on SIGTERM, and never logs the token",
    async () => {
      const emulator = new TelegramEmulator({ token: TOKEN });
      const apiRoot = await emulator.start();
      cleanups.push(() => emulator.stop());
      const db = tempDatabase();
      cleanups.push(() => db.cleanup());
      const main = startMain({ PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", DATABASE_URL: db.url, LOG_LEVEL: "info", TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: apiRoot });
      cleanups.push(() => void main.child.kill("SIGKILL"));
      await emulator.waitFor(() => emulator.calls.some((call) => call.method === "getUpdates"));
      emulator.userMessage({ chat: { id: 301, type: "private" }, from: { id: 301, first_name: "Ann", language_code: "en" }, text: "/help" });
      await emulator.waitFor(() => emulator.sent.some((sent) => Number(sent.chatId) === 301));
      // Ann's Telegram is set to English: her private chat is answered in English.
      expect(emulator.sent.find((sent) => Number(sent.chatId) === 301)!.text).toMatch(/^I'm 邻里小助手, helping neighbours help each other/u);
      main.child.kill("SIGTERM");
      expect(await main.exited).toBe(0);
      expect(main.stdout()).not.toContain("Linli console");
      expect(main.stderr()).toContain("Linli is running");
      expect(main.stderr()).not.toContain(TOKEN.split(":")[1]);
    },
    60_000,
  );

  it("a voice message is transcribed by the speech-to-text endpoint, quoted back and handled as a request", async () => {
    const stt = new FakeOpenAi();
    const base = await stt.start();
    cleanups.push(() => stt.stop());
    const { emulator, to, say, handled, flush, app } = await setup({ env: { STT_BASE_URL: base, STT_API_KEY: "sk-stt-test" } });
    for (const person of Object.values(PEOPLE)) await say(person, "/start", dm(person));
    stt.reply({ kind: "transcript", text: "谁家有梯子借用一下" });
    const audio = Uint8Array.from([0x4f, 0x67, 0x67, 0x53, 0x00, 0x02, 0x17, 0x2a]);
    await handled(emulator.userVoice({ chat: GROUP, from: PEOPLE.requester, audio, seconds: 3 }));
    await flush();
    expect(to(GROUP.id).slice(-2).map((sent) => sent.text)).toEqual(["🎤 我听到的是：「谁家有梯子借用一下」", expect.stringMatching(/^收到求助 #1/u)]);
    expect(to(PEOPLE.wang.id).at(-1)!.text).toBe("求助 #1：王秀英（3栋）需要帮忙——谁家有梯子借用一下");
    expect(await app.prisma.helpRequest.findMany({ select: { sourceText: true, category: true } })).toEqual([{ sourceText: "谁家有梯子借用一下", category: "borrow" }]);
    // The bytes went through getFile and the file URL to the endpoint, as a multipart upload with the model and key.
    expect(emulator.fileDownloads).toBe(1);
    const [upload] = stt.received;
    expect(upload!.path).toBe("/v1/audio/transcriptions");
    expect(upload!.authorization).toBe("Bearer sk-stt-test");
    expect(upload!.contentType).toMatch(/^multipart\/form-data/u);
    expect(upload!.body.includes(Buffer.from(audio))).toBe(true);
    expect(upload!.body.toString("latin1")).toContain("whisper-1");
  });

  it("without a speech-to-text endpoint, a private voice message gets a kind note and a group one is left alone", async () => {
    const { emulator, to, say, handled, flush } = await setup();
    await say(PEOPLE.requester, "/start", dm(PEOPLE.requester));
    const before = to(GROUP.id).length;
    await handled(emulator.userVoice({ chat: GROUP, from: PEOPLE.requester, audio: Uint8Array.from([1, 2, 3]), seconds: 2 }));
    await handled(emulator.userVoice({ chat: dm(PEOPLE.requester), from: PEOPLE.requester, audio: Uint8Array.from([1, 2, 3]), seconds: 2 }));
    await flush();
    expect(to(GROUP.id)).toHaveLength(before);
    expect(to(PEOPLE.requester.id).at(-1)!.text).toBe("抱歉，我现在只能看文字消息，请打字告诉我，或请家人帮忙发一下。");
    expect(emulator.fileDownloads).toBe(0);
  });

  it("throttles a member flooding the group with one notice that mentions them, while their SOS still alerts", async () => {
    const { emulator, say, to, handled } = await setup({ env: { RATE_LIMIT_PER_MINUTE: "3" } });
    for (const person of Object.values(PEOPLE)) await say(person, "/start", dm(person));
    let last = 0;
    for (let i = 0; i < 30; i += 1) last = emulator.userMessage({ chat: GROUP, from: PEOPLE.requester, text: "/help" });
    await handled(last);
    await say(PEOPLE.requester, "救命！3栋302有人摔倒了");
    const texts = to(GROUP.id).map((sent) => sent.text ?? "");
    expect(texts.filter((text) => text.startsWith("我是邻里小助手"))).toHaveLength(2); // 3 a minute: /start used one
    expect(texts.filter((text) => text.includes("发得太快"))).toEqual(["@王秀英 您发得太快了，有的消息我没有处理，请过一分钟再发。紧急求救不受影响。"]);
    const notice = emulator.calls.find((call) => call.method === "sendMessage" && String(call.params.text).startsWith("@王秀英"));
    expect(notice?.params.entities).toEqual([{ type: "text_mention", offset: 0, length: 4, user: { id: PEOPLE.requester.id, is_bot: false, first_name: "王秀英" } }]);
    expect(texts.filter((text) => /^⚠️ 有人摔倒：请马上拨打 120！/u.test(text))).toHaveLength(1);
    expect(to(PEOPLE.liu.id).at(-1)!.text).toMatch(/^🚨紧急求助 #1：有人摔倒，地点：3栋302/u);
  });

  it("a photo with a caption arrives as the photo's largest file id and the caption, the bot's @name taken off", async () => {
    const { emulator, handled, received } = await setup();
    const events = received();
    const inGroup = emulator.userPhoto({ chat: GROUP, from: PEOPLE.requester, caption: "@linli_test_bot 3栋2单元楼道灯坏了好几天了" });
    await handled(inGroup.updateId);
    const alone = emulator.userPhoto({ chat: dm(PEOPLE.requester), from: PEOPLE.requester });
    await handled(alone.updateId);
    const [captioned, bare] = events as InboundMessage[];
    expect(captioned).toMatchObject({
      id: `${GROUP.id}:1`,
      chat: { platform: "telegram", id: String(GROUP.id), kind: "group" },
      sender: { id: String(PEOPLE.requester.id) },
      text: "3栋2单元楼道灯坏了好几天了",
      addressedToBot: true,
      photo: { platform: "telegram", ref: inGroup.fileId },
    });
    expect(inGroup.fileId).toBe("photo-1"); // the largest of the three sizes
    expect(bare).toMatchObject({ text: "", addressedToBot: true, chat: { kind: "private" }, photo: { platform: "telegram", ref: alone.fileId } });
  });

  it("a report with a photo: the photo after the report and one captioned as a report reach the coordinator by file id, never the group; a button moves it", async () => {
    const { emulator, say, sayPhoto, press, to } = await setup();
    await say(PEOPLE.requester, "3栋4楼楼道灯坏了好几天了");
    const after = await sayPhoto(PEOPLE.requester);
    const captioned = await sayPhoto(PEOPLE.zhang, "电梯又坏了，老人上不去楼");
    const texts = (chatId: number) => to(chatId).filter((sent) => sent.method === "sendMessage").map((sent) => sent.text);
    expect(texts(GROUP.id)).toEqual(["已记录问题 #1，已转给社区协调员。有进展会私信告诉您。", "已记录问题 #2，已转给社区协调员。有进展会私信告诉您。"]);
    // Nobody in this roster captains a grid: the coordinator looks after them, with each photo after its text.
    expect(to(PEOPLE.sun.id).map((sent) => [sent.method, sent.text ?? sent.photo])).toEqual([
      ["sendMessage", "新问题 #1 照明 · 3栋4楼\n王秀英报告：“3栋4楼楼道灯坏了好几天了”"],
      ["sendMessage", "问题 #1 照明 · 3栋4楼：王秀英补充了照片。"],
      ["sendPhoto", after],
      ["sendMessage", "新问题 #2 电梯 · 3栋\n张阿姨报告：“电梯又坏了，老人上不去楼”"],
      ["sendPhoto", captioned],
    ]);
    // The captain's options are buttons on Telegram: "处理中" moves the report, and 王秀英 hears of it privately.
    const offer = to(PEOPLE.sun.id).find((sent) => sent.text?.startsWith("新问题 #1"))!;
    await press(PEOPLE.sun, PEOPLE.sun.id, offer.messageId, "/reports 1 in_progress");
    expect(texts(PEOPLE.requester.id)).toEqual(["您报的问题 #1 照明 · 3栋4楼：处理中。"]);
    expect(texts(PEOPLE.sun.id).at(-1)).toBe("问题 #1 已改为「处理中」，已私信告诉 1 位报告人。");
    expect(emulator.photosTo(GROUP.id)).toEqual([]);
  });

  it("/证书: the certificate card is uploaded with sendPhoto (multipart) after its text, privately, as a 1200x800 PNG", async () => {
    const { say, to, app } = await setup();
    for (const person of [PEOPLE.requester, PEOPLE.zhang]) await say(person, "/start", dm(person));
    await say(PEOPLE.requester, "张阿姨帮我读报3小时");
    const credit = await app.prisma.pendingCredit.findFirstOrThrow();
    await say(PEOPLE.zhang, `/confirm ${credit.id}`, dm(PEOPLE.zhang));
    await say(PEOPLE.zhang, "/证书", dm(PEOPLE.zhang));
    const [text, photo] = to(PEOPLE.zhang.id).slice(-2);
    expect(text).toMatchObject({ method: "sendMessage", text: "这是您的邻里互助荣誉证书（累计服务 3 小时），谢谢您！" });
    expect(photo).toMatchObject({ method: "sendPhoto", upload: { name: "certificate.png" } });
    expect(photo!.upload!.bytes.length).toBeGreaterThan(15_000);
    const png = decodePng(photo!.upload!.bytes);
    expect([png.width, png.height, ...png.pixel(10, 10)]).toEqual([1200, 800, 0xff, 0xf8, 0xe7, 255]);
    expect(to(GROUP.id).filter((sent) => sent.method === "sendPhoto")).toEqual([]);
  });

  // The photos come from a private chat with a caption no feature acts on, and go to someone else: what the features
  // say about a photo is not this file's business, only how the adapter sends one on.
  it("a message with a photo goes out as its text, then sendPhoto with the same file id (by id, as JSON)", async () => {
    const { emulator, sayPhoto, app, flush, to } = await setup();
    const fileId = await sayPhoto(PEOPLE.requester, "今天的晚霞真好看", dm(PEOPLE.requester));
    await app.db.transaction((tx) =>
      repositoriesFor(tx, T0).outboxes.enqueue(
        { kind: "user", platform: "telegram", userId: String(PEOPLE.zhao.id), displayName: "赵老师" },
        { text: "问题 #7：3栋 楼道灯坏了", photo: { platform: "telegram", ref: fileId } },
        { lang: "zh-CN" },
      ),
    );
    await flush();
    expect(to(PEOPLE.zhao.id).map((sent) => [sent.method, sent.text ?? sent.photo])).toEqual([["sendMessage", "问题 #7：3栋 楼道灯坏了"], ["sendPhoto", fileId]]);
    expect(emulator.photosTo(PEOPLE.zhao.id)).toEqual([fileId]);
    expect(emulator.calls.find((call) => call.method === "sendPhoto" && call.params.chat_id === String(PEOPLE.zhao.id))!.params).toMatchObject({ photo: fileId });
    expect(await app.prisma.outboxMessage.findMany({ where: { targetId: String(PEOPLE.zhao.id) }, select: { state: true } })).toEqual([{ state: "sent" }]);
  });

  it("a photo that fails after its text is tried again alone; one Telegram refuses for good is dropped, the text kept", async () => {
    const { emulator, sayPhoto, app, flush, to } = await setup();
    const fileId = await sayPhoto(PEOPLE.requester, "小区的桂花开了", dm(PEOPLE.requester));
    const enqueue = (text: string, ref: string) =>
      app.db.transaction((tx) =>
        repositoriesFor(tx, T0).outboxes.enqueue({ kind: "user", platform: "telegram", userId: String(PEOPLE.zhao.id), displayName: "赵老师" }, { text, photo: { platform: "telegram", ref } }, { lang: "zh-CN" }),
      );
    const photoCalls = () => emulator.calls.filter((call) => call.method === "sendPhoto" && call.params.chat_id === String(PEOPLE.zhao.id));
    emulator.failNext("sendPhoto", 500, 502);
    await enqueue("问题 #8：电梯又坏了", fileId);
    await flush();
    // Two failed tries of the photo (each after the pacing's second), then the third went out; the text went once.
    expect(photoCalls()).toHaveLength(3);
    expect(to(PEOPLE.zhao.id).map((sent) => sent.text ?? sent.photo)).toEqual(["问题 #8：电梯又坏了", fileId]);

    await enqueue("问题 #9：北门灯不亮", "a-file-id-telegram-does-not-know");
    await flush();
    expect(photoCalls()).toHaveLength(4);
    expect(to(PEOPLE.zhao.id).map((sent) => sent.text ?? sent.photo)).toEqual(["问题 #8：电梯又坏了", fileId, "问题 #9：北门灯不亮"]);
    expect(await app.prisma.outboxMessage.findMany({ where: { targetId: String(PEOPLE.zhao.id) }, select: { state: true, attempts: true }, orderBy: { id: "asc" } })).toEqual([
      { state: "sent", attempts: 2 },
      { state: "sent", attempts: 0 },
    ]);
  });
});

