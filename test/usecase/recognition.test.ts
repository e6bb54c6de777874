/**
 * Recognition on the fakes (no database): the monthly stars job fanning out per group and naming only who may be
 * named; a milestone told once; a certificate message carrying its SVG for the dispatcher to draw. Mirrors
 * test/integration/recognition.test.ts.
 */
import { describe, expect, it } from "vitest";
import { demoWorld, lines } from "../support/fakes/world.ts";
import { ensureMonthlyJobs } from "../../src/features/recognition/index.ts";

const GROUP = "3栋邻里群";

/** `beneficiary` says `helper` helped for `hours` in the group, and the helper confirms it. */
async function helped(world: ReturnType<typeof demoWorld>, helper: string, beneficiary: string, hours: number) {
  await world.say(world.message(`${helper}帮我读报${hours}小时`, beneficiary, GROUP));
  const credit = world.state.credits.at(-1)!;
  return lines(await world.say(world.message(`/confirm ${credit.id}`, helper)));
}

describe("recognition (use cases on fakes)", () => {
  it("posts a group's stars of last month on the 1st at 09:00, counting the one who opted out without naming them", async () => {
    const world = demoWorld({ start: new Date("2026-11-25T10:00:00+08:00") });
    await world.uow.run((repos) => ensureMonthlyJobs(repos, world.clock.now()));
    await helped(world, "王师傅", "王秀英", 2);
    await world.say(world.message("/不留名", "刘医生"));
    await helped(world, "刘医生", "李奶奶", 3);
    await world.say(world.message("谢谢张阿姨帮我买菜", "李奶奶", GROUP));
    world.clock.set(new Date("2026-12-01T09:00:00+08:00"));
    const sent = lines(await world.runDueJobs()).filter(([, to]) => to === GROUP);
    expect(sent).toEqual([
      [
        "chat",
        GROUP,
        "🌟 3栋邻里群 11月邻里之星\n🥇 王师傅：服务 2 小时\n🥈 张阿姨：收到 1 次感谢\n还有 1 位不愿留名的邻里本月也出了力，一并感谢！\n（按本月确认的服务时长和收到的感谢排名）\n谢谢每一位搭把手的邻居，远亲不如近邻！",
      ],
    ]);
    expect(world.state.jobs.filter((job) => job.kind === "month.stars" && job.state === "pending").map((job) => job.dueAt)).toEqual([new Date("2027-01-01T09:00:00+08:00")]);
  });

  it("tells a milestone once, privately, and puts the certificate's SVG in its message", async () => {
    const world = demoWorld({ start: new Date("2026-11-25T10:00:00+08:00") });
    expect((await helped(world, "张阿姨", "李奶奶", 10)).filter(([, , text]) => text.includes("🎉"))).toEqual([
      ["user", "张阿姨", "🎉 恭喜！您在时间银行确认的志愿服务累计满 10 小时了。谢谢您一直为邻里搭把手！发 /证书 可以领一张荣誉证书。\n想让群里也为您点个赞吗？发 /荣誉 公开（随时可以 /荣誉 不公开）。"],
    ]);
    expect((await helped(world, "张阿姨", "李奶奶", 1)).filter(([, , text]) => text.includes("🎉"))).toEqual([]);
    expect(world.state.honours).toMatchObject([{ personId: world.person("张阿姨").id, public: false, milestoneHours: 10 }]);
    await world.say(world.message("/证书", "张阿姨"));
    const message = world.state.outbox.at(-1)!.message;
    expect(message.text).toBe("这是您的邻里互助荣誉证书（累计服务 11 小时），谢谢您！");
    expect(message.picture).toMatchObject({ name: "certificate.png", fallback: expect.stringContaining("做不了证书") });
    expect(message.picture!.svg).toContain("感谢您在幸福里社区累计志愿服务 11 小时。");
  });
});
