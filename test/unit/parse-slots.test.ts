/** The typed slots each intent carries, beyond the labels of the corpus. */
import { describe, expect, it } from "vitest";
import { parse } from "../../src/app/parser.ts";

const context = { now: new Date("2026-11-25T10:00:00+08:00"), timeZone: "Asia/Shanghai", botNames: ["邻里小助手"] };

describe("intent slots", () => {
  it.each([
    ["求助：谁家有打气筒？急用，3栋502", { kind: "request", category: "borrow", urgent: true, place: { building: "3", room: "502" } }],
    ["need a drill for 10 min, building 4", { kind: "request", category: "borrow", place: { building: "4" } }],
    ["今天帮李奶奶读报2小时", { kind: "service_log", hours: 2, category: "B", beneficiary: "李奶奶", when: { date: "2026-11-25" } }],
    ["张阿姨帮我读报2小时", { kind: "service_log", hours: 2, category: "B", helper: "张阿姨" }],
    ["@王师傅 昨天帮我修水管1小时", { kind: "service_log", hours: 1, helper: "王师傅" }],
    ["Ann helped me with shopping for 2 hours", { kind: "service_log", hours: 2, helper: "Ann" }],
    ["今天帮我们楼的李奶奶买菜1小时", { kind: "service_log", hours: 1, beneficiary: "李奶奶" }],
    ["下午帮李奶奶打扫卫生2小时", { kind: "service_log", hours: 2, beneficiary: "李奶奶" }],
    ["今天帮李奶奶读报2小时，记时间币", { kind: "service_log", hours: 2, beneficiary: "李奶奶" }],
    ["给6栋的张阿姨打扫卫生 两小时", { kind: "service_log", hours: 2, category: "A", beneficiary: "张阿姨" }],
    ["Helped Mrs. Chen with her groceries, about 1.5 hours", { kind: "service_log", hours: 1.5, beneficiary: "Mrs. Chen" }],
    ["上午9点到11点在社区食堂帮忙给老人打饭", { kind: "service_log", hours: 2 }],
    ["我家有梯子和工具箱，谁要用直接找我，2栋301", { kind: "offer", items: ["梯子", "工具箱"] }],
    ["本人会修电脑、装系统，邻居有需要可以找我，免费", { kind: "offer", skills: ["修电脑", "装系统"] }],
    ["谢谢王师傅帮我修好了水管👍", { kind: "thanks", helper: "王师傅" }],
    ["感谢@刘洋 昨天帮我家取快递", { kind: "thanks", helper: "刘洋" }],
    ["特别感谢5栋的小陈，大半夜送我妈去医院", { kind: "thanks", helper: "小陈" }],
    ["Thank you Mr. Zhou for fixing our door!", { kind: "thanks", helper: "Mr. Zhou" }],
    ["救命！我爸在家摔倒了起不来，5栋302，快来人", { kind: "sos", emergency: "fall", place: { building: "5", room: "302" } }],
    ["紧急！3单元有烟味，好像着火了", { kind: "sos", emergency: "fire" }],
    ["8栋的赵奶奶走丢了，穿红色外套，大家帮忙找找！", { kind: "sos", emergency: "missing" }],
    ["消防通道又被车堵了，车牌京A12345", { kind: "report", problem: "fire" }],
    ["电梯又坏了，老人上不去楼", { kind: "report", problem: "lift" }],
    ["对门总把车停在我的车位上，怎么沟通都没用", { kind: "dispute", issue: "parking" }],
    ["The dog next door barks all night, I've asked them twice, can someone mediate?", { kind: "dispute", issue: "pets" }],
    ["@邻里小助手 我还有多少时间币", { kind: "query", topic: "balance" }],
    ["我的求助有人接了吗", { kind: "query", topic: "my-requests" }],
    ["What events are on this weekend?", { kind: "query", topic: "events" }],
    ["周六的义诊活动我报名", { kind: "signup", count: 1, event: { title: "义诊活动", when: { date: "2026-11-28" } } }],
    ["取消报名", { kind: "cancel_signup", event: {} }],
  ])("%j", (text, expected) => {
    expect(parse(text, context)).toMatchObject(expected);
  });

  it("keeps only the reply of a quote reply", () => {
    const quoted = "「王秀英：救命！我摔倒了」\n- - - - - - - - - - - - - - -\n哈哈 那是上周的事了";
    expect(parse(quoted, context)).toMatchObject({ kind: "none" });
  });

  it("reads traditional characters and WeChat emoji codes", () => {
    expect(parse("誰家有梯子借用一下[抱拳]", context)).toMatchObject({ kind: "request", category: "borrow" });
  });
});
