/** The pure rules of reports: the words that change a state, which changes are allowed, and where a report is. */
import { describe, expect, it } from "vitest";
import { canChange, open311Status, readStateChange } from "../../src/features/reports/domain/states.ts";
import { placeKeyOf, placeLabel, reportPlace } from "../../src/features/reports/domain/place.ts";
import { findPlace } from "../../src/parse/place.ts";

describe("the words that change a report's state", () => {
  it.each([
    ["已受理", { state: "acknowledged", note: null }],
    ["acknowledged", { state: "acknowledged", note: null }],
    ["处理中 已联系物业", { state: "in_progress", note: "已联系物业" }],
    ["in_progress called the property manager", { state: "in_progress", note: "called the property manager" }],
    ["in progress", { state: "in_progress", note: null }],
    ["已修复", { state: "fixed", note: null }],
    ["fixed: new bulb", { state: "fixed", note: "new bulb" }],
    ["未能修复 需要业委会表决", { state: "closed", note: "需要业委会表决" }],
    ["won't fix, it is the council's road", { state: "closed", note: "it is the council's road" }],
    ["重复 3", { state: "duplicate", of: 3, note: null }],
    ["duplicate of #12", { state: "duplicate", of: 12, note: null }],
    ["不归我们管 请联系供电局 95598", { state: "referred", note: "请联系供电局 95598" }],
    ["not ours: call the water company", { state: "referred", note: "call the water company" }],
    ["重新打开", { state: "open", note: null }],
    ["reopen", { state: "open", note: null }],
  ])("%j", (text, change) => {
    expect(readStateChange(text)).toEqual(change);
  });

  it.each(["随便", "openly", "重复", "fixedly", "the light is out"])("reads no state from %j", (text) => {
    expect(readStateChange(text)).toBeUndefined();
  });

  it("allows every move but to the same state, from a duplicate, or reopening one still open", () => {
    expect(canChange("open", "fixed")).toBe(true);
    expect(canChange("fixed", "open")).toBe(true);
    expect(canChange("referred", "in_progress")).toBe(true);
    expect(canChange("open", "open")).toBe(false);
    expect(canChange("in_progress", "open")).toBe(false);
    expect(canChange("duplicate", "fixed")).toBe(false);
  });

  it("maps states to Open311's open and closed", () => {
    expect(["open", "acknowledged", "in_progress"].map((state) => open311Status(state as "open"))).toEqual(["open", "open", "open"]);
    expect(["fixed", "closed", "duplicate", "referred"].map((state) => open311Status(state as "open"))).toEqual(["closed", "closed", "closed", "closed"]);
  });
});

describe("where a report is", () => {
  const at = (text: string, fallback?: string) => placeKeyOf(reportPlace(text, findPlace(text), fallback));

  it.each([
    ["3栋4楼楼道灯坏了", undefined, "b3/f4"],
    ["5栋2单元楼道里堆满了纸箱", undefined, "b5/u2"],
    ["5号楼2单元六层的窗户破了", undefined, "b5/u2/f6"],
    ["5栋302门口灯坏了", undefined, "b5/f3"],
    ["The elevator in building 5 is not working again", undefined, "b5"],
    ["The stairwell light on the 4th floor of building 2 is out", undefined, "b2/f4"],
    ["北门那段路的地砖翘起来好几块", "3", "北门"],
    ["The gate at the north entrance is stuck open", undefined, "北门"],
    ["地下车库B2那边一直在滴水", undefined, "地下车库"],
    ["楼道灯坏了好几天了", "3", "b3"],
    ["楼道灯坏了好几天了", undefined, null],
    ["3楼楼道灯坏了", undefined, "b3"],
  ])("%j (group's building %s) is at %s", (text, fallback, key) => {
    expect(at(text, fallback)).toBe(key);
  });

  it("never keeps a room", () => {
    const place = reportPlace("5栋2单元302门口灯坏了", findPlace("5栋2单元302门口灯坏了"));
    expect(JSON.stringify(place)).not.toContain("302");
  });

  it("reads a place back in both languages", () => {
    expect(placeLabel("b3/u2/f4", "zh-CN")).toBe("3栋2单元4楼");
    expect(placeLabel("b3/u2/f4", "en")).toBe("Building 3, unit 2, floor 4");
    expect(placeLabel("北门", "zh-CN")).toBe("北门");
    expect(placeLabel("北门", "en")).toBe("north gate");
    expect(placeLabel(null, "en")).toBeNull();
  });
});
