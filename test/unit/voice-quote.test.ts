/** A voice message quoted in a group leaves out rooms and phone numbers, and nothing else. */
import { describe, expect, it } from "vitest";
import { quotableInGroup } from "../../src/features/understanding/domain/quote.ts";

describe("quoting a voice message in a group", () => {
  it.each([
    ["救命 3栋101我老伴摔倒了起不来", "救命 3栋…我老伴摔倒了起不来"],
    ["我在5号楼2单元302室", "我在5号楼2单元…"],
    ["三栋 502 有人晕倒", "三栋… 有人晕倒"],
    ["快来 3-502", "快来 3-…"],
    ["help, room 302 in building 7", "help, room … in building 7"],
    ["打我电话 138 0000 0001", "打我电话 …"],
  ])("%s", (heard, quoted) => {
    expect(quotableInGroup(heard)).toBe(quoted);
  });

  it.each(["谁家有梯子借用一下", "周六上午9点 2小时", "3栋有人需要帮忙", "求助 #302 办好了", "10:30 在门口"])("keeps %s as heard", (heard) => {
    expect(quotableInGroup(heard)).toBe(heard);
  });
});
