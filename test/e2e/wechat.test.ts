/**
 * The real Wechaty client through wechaty-puppet-service over gRPC, against a PuppetServer on 127.0.0.1 backed by
 * wechaty-puppet-mock (work in progress for issue 7: a room message answered, a duplicated message event acted on once).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createServer } from "node:net";
import { PuppetServer } from "wechaty-puppet-service";
import { PuppetMock, mock } from "wechaty-puppet-mock";
import { tempDatabase, testApp } from "../support/app.ts";
import { silentLogger } from "../../src/logger.ts";
import { WechatAdapter } from "../../adapters/wechat/wechat-adapter.ts";

const home = mkdtempSync(join(tmpdir(), "linli-wechat-"));
const before = { HOME: process.env.HOME, TMPDIR: process.env.TMPDIR };
const TOKEN = `insecure_linli${Date.now()}`;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return typeof address === "object" && address ? address.port : 0;
}

let server: PuppetServer;
let puppet: PuppetMock;
let mocker: mock.Mocker;
let me: mock.ContactMock;
let alice: mock.ContactMock;
let room: mock.RoomMock;
let endpoint: string;
const roomSaid: string[] = [];

beforeAll(async () => {
  process.env.HOME = home; // Wechaty caches under HOME, the file-box registry under TMPDIR
  process.env.TMPDIR = home;
  mocker = new mock.Mocker();
  me = mocker.createContact({ id: "bot-self", name: "邻里小助手" });
  alice = mocker.createContact({ id: "alice", name: "王秀英" });
  room = mocker.createRoom({ id: "room-1@chatroom", topic: "3栋邻里群", memberIdList: [me.id, alice.id] });
  puppet = new PuppetMock({ mocker });
  // The mock logs its user in, and says ready, on every start (each client reset restarts it).
  mocker.use((m) => {
    m.login(me);
    puppet.emit("ready", { data: "ready" });
    return () => undefined;
  });
  room.on("message", (message) => {
    if (message.payload.talkerId === me.id) roomSaid.push(message.payload.text ?? "");
  });
  endpoint = `127.0.0.1:${await freePort()}`;
  server = new PuppetServer({ endpoint, puppet, token: TOKEN, tls: { disable: true } });
  await puppet.start();
  await server.start();
}, 30_000);

afterAll(async () => {
  await server?.stop();
  await puppet?.stop();
  process.env.HOME = before.HOME;
  process.env.TMPDIR = before.TMPDIR;
  rmSync(home, { recursive: true, force: true });
});

async function until(check: () => boolean | Promise<boolean>, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe("WeChat through wechaty-puppet-service", () => {
  it("answers a room message and acts once on a duplicated message event", async () => {
    const db = tempDatabase();
    const adapter = new WechatAdapter({
      puppet: "wechaty-puppet-service",
      puppetOptions: { endpoint, token: TOKEN, tls: { disable: true }, timeoutSeconds: 30 },
      botName: "邻里小助手",
      log: silentLogger(),
      minGapMs: 0,
      jitterMs: 0,
    });
    const app = await testApp({ url: db.url, adapters: [adapter], start: false });
    try {
      await app.start({ timers: false });
      const ids = new Set(mocker.cacheMessagePayload.keys());
      alice.say("@邻里小助手 /帮助", [me]).to(room);
      const messageId = [...mocker.cacheMessagePayload.keys()].find((id) => !ids.has(id))!;
      await until(async () => (await app.prisma.processedMessage.count()) === 1);
      await app.dispatcher.drain();
      await until(() => roomSaid.length > 0);
      expect(roomSaid[0]).toMatch(/^我是邻里小助手，帮邻里互相搭把手/u);
      puppet.emit("message", { messageId }); // the same message event again
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(await app.prisma.processedMessage.count()).toBe(1);
    } finally {
      await app.close();
      db.cleanup();
    }
  }, 60_000);

  it("recovers after the puppet server restarts, and handles the next message", async () => {
    const db = tempDatabase();
    const adapter = new WechatAdapter({
      puppet: "wechaty-puppet-service",
      puppetOptions: { endpoint, token: TOKEN, tls: { disable: true }, timeoutSeconds: 30 },
      botName: "邻里小助手",
      log: silentLogger(),
      minGapMs: 0,
      jitterMs: 0,
    });
    const app = await testApp({ url: db.url, adapters: [adapter], start: false });
    try {
      await app.start({ timers: false });
      await server.stop();
      await new Promise((resolve) => setTimeout(resolve, 500));
      server = new PuppetServer({ endpoint, puppet, token: TOKEN, tls: { disable: true } });
      await server.start();
      const said = roomSaid.length;
      const processed = await app.prisma.processedMessage.count();
      // Messages sent while the stream is down are lost (as on the real service): keep saying until one arrives.
      await until(async () => {
        if ((await app.prisma.processedMessage.count()) > processed) return true;
        alice.say("@邻里小助手 /help", [me]).to(room);
        await new Promise((resolve) => setTimeout(resolve, 200));
        return false;
      }, 20_000);
      await app.dispatcher.drain();
      await until(() => roomSaid.length > said);
      expect(roomSaid.at(-1)).toMatch(/^我是邻里小助手/u);
    } finally {
      await app.close();
      db.cleanup();
    }
  }, 60_000);
});
