/**
 * Voice messages in the pipeline, on the demo community with a fake adapter: transcribed (the transcript is quoted and
 * understood like text, an emergency included), a failed transcription answered kindly when the bot was addressed and
 * left alone in a group, and a redelivered voice message handled once.
 */
import { describe, expect, it } from "vitest";
import { useFakeOpenAi } from "../support/fake-openai.ts";
import { demoApp, message, say, useTempDatabase } from "../support/app.ts";
import type { InboundMessage } from "../../src/chat/types.ts";

const db = useTempDatabase();
const endpoint = useFakeOpenAi();

/** A voice message: no text, bytes fetched on demand (counted). */
function voice(chat: string | null, person: string, fetched: { count: number }): InboundMessage {
  return message(chat, person, "", {
    voice: {
      kind: "voice",
      mime: "audio/ogg",
      seconds: 4,
      fetch: async () => {
        fetched.count += 1;
        return Uint8Array.from([0x4f, 0x67, 0x67, 0x53]);
      },
    },
  });
}

describe("voice messages", () => {
  it("understands a transcribed emergency like typed text, quoting what was heard", async () => {
    const { app, adapter } = await demoApp(db.url, undefined, { env: { STT_BASE_URL: endpoint.base } });
    endpoint.fake.reply({ kind: "transcript", text: "救命 3栋101我老伴摔倒了起不来" });
    const fetched = { count: 0 };
    const sent = await say(app, adapter, voice("3栋邻里群", "李奶奶", fetched));
    const group = sent.filter(([to, id]) => to === "chat" && id === "3栋邻里群").map(([, , text]) => text);
    expect(group[0]).toMatch(/^⚠️ 有人摔倒/u); // the emergency advice goes first, ahead of the quote
    // The quote in the group leaves out the room (the alerted neighbours get the place privately).
    expect(group).toContain("🎤 我听到的是：「救命 3栋…我老伴摔倒了起不来」");
    expect(await app.prisma.helpRequest.findMany({ select: { category: true, sourceText: true } })).toEqual([{ category: "sos", sourceText: "救命 3栋101我老伴摔倒了起不来" }]);
    expect(fetched.count).toBe(1);
    await app.close();
  });

  it("answers a failed transcription kindly when addressed, stays silent in a group, and acts once on a redelivery", async () => {
    const { app, adapter } = await demoApp(db.url, undefined, { env: { STT_BASE_URL: endpoint.base } });
    endpoint.fake.fallback = { kind: "status", status: 500 };
    const fetched = { count: 0 };
    expect(await say(app, adapter, voice("3栋邻里群", "王秀英", fetched))).toEqual([]);
    const privateVoice = voice(null, "王秀英", fetched);
    expect(await say(app, adapter, privateVoice)).toEqual([["chat", "dm:王秀英", "抱歉，这条语音我没听清，请再说一遍或打字告诉我。"]]);
    expect(await say(app, adapter, privateVoice)).toEqual([]); // the same message delivered again
    expect(await app.prisma.helpRequest.count()).toBe(0);
    await app.close();
  });
});
