import { describe, expect, it } from "vitest";
import { diffGroupNotes, parseGroupNote } from "../../src/parse/group-note.ts";
import { replyPart, stripEmojiCodes, toSimplified } from "../../src/parse/normalize.ts";

const LIST = ["#接龙", "周六上午9点 邻里花园除草", "例 张三 2人", "", "1. 张伟", "2.王秀英", "3. 刘洋 带孩子", "   下午要早走", "", "请带手套"].join("\n");

describe("接龙 lists", () => {
  it("reads header, title, example, entries (with continuation lines) and the closing note", () => {
    expect(parseGroupNote(LIST)).toEqual({
      title: "周六上午9点 邻里花园除草",
      example: "张三 2人",
      entries: [
        { n: 1, text: "张伟" },
        { n: 2, text: "王秀英" },
        { n: 3, text: "刘洋 带孩子 下午要早走" },
      ],
      note: "请带手套",
    });
  });

  it("accepts text before the header, a title on the header line, and an empty placeholder entry", () => {
    expect(parseGroupNote("大家接一下\n#接龙 包饺子\n1.\n2. 李奶奶")).toEqual({
      title: "包饺子",
      entries: [{ n: 2, text: "李奶奶" }],
    });
  });

  it("is not fooled by text that only mentions 接龙 or has no title", () => {
    expect(parseGroupNote("明天接龙报名哦")).toBeUndefined();
    expect(parseGroupNote("#接龙")).toBeUndefined();
    expect(parseGroupNote("1. 张三\n2. 李四")).toBeUndefined();
  });

  it.each([
    [["张伟", "王秀英"], ["张伟", "王秀英", "刘洋"], { added: ["刘洋"], removed: [], edited: [] }],
    [["张伟", "王秀英", "刘洋"], ["张伟", "刘洋"], { added: [], removed: ["王秀英"], edited: [] }],
    [["张伟", "王秀英"], ["张伟", "王秀英 2人"], { added: [], removed: [], edited: [{ from: "王秀英", to: "王秀英 2人" }] }],
    [["张伟"], ["张伟"], { added: [], removed: [], edited: [] }],
    [[], ["张伟", "李四"], { added: ["张伟", "李四"], removed: [], edited: [] }],
  ])("diffs %j → %j", (before, after, expected) => {
    const entries = (names: string[]) => names.map((text, i) => ({ n: i + 1, text }));
    expect(diffGroupNotes(entries(before), entries(after))).toEqual(expected);
  });
});

describe("normalisation", () => {
  it("keeps only the reply part of a WeChat quote reply", () => {
    const quoted = "「王秀英：谁家有梯子借用一下」\n- - - - - - - - - - - - - - -\n我家有，来拿吧";
    expect(replyPart(quoted)).toBe("我家有，来拿吧");
    expect(replyPart("- - - - - - -\n不是引用")).toBe("- - - - - - -\n不是引用");
  });

  it("removes WeChat emoji codes and reads traditional characters", () => {
    expect(stripEmojiCodes("好的[强][强] 谢谢[微笑]")).toBe("好的 谢谢");
    expect(toSimplified("誰家有梯子？幫個忙，謝謝")).toBe("谁家有梯子？帮个忙，谢谢");
  });
});
