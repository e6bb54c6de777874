/**
 * Keeping a Wechaty puppet-service connection alive, as measured in the issue 7 spike (see the stop note):
 * grpc-js does not reopen a lost event stream and only the watchdog resets it (60 s by default), and a reset while the
 * server is down leaves the puppet off for good. So: on a stream error, or while the puppet is off, wait until the
 * endpoint accepts TCP, then reset (or start). Two library bugs are worked around, for wechaty-puppet-service 1.19.9
 * and wechaty-puppet 1.21.3 exactly: the payload cache's LevelDB stores are reopened on every reset and quick resets
 * crash the process with "LOCK: already held" (kept open across logout/login of the same account), and the watchdog
 * agent adds listeners on every start (started once).
 */
import { connect } from "node:net";
import type { Wechaty } from "wechaty";
import type { Logger } from "../../src/logger.ts";

type PuppetInternals = {
  _payloadStore?: { accountId?: string; start: (id: string) => Promise<void>; stop: () => Promise<void> };
  __watchdog?: { start: () => void };
  state: { active: () => boolean | "pending"; inactive: () => boolean | "pending" };
  start: () => Promise<void>;
  reset: () => Promise<void>;
};

/** Apply the two workarounds after `bot.init()`; returns what really closes the cache at shutdown. */
export function patchPuppet(bot: Wechaty): () => Promise<void> {
  const puppet = bot.puppet as unknown as PuppetInternals;
  const store = puppet._payloadStore;
  const agent = puppet.__watchdog;
  if (!store || !agent) throw new Error("wechaty-puppet-service internals changed: update adapters/wechat/recovery.ts");
  const realStart = store.start.bind(store);
  const realStop = store.stop.bind(store);
  let chain: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = chain.then(work);
    chain = next.catch(() => undefined);
    return next;
  };
  store.stop = async () => undefined; // a logout keeps the cache open
  store.start = (id: string) =>
    serial(async () => {
      if (store.accountId === id) return;
      if (store.accountId) await realStop();
      await realStart(id);
    });
  const startAgent = agent.start.bind(agent);
  let started = false;
  agent.start = () => {
    if (started) return;
    started = true;
    startAgent();
  };
  return () => serial(realStop);
}

/** Reconnect on stream loss and restart a puppet left off; returns a stop function. */
export function superviseConnection(bot: Wechaty, endpoint: string, log: Logger, everyMs = 1000): () => void {
  const puppet = bot.puppet as unknown as PuppetInternals;
  const [host, port] = splitEndpoint(endpoint);
  let stopped = false;
  let recovering = false;
  const recover = async (why: string) => {
    if (stopped || recovering) return;
    recovering = true;
    log.warn({ why }, "wechat connection lost; recovering");
    try {
      while (!stopped) {
        const on = puppet.state.active();
        const off = puppet.state.inactive();
        if (on === "pending" || off === "pending" || !(await portOpen(host, port))) {
          await sleep(250);
          continue;
        }
        try {
          if (off === true) await puppet.start();
          else await puppet.reset();
          if (puppet.state.active() === true) return;
        } catch (error) {
          log.warn({ err: String(error) }, "wechat recovery attempt failed");
        }
      }
    } finally {
      recovering = false;
    }
  };
  bot.on("error", (error) => {
    const text = String((error as { message?: string }).message ?? error);
    if (/^(?:1 CANCELLED|14 UNAVAILABLE)/u.test(text) && puppet.state.active() === true) void recover(text.slice(0, 60));
  });
  const timer = setInterval(() => {
    if (puppet.state.inactive() === true) void recover("puppet off");
  }, everyMs);
  timer.unref();
  return () => {
    stopped = true;
    clearInterval(timer);
  };
}

function splitEndpoint(endpoint: string): [string, number] {
  const match = /^(.*):(\d+)$/u.exec(endpoint);
  return match ? [match[1]!, Number(match[2])] : [endpoint, 443];
}

function portOpen(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (open: boolean) => {
      socket.destroy();
      resolve(open);
    };
    socket.once("connect", () => done(true)).once("error", () => done(false));
    socket.setTimeout(500, () => done(false));
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
