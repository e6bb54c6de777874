/** The console adapter's photos: a marker line arrives as a photo with its caption; a photo sent on prints "📎 photo". */
import { describe, expect, it } from "vitest";
import { ConsoleAdapter } from "../../adapters/console/console-adapter.ts";
import type { InboundEvent, InboundMessage } from "../../src/chat/types.ts";

const NOW = new Date("2026-11-25T02:00:00Z");

/** A started console adapter: what it hands the core, and what it prints. */
async function consoleAdapter() {
  const printed: string[] = [];
  const received: InboundEvent[] = [];
  const adapter = new ConsoleAdapter({ botName: "邻里小助手", write: (line) => printed.push(line), now: () => NOW });
  await adapter.start(async (event) => void received.push(event));
  const last = () => received.at(-1) as InboundMessage;
  return { adapter, printed, received, last };
}

describe("console photos", () => {
  it("can send photos on", async () => {
    const { adapter } = await consoleAdapter();
    expect(adapter.capabilities.photos).toBe(true);
  });

  it.each([
    ["📎 photo 楼道灯坏了", "楼道灯坏了"],
    ["📎 照片 楼道灯坏了", "楼道灯坏了"],
    ["📎照片楼道灯坏了", "楼道灯坏了"],
    ["[图片] 电梯又坏了", "电梯又坏了"],
    ["[photo] The lift is broken again", "The lift is broken again"],
    ["📎 Photo", ""],
    ["[图片]", ""],
    ["@邻里小助手 📎 photo 北门的灯不亮", "北门的灯不亮"],
  ])("%j is a photo captioned %j", async (line, caption) => {
    const { adapter, last } = await consoleAdapter();
    await adapter.post("3栋邻里群", "王秀英", line);
    const message = last();
    expect(message.text).toBe(caption);
    expect(message.photo).toEqual({ platform: "console", ref: message.id });
    expect(message.sender.id).toBe("王秀英");
  });

  it("a privately sent photo is addressed to the bot, and a redelivered one names the same photo", async () => {
    const { adapter, received, last } = await consoleAdapter();
    await adapter.dm("王秀英", "📎 photo");
    const first = last();
    expect(first).toMatchObject({ text: "", addressedToBot: true, chat: { kind: "private" }, photo: { platform: "console" } });
    await adapter.redeliver();
    expect(received).toHaveLength(2);
    expect(last().photo).toEqual(first.photo);
  });

  it.each(["📎 photos of the garden", "照片里是什么", "看看 [图片]", "📎 notes.txt"])("%j is plain text", async (line) => {
    const { adapter, last } = await consoleAdapter();
    await adapter.post("3栋邻里群", "王秀英", line);
    expect(last().text).toBe(line);
    expect(last().photo).toBeUndefined();
  });

  it("a message with a photo prints its text, then a line 📎 photo", async () => {
    const { adapter, printed } = await consoleAdapter();
    await adapter.sendPrivate("周大姐", { text: "问题 #7：3栋2单元楼道灯坏了", photo: { platform: "console", ref: "m-1" } });
    await adapter.send("3栋邻里群", { text: "", photo: { platform: "console", ref: "m-1" } });
    await adapter.send("3栋邻里群", { text: "已记录问题 #7" });
    expect(printed).toEqual([
      "[dm 周大姐] 邻里小助手: 问题 #7：3栋2单元楼道灯坏了\n  📎 photo",
      "[3栋邻里群] 邻里小助手: 📎 photo",
      "[3栋邻里群] 邻里小助手: 已记录问题 #7",
    ]);
  });
});
