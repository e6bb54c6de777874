/**
 * Every rule the parser keeps beside its model (src/parse/rules.ts, offer.ts, thanked.ts, and the abilities an offer
 * registers), each with an example it must match and a look-alike it must not. A rule that cannot show both is one
 * too narrow (it fits a single message) or too broad (it fires on chatter).
 */
import { describe, expect, it } from "vitest";
import * as R from "../../src/parse/rules.ts";
import { offered } from "../../src/parse/offer.ts";
import { openingThanks, thankedHelper } from "../../src/parse/thanked.ts";
import { abilitiesOf } from "../../src/features/community/domain/abilities.ts";

const lower = R.lowerAscii;
/** The label of the first pattern of a table that matches. */
const firstOf = (table: ReadonlyArray<readonly [string, RegExp]>, text: string) => table.find(([, pattern]) => pattern.test(lower(text)))?.[0];

describe("structural rules", () => {
  it.each([
    ["FORWARD", R.FORWARD, "转发：救命！本市一老人走失", "我转发给大家看看这个活动"],
    ["CLOSING.done", R.CLOSING.done, "好了，谢谢大家", "王师傅帮我修好了水管"],
    ["CLOSING.done (en)", R.CLOSING.done, "all sorted now, thanks!", "sorted the recycling into the right bins"],
    ["CLOSING.withdrawn", R.CLOSING.withdrawn, "不用了，谢谢", "不用了的东西可以放到回收站"],
    ["CLOSING.withdrawn (en)", R.CLOSING.withdrawn, "never mind", "never mind the noise, it's the builders again"],
    ["SIGNUP_PARTY", R.SIGNUP_PARTY, "我和老伴两个人", "我和老伴两个人在家，谁能帮忙买菜"],
    ["SIGNUP_PARTY (+N)", R.SIGNUP_PARTY, "+2", "+86 138 0000 0000"],
    ["THANKS_OPENER", R.THANKS_OPENER, "谢谢王师傅帮我修好了水管", "王师傅说不用谢"],
    ["URGENT", R.URGENT, "急需一个轮椅", "不着急，周末再说"],
    ["SERVICE_CATEGORY_C", R.SERVICE_CATEGORY_C, "送李大爷去急诊 3小时", "帮李大爷买菜 1小时"],
    ["SERVICE_CATEGORY_B", R.SERVICE_CATEGORY_B, "陪王奶奶聊天两小时", "帮王奶奶修水管两小时"],
  ])("%s matches %j, not %j", (_name, pattern, yes, no) => {
    expect(pattern.test(lower(yes))).toBe(true);
    expect(pattern.test(lower(no))).toBe(false);
  });
});

describe("cues the model weighs (and that confirm a fairly sure guess)", () => {
  const cue = (intent: string) => R.CUES.find(([name]) => name === intent)![1];
  it.each([
    ["request", "谁能帮我搬一下柜子", "我帮邻居搬了柜子"],
    ["request", "could someone pick up my parcel", "I picked up my parcel"],
    ["offer", "家里有轮椅闲置，谁需要可以找我", "我家轮椅坏了"],
    ["offer", "happy to help with dog walking if anyone needs", "the dog walker didn't come"],
    ["service_log", "今天帮李奶奶读报2小时", "今天帮李奶奶读报"],
    ["query", "我还有多少时间币？", "我的时间币攒够了。"],
    ["thanks", "谢谢张阿姨", "张阿姨来了"],
    ["signup", "周六的活动我报名", "周六的活动我看到了"],
    ["cancel_signup", "周六我去不了了", "周六我能去"],
  ])("%s: %j, not %j", (intent, yes, no) => {
    expect(cue(intent).test(lower(yes))).toBe(true);
    expect(cue(intent).test(lower(no))).toBe(false);
  });
});

