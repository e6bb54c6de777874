/**
 * An SOS overtakes queued bulk messages: with 60 low-priority messages waiting (in the building group and in the very
 * private chats the alert goes to), the group advice and every private alert are sent before any of them.
 */
import { describe, expect, it } from "vitest";
import { FakeAdapter } from "../support/fake-adapter.ts";
import { message, T0, testApp, useTempDatabase } from "../support/app.ts";
import { seedDemoIfEmpty } from "../../src/infra/demo-seed.ts";
import { repositoriesFor } from "../../src/infra/unit-of-work.ts";

const db = useTempDatabase();

describe("SOS priority", () => {
  it("sends the SOS advice and alerts to first-aiders, captain and coordinator before 60 queued bulk messages", async () => {
    const adapter = new FakeAdapter();
    const app = await testApp({ url: db.url, adapters: [adapter] });
    await seedDemoIfEmpty(app.prisma, T0);
    await app.db.transaction(async (tx) => {
      const outboxes = repositoriesFor(tx, T0).outboxes;
      for (let n = 1; n <= 20; n += 1) {
        await outboxes.enqueue({ kind: "chat", platform: "console", chatId: "3栋邻里群" }, { text: `bulk group ${n}` }, { lang: "zh-CN", priority: 0 });
        for (const name of ["周大姐", "刘医生"]) {
          await outboxes.enqueue({ kind: "user", platform: "console", userId: name, displayName: name }, { text: `bulk ${name} ${n}` }, { lang: "zh-CN", priority: 0 });
        }
      }
    });
    expect(await app.pipeline.handle(message("3栋邻里群", "李奶奶", "救命！3栋101我老伴摔倒了"))).toBe("handled");
    await app.dispatcher.drain();

    const sent = adapter.sent.map((one) => ({ to: `${one.to}:${one.id}`, text: one.message.text }));
    const firstBulk = sent.findIndex((one) => one.text.startsWith("bulk"));
    const urgent = sent.slice(0, firstBulk);
    expect(urgent[0]).toEqual({ to: "chat:3栋邻里群", text: expect.stringMatching(/^⚠️ 有人摔倒：请马上拨打 120！/u) as unknown });
    // The first-aiders of 3栋 and its grid (周大姐, also the captain; 刘医生 of 2栋), the driver of the grid (陈司机 of
    // 1栋: a car helps after a fall) and the coordinator.
    expect(urgent.slice(1).map((one) => one.to)).toEqual(["user:周大姐", "user:刘医生", "user:陈司机", "user:孙主任"]);
    for (const alert of urgent.slice(1)) expect(alert.text).toMatch(/^🚨紧急求助 #1：有人摔倒，地点：3栋101/u);
    expect(sent.filter((one) => one.text.startsWith("bulk"))).toHaveLength(60);
    await app.close();
  });
});
