/**
 * The time bank on the fakes (no database): a service log waits as a pending credit and moves nothing until the other
 * side confirms; a confirmed credit moves coins from the fund into the ledger; a disputed one never does; gifts,
 * donations, statements and a reversal keep the books balanced. Mirrors test/integration/time-bank.test.ts.
 */
import { describe, expect, it } from "vitest";
import type { FakeWorld } from "../support/fakes/world.ts";
import { demoWorld, lines } from "../support/fakes/world.ts";

const GROUP = "3栋邻里群";

/** Balances in minutes by person name (the fund as "fund"), from the fake ledger's entries. */
function balances(world: FakeWorld): Record<string, number> {
  const out: Record<string, number> = {};
  for (const entry of world.state.entries) {
    const account = world.state.accounts.find((one) => one.id === entry.accountId)!;
    const name = world.state.people.find((one) => one.id === account.personId)?.displayName ?? "fund";
    out[name] = (out[name] ?? 0) + entry.minutes;
  }
  return out;
}

describe("the time bank (use cases on fakes)", () => {
  it("records a service log as pending, asks the beneficiary privately, and moves coins from the fund only once confirmed", async () => {
    const world = demoWorld();
    const logged = await world.say(world.message("今天帮李奶奶读报2小时", "张阿姨", GROUP));
    expect(lines(logged)).toEqual([
      ["user", "李奶奶", "请确认时间币 #1：张阿姨帮李奶奶「今天帮李奶奶读报2小时」，2 小时。"],
      ["chat", GROUP, "已记下 #1：张阿姨帮李奶奶 2 小时，等李奶奶确认后入账。"],
    ]);
    expect(logged[0]!.message.options?.map((option) => option.reply)).toEqual(["/confirm 1", "/dispute 1"]);
    expect(world.state.credits).toMatchObject([{ minutes: 120, category: "B", state: "pending", source: "service_log" }]);
    expect(balances(world)).toEqual({});
    expect(lines(await world.say(world.message("/confirm 1", "张阿姨")))).toEqual([["chat", "dm:张阿姨", "#1 需要另一方来确认。"]]);
    expect(lines(await world.say(world.message("/confirm 1", "李奶奶")))).toEqual([
      ["user", "张阿姨", "时间币 #1 已确认，2 个时间币已入账。您的余额：2。"],
      ["chat", "dm:李奶奶", "已确认 #1，谢谢！"],
    ]);
    expect(balances(world)).toEqual({ 张阿姨: 120, fund: -120 });
    expect(world.state.credits[0]).toMatchObject({ state: "confirmed", transferId: 1 });
    expect(world.state.deeds.map((deed) => [deed.kind, deed.private])).toEqual([["credit", false]]);
    expect(lines(await world.say(world.message("/confirm 1", "李奶奶")))).toEqual([["chat", "dm:李奶奶", "#1 已经处理过了。"]]);
    expect(balances(world)).toEqual({ 张阿姨: 120, fund: -120 });
  });

  it("never moves a disputed credit, and tells the helper", async () => {
    const world = demoWorld();
    await world.say(world.message("今天帮李奶奶读报2小时", "张阿姨", GROUP));
    expect(lines(await world.say(world.message("/dispute 1", "李奶奶")))).toEqual([
      ["user", "张阿姨", "时间币 #1（今天帮李奶奶读报2小时）对方表示有出入，没有入账。如有疑问，可以找网格长或协调员。"],
      ["chat", "dm:李奶奶", "已记下有出入，#1 不会入账。"],
    ]);
    expect(balances(world)).toEqual({});
    expect(world.state.credits[0]).toMatchObject({ state: "disputed", transferId: null });
  });

  it("lets the beneficiary record it too: then the helper confirms", async () => {
    const world = demoWorld();
    expect(lines(await world.say(world.message("张阿姨帮我读报2小时", "李奶奶", GROUP)))).toEqual([
      ["user", "张阿姨", "请确认时间币 #1：张阿姨帮李奶奶「张阿姨帮我读报2小时」，2 小时。"],
      ["chat", GROUP, "已记下 #1：张阿姨帮李奶奶 2 小时，等张阿姨确认后入账。"],
    ]);
    expect(lines(await world.say(world.message("/确认 1", "张阿姨")))).toEqual([["chat", "dm:张阿姨", "时间币 #1 已确认，2 个时间币已入账。您的余额：2。"]]);
    expect(balances(world)).toEqual({ 张阿姨: 120, fund: -120 });
  });

  it("credits a finished request once the requester confirms it", async () => {
    const world = demoWorld();
    await world.say(world.message("谁能帮我修一下水龙头", "王秀英", GROUP));
    await world.say(world.message("/accept 1", "王师傅"));
    await world.say(world.message("/done 1 2小时", "王师傅"));
    await world.say(world.message("/confirm 1", "王秀英"));
    expect(balances(world)).toEqual({ 王师傅: 120, fund: -120 });
  });

  it("gives, donates, shows statements, and lets a coordinator reverse a transfer once", async () => {
    const world = demoWorld();
    await world.say(world.message("今天帮李奶奶读报2小时", "张阿姨", GROUP));
    await world.say(world.message("/confirm 1", "李奶奶"));
    expect(lines(await world.say(world.message("/转赠 王师傅 0.5", "张阿姨", GROUP)))).toEqual([
      ["user", "王师傅", "张阿姨转给您 0.5 个时间币。您的余额：0.5。"],
      ["user", "张阿姨", "已转给王师傅 0.5 个时间币。您的余额：1.5。"],
      ["chat", GROUP, "已私信发给您。"],
    ]);
    expect(lines(await world.say(world.message("/捐赠 0.5", "张阿姨")))).toEqual([["chat", "dm:张阿姨", "谢谢您向社区基金捐出 0.5 个时间币！您的余额：1。"]]);
    const statement = await world.say(world.message("/明细", "张阿姨"));
    expect(statement[0]!.message.text).toBe("您的最近记录（余额 1）：\n11/25 -0.5 捐赠\n11/25 -0.5 转赠 · 王师傅\n11/25 +2 服务 B");
    expect(lines(await world.say(world.message("/冲正 2", "张阿姨")))).toEqual([["chat", "dm:张阿姨", "这个命令需要社区协调员来发。"]]);
    const reversed = await world.say(world.message("/冲正 2 转错了", "孙主任"));
    expect(lines(reversed).slice(0, 2)).toEqual([
      ["user", "张阿姨", "协调员冲正了时间币记录 #2。您的余额：1.5。如有疑问，请联系协调员。"],
      ["user", "王师傅", "协调员冲正了时间币记录 #2。您的余额：0。如有疑问，请联系协调员。"],
    ]);
    expect(balances(world)).toEqual({ 张阿姨: 90, 王师傅: 0, fund: -90 });
    const again = await world.say(world.message("/冲正 2", "孙主任"));
    expect(world.state.transfers.filter((one) => one.reversesId === 2)).toHaveLength(1);
    expect(again).toHaveLength(1);
  });
});
