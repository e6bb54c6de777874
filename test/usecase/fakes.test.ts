/** The fakes themselves: a unit of work rolls back on a throw, a message is processed once, ids count up from 1. */
import { describe, expect, it } from "vitest";
import { AlreadyProcessed } from "../../src/app/ports.ts";
import { aResident } from "../support/builders.ts";
import { FakeWorld } from "../support/fakes/world.ts";

describe("the fake unit of work", () => {
  it("rolls back everything written when the work throws, and keeps it when it succeeds", async () => {
    const world = new FakeWorld();
    const person = world.add(aResident().named("吴阿姨").inBuilding("3").room("402"));
    const failing = world.uow.run(async (repos) => {
      await repos.outboxes.enqueue({ kind: "chat", platform: "console", chatId: "g" }, { text: "lost" }, { lang: "zh-CN" });
      await repos.requests.open({ communityId: world.community.id, requesterId: person.id, chatId: null, buildingId: null, category: "other", what: "x", urgent: false, sourceText: "x" });
      throw new Error("boom");
    });
    await expect(failing).rejects.toThrow("boom");
    expect([world.state.outbox, world.state.requests]).toEqual([[], []]);
    const { id } = await world.uow.run((repos) =>
      repos.requests.open({ communityId: world.community.id, requesterId: person.id, chatId: null, buildingId: null, category: "other", what: "x", urgent: false, sourceText: "x" }),
    );
    expect(id).toBe(1); // the id counter rolled back too, as SQLite's sequence does
    expect(world.state.requests.map((one) => one.id)).toEqual([1]);
  });

  it("refuses a message processed twice with AlreadyProcessed, and the second transaction leaves nothing", async () => {
    const world = new FakeWorld();
    world.add(aResident().named("吴阿姨").inChats("3栋邻里群"));
    const message = world.message("谁家有梯子借用一下", "吴阿姨", "3栋邻里群").build(world.clock.now());
    const first = await world.say(message);
    expect(first[0]!.message.text).toMatch(/^收到求助 #1/u);
    await expect(world.say(message)).rejects.toBeInstanceOf(AlreadyProcessed);
    expect(world.state.requests).toHaveLength(1);
    expect(world.state.outbox).toHaveLength(first.length);
    expect(world.state.processed).toHaveLength(1);
  });

  it("builds a message context with the real parser, in the sender's language", () => {
    const world = new FakeWorld();
    const wu = world.add(aResident().named("吴阿姨").inBuilding("3").room("402"));
    const chat = world.chat("dm:吴阿姨");
    const context = world.message("I need someone to walk my dog tomorrow", "吴阿姨").build();
    expect(context.person).toEqual(wu);
    expect(context.chat).toEqual(chat);
    expect(context.lang).toBe("en");
    expect(context.intent.kind).toBe("request");
  });
});
