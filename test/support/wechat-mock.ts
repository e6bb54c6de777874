/** The WeChat mock (wechaty-puppet-mock) as the conversation tests use it, watched by the privacy scan. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PuppetServer } from "wechaty-puppet-service";
import { type PuppetMock, mock } from "wechaty-puppet-mock";
import { FileBox } from "file-box"; // wechaty's own file type (a dependency of wechaty): how the mock sends files
import { types } from "wechaty";
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

/** A photo's bytes as a resident's phone would send them: a JPEG's start and end markers around a little data. */
export const PHOTO_BYTES = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x2a, 0x2a, 0xff, 0xd9]);

/**
 * `contact` posts a photo in `conversation` (a room; or the bot's own contact, for a private message to the bot): a
 * JPEG file, which the mock files as an image message (MessageType.Image). Returns the new message's id, which is the
 * photo's ref in Linli (`{ platform: "wechat", ref }`).
 */
export function postPhoto(
  mocker: mock.Mocker,
  contact: mock.ContactMock,
  conversation: mock.RoomMock | mock.ContactMock,
  bytes: Uint8Array = PHOTO_BYTES,
  name = "photo.jpg",
): string {
  const before = new Set(mocker.cacheMessagePayload.keys());
  contact.say(FileBox.fromBase64(Buffer.from(bytes).toString("base64"), name)).to(conversation);
  const id = [...mocker.cacheMessagePayload.keys()].find((one) => !before.has(one));
  if (!id) throw new Error("the mock recorded no message for the photo");
  return id;
}

/** An image the bot sent, as the mock recorded it. */
export interface SentImage {
  messageId: string;
  name: string;
  bytes: Buffer;
}

/**
 * The images `botId` sent to `conversationId` (a room's id, or a contact's id for the private chat with them), in
 * the order sent, with the file's bytes: what a resident would see as a picture in that conversation.
 */
export async function imagesSent(mocker: mock.Mocker, botId: string, conversationId: string): Promise<SentImage[]> {
  const images: SentImage[] = [];
  for (const payload of mocker.cacheMessagePayload.values()) {
    if (payload.talkerId !== botId || payload.type !== types.Message.Image) continue;
    if ((payload.roomId || payload.listenerId) !== conversationId) continue;
    const json = mocker.cacheFileBoxPayload.get(payload.id);
    if (!json) continue;
    const file = FileBox.fromJSON(json);
    images.push({ messageId: payload.id, name: file.name, bytes: await file.toBuffer() });
  }
  return images;
}