describe("slot rules", () => {
  it.each([
    ["balance", "我还有多少时间币", "有什么活动"],
    ["my-signups", "我报了哪些活动", "我的求助有人接了吗"],
    ["my-requests", "我的求助有人接了吗", "我还有多少时间币"],
    ["events", "这周有什么活动", "我报了哪些活动"],
  ])("query topic %s: %j, not %j", (topic, yes, no) => {
    expect(firstOf(R.QUERY_TOPICS, yes)).toBe(topic);
    expect(firstOf(R.QUERY_TOPICS, no)).not.toBe(topic);
  });

  it.each([
    ["fire", "消防通道被车堵了", "楼道灯不亮"],
    ["fire", "楼道里堆满了纸箱，着火了都跑不出去", "楼道灯不亮"],
    ["fire", "Car parked across the fire lane at building 9", "The street light is out"],
    ["lift", "电梯又坏了", "楼道灯不亮"],
    ["lift", "lift in blk 8 making a horrible grinding noise", "the bins are full"],
    ["water", "地下车库一直在渗水，地上一大滩", "电梯又坏了"],
    ["water", "Water pipe burst near the bike shed", "The street light is out"],
    ["rubbish", "垃圾桶满了没人清", "电梯又坏了"],
    ["rubbish", "Dead rat by the bins next to building 6", "Water pipe burst"],
    ["light", "楼道灯不亮", "电梯又坏了"],
    ["light", "The street light outside building 2 has been out for a week", "the lift is broken"],
    ["parking", "总有人把车乱停在单元门口", "楼道灯不亮"],
    ["greenery", "南门那棵大树有根树枝断了一半", "楼道灯不亮"],
  ])("report kind %s: %j, not %j", (kind, yes, no) => {
    expect(firstOf(R.REPORT_KINDS, yes)).toBe(kind);
    expect(firstOf(R.REPORT_KINDS, no)).not.toBe(kind);
  });

  it.each([
    ["leak", "楼上漏水到我家", "楼上太吵了"],
    ["parking", "他总停在我的车位上", "楼上太吵了"],
    ["pets", "对门的狗天天叫", "他总停在我的车位上"],
    ["noise", "楼上半夜拖椅子太吵了", "他总停在我的车位上"],
    ["noise", "楼上天天半夜跺脚，能不能帮忙协调一下", "楼上漏水到我家"],
    ["smell", "隔壁油烟太大，家里全是异味", "楼上太吵了"],
    ["smell", "the neighbour's bins stink all summer", "the upstairs neighbours are too loud"],
    ["shared", "对门总把杂物堆在楼道里", "楼上太吵了"],
    ["shared", "they keep their bikes in the shared hallway", "his dog barks all night"],
  ])("dispute kind %s: %j, not %j", (kind, yes, no) => {
    expect(firstOf(R.DISPUTE_KINDS, yes)).toBe(kind);
    expect(firstOf(R.DISPUTE_KINDS, no)).not.toBe(kind);
  });
});

describe("what an offer gives, and the abilities it registers", () => {
  it.each([
    ["我有车，懂急救，可以帮忙", { items: ["车"], skills: ["急救"] }],
    ["家里有梯子和工具箱，谁要用直接找我", { items: ["梯子", "工具箱"] }],
    ["本人会修电脑、装系统，有需要可以找我", { skills: ["修电脑", "装系统"] }],
    ["retired nurse here, happy to help with dressings", { skills: ["help with dressings", "急救", "医护"] }],
    ["I'm first-aid trained and have a car, ping me", { skills: ["急救"], items: ["车"] }],
  ])("%j", (text, expected) => {
    expect(offered(lower(text))).toMatchObject(expected);
  });

  it.each([
    [["急救"], ["车"], { firstAid: true, hasCar: true, medicalTraining: false }],
    [["医护"], [], { firstAid: false, hasCar: false, medicalTraining: true }],
    [["修水管", "电工"], ["梯子"], { firstAid: false, hasCar: false, medicalTraining: false }],
    [["lifting heavy boxes"], [], { firstAid: false, hasCar: false, medicalTraining: false }],
  ])("skills %j and items %j", (skills, items, expected) => {
    expect(abilitiesOf(skills, items)).toEqual(expected);
  });
});

describe("who is thanked", () => {
  it.each([
    ["谢谢王师傅帮我修好了水管", "王师傅"],
    ["Thanks Emma for the tomato seedlings", "Emma"],
    ["给4栋老李点个赞", "老李"],
    ["@Priya thank you so much for picking up my parcel", "Priya"],
    ["昨天孩子发烧，多亏11栋的吴医生半夜过来看，太感谢了", "吴医生"],
    ["A big thank you to Maria on the third floor", "Maria"],
  ])("%j → %s", (text, helper) => {
    expect(thankedHelper(text)?.helper).toBe(helper);
  });

  it.each(["谢谢大家", "thanks everyone for the birthday wishes", "Thanks for the info", "Thank God it's Friday"])("%j opens by thanking nobody in particular", (text) => {
    expect(openingThanks(text)).toBeUndefined();
  });
});
