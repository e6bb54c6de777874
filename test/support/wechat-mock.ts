/** The WeChat mock (wechaty-puppet-mock) as the conversation tests use it, watched by the privacy scan. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PuppetServer } from "wechaty-puppet-service";
import { type PuppetMock, mock } from "wechaty-puppet-mock";
import { freePort } from "./free-port.ts";
import { watchGroupMessages } from "./privacy-watch.ts";

/** A new mocker whose room messages from the bot (`botId`) are scanned for private details after each test. */
export function watchedMocker(botId: string): mock.Mocker {
  const mocker = new mock.Mocker();
  watchGroupMessages("WeChat mock", () =>
    [...mocker.cacheMessagePayload.values()].flatMap((payload) =>
      payload.roomId && payload.talkerId === botId && payload.text ? [{ chat: payload.roomId, text: payload.text, group: true }] : [],
    ),
  );
  return mocker;
}

/** Wechaty caches under HOME and the file-box registry under TMPDIR: both go to a folder of the test's, and back. */
export function wechatyHome(prefix: string): { path: string; use(): void; restore(): void } {
  const home = mkdtempSync(join(tmpdir(), prefix));
  const before = { HOME: process.env.HOME, TMPDIR: process.env.TMPDIR };
  return {
    path: home,
    use() {
      process.env.HOME = home;
      process.env.TMPDIR = home;
    },
    restore() {
      process.env.HOME = before.HOME;
      process.env.TMPDIR = before.TMPDIR;
      rmSync(home, { recursive: true, force: true });
    },
  };
}

/** The mock logs `me` in and says ready on every start of `puppet` (each client reset restarts it); `onStart` is told. */
export function loginOnStart(mocker: mock.Mocker, puppet: PuppetMock, me: mock.ContactMock, onStart: () => void = () => undefined): void {
  mocker.use((m) => {
    m.login(me);
    puppet.emit("ready", { data: "ready" });
    onStart();
    return () => undefined;
  });
}

/** Serve `puppet` through wechaty-puppet-service on 127.0.0.1 (no TLS), as a puppet service would. */
export async function servePuppet(puppet: PuppetMock, token: string): Promise<{ endpoint: string; server: PuppetServer }> {
  const endpoint = `127.0.0.1:${await freePort()}`;
  const server = new PuppetServer({ endpoint, puppet, token, tls: { disable: true } });
  await server.start();
  return { endpoint, server };
}
