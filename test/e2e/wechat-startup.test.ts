/**
 * WeChat start-up that survives the puppet service: the real Wechaty client through wechaty-puppet-service against a
 * PuppetServer on 127.0.0.1 backed by wechaty-puppet-mock. A first start that fails is logged and tried again (the
 * backoff's wait is injected: no real waits of ours), and the bot then answers in the room; a token the service
 * refuses stops start-up with a clear message that does not quote the token.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Writable } from "node:stream";
import { pino } from "pino";
import { PuppetServer } from "wechaty-puppet-service";
import { PuppetMock, type mock } from "wechaty-puppet-mock";
import { loginOnStart, servePuppet, watchedMocker, wechatyHome } from "../support/wechat-mock.ts";
import { tempDatabase, testApp } from "../support/app.ts";
import { Changes } from "../support/wait-for.ts";
import { WechatAdapter } from "../../adapters/wechat/wechat-adapter.ts";

const home = wechatyHome("linli-wechat-start-");
const TOKEN = `insecure_linli_start${Date.now()}`;
const changes = new Changes();
const roomSaid: string[] = [];
let server: PuppetServer;
let puppet: PuppetMock;
let endpoint: string;
let me: mock.ContactMock;
let alice: mock.ContactMock;
let room: mock.RoomMock;
/** How many of the puppet's next starts fail, as a service that is not ready yet answers. */
let failStarts = 0;

beforeAll(async () => {
  home.use();
  const mocker = watchedMocker("bot-self");
  me = mocker.createContact({ id: "bot-self", name: "邻里小助手" });
  alice = mocker.createContact({ id: "alice", name: "王秀英" });
  room = mocker.createRoom({ id: "room-1@chatroom", topic: "3栋邻里群", memberIdList: [me.id, alice.id] });
  room.on("message", (message) => {
    if (message.payload.talkerId === me.id) roomSaid.push(message.payload.text ?? "");
    changes.changed();
  });
  puppet = new PuppetMock({ mocker });
  loginOnStart(mocker, puppet, me);
  const realStart = puppet.start.bind(puppet);
  puppet.start = async () => {
    if (failStarts > 0) {
      failStarts -= 1;
      throw new Error("the service is not ready yet");
    }
    return realStart();
  };
  ({ endpoint, server } = await servePuppet(puppet, TOKEN));
}, 30_000);

afterAll(async () => {
  await server?.stop();
  await puppet?.stop();
  home.restore();
});

/** A logger keeping its lines, to read what start-up said. */
function recordingLogger() {
  const lines: Array<{ msg: string; err?: string }> = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as { msg: string });
      done();
    },
  });
  return { log: pino({ level: "info" }, sink), lines };
}

function adapterFor(token: string, log: pino.Logger, waits: number[], onWait: () => Promise<void> = async () => undefined) {
  return new WechatAdapter({
    puppet: "wechaty-puppet-service",
    puppetOptions: { endpoint, token, tls: { disable: true }, timeoutSeconds: 30 },
    botName: "邻里小助手",
    log,
    minGapMs: 0,
    jitterMs: 0,
    delay: async (ms) => {
      waits.push(ms);
      await onWait();
    },
  });
}

describe("WeChat start-up through wechaty-puppet-service", () => {
  it("tries again, logged and with backoff, when the puppet's first start fails; then answers in the room", async () => {
    const db = tempDatabase();
    const { log, lines } = recordingLogger();
    const waits: number[] = [];
    const app = await testApp({ url: db.url, adapters: [adapterFor(TOKEN, log, waits)], start: false });
    failStarts = 1;
    try {
      await app.start({ timers: false });
      expect(failStarts).toBe(0);
      expect(waits).toHaveLength(1);
      expect(waits[0]).toBeGreaterThan(0);
      expect(lines.filter((line) => line.msg === "WeChat puppet did not start; retrying")).toHaveLength(1);
      expect(JSON.stringify(lines)).toMatch(/the service is not ready yet/u);
      let handled = 0;
      const receive = app.pipeline.receive.bind(app.pipeline);
      app.pipeline.receive = async (event) => {
        const outcome = await receive(event);
        handled += 1;
        changes.changed();
        return outcome;
      };
      const said = roomSaid.length;
      alice.say("@邻里小助手 /帮助", [me]).to(room);
      await changes.until(() => handled === 1);
      await app.dispatcher.drain();
      await changes.until(() => roomSaid.length > said);
      expect(roomSaid.at(-1)).toMatch(/^我是邻里小助手/u);
    } finally {
      await app.close();
      db.cleanup();
    }
  }, 120_000);

  it("stops with a clear message, without the token, when the service refuses the token", async () => {
    const db = tempDatabase();
    const { log, lines } = recordingLogger();
    const wrong = "insecure_wrong_token_for_the_test";
    const app = await testApp({ url: db.url, adapters: [adapterFor(wrong, log, [])], start: false });
    try {
      await expect(app.start({ timers: false })).rejects.toThrow(/refused the token \(UNAUTHENTICATED\): check WECHATY_PUPPET_SERVICE_TOKEN/u);
      expect(JSON.stringify(lines)).not.toContain(wrong);
    } finally {
      await app.close();
      db.cleanup();
    }
  }, 120_000);

  it("stops at once with a clear message when no token is configured", async () => {
    const db = tempDatabase();
    const waits: number[] = [];
    const app = await testApp({ url: db.url, adapters: [adapterFor("", recordingLogger().log, waits)], start: false });
    try {
      await expect(app.start({ timers: false })).rejects.toThrow(/^WeChat could not be set up \(.*TOKEN not found.*\): check WECHATY_PUPPET and WECHATY_PUPPET_SERVICE_TOKEN$/u);
      expect(waits).toEqual([]);
    } finally {
      await app.close();
      db.cleanup();
    }
  }, 120_000);

  it("tries again while the service refuses connections, and starts once it listens", async () => {
    await server.stop(); // nothing listens on the endpoint: connection refused
    const db = tempDatabase();
    const { log, lines } = recordingLogger();
    const waits: number[] = [];
    const listen = async () => {
      if (waits.length !== 2) return; // it comes up while Linli waits its second time
      server = new PuppetServer({ endpoint, puppet, token: TOKEN, tls: { disable: true } });
      await server.start();
    };
    const app = await testApp({ url: db.url, adapters: [adapterFor(TOKEN, log, waits, listen)], start: false });
    try {
      await app.start({ timers: false });
      expect(waits).toHaveLength(2);
      expect(waits[1]).toBeGreaterThan(waits[0]! / 2); // backing off (each wait shortened by at most a fifth)
      expect(lines.filter((line) => line.msg === "WeChat puppet did not start; retrying")).toHaveLength(2);
      expect(JSON.stringify(lines)).toMatch(/ECONNREFUSED|UNAVAILABLE/u);
    } finally {
      await app.close();
      db.cleanup();
    }
  }, 120_000);
});
