/** The privacy scanner's rules, both ways: it finds each kind of private detail, and leaves ordinary group texts alone. */
import { describe, expect, it } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { privateDetailsIn, residentDetails, type PrivateDetail } from "../support/privacy-scan.ts";
import { DEMO_PRIVATE_DETAILS, checkGroupMessages, keepDetailsOf, watchGroupMessages } from "../support/privacy-watch.ts";

const WANG = residentDetails({ name: "王秀英", building: "3", buildingName: "3栋", room: "302", phone: "13800000001", emergencyPhone: "021-5555 0101" });
const PRIVATE: PrivateDetail[] = [
  ...WANG,
  { kind: "request", value: "量血压", whose: "李奶奶" },
  { kind: "mediation", value: "楼上漏水泡坏了天花板", whose: "钱大爷" },
];
const found = (text: string, details: readonly PrivateDetail[] = PRIVATE) => privateDetailsIn(text, details).map((one) => `${one.kind} ${one.found}`);

describe("the privacy scanner finds", () => {
  it.each([
    ["王秀英的电话13800000001", ["phone 13800000001"]],
    ["电话 138 0000 0001", ["phone 13800000001", "phone 138 0000 0001"]],
    ["call 138-0000-0001", ["phone 13800000001", "phone 138-0000-0001"]],
    ["应急卡：021-5555 0101", ["card 021-5555 0101"]],
    ["应急卡：02155550101", ["card 021-5555 0101"]],
    ["王秀英住3栋302", ["room 302", "address 3栋302"]],
    ["地址：3号楼302室", ["room 302", "address 3号楼302"]],
    ["3-302 有人摔倒", ["address 3-302"]],
    ["在302，快来", ["room 302"]],
    ["lives in room 302", ["room 302"]],
    ["李奶奶需要帮忙量血压", ["request 量血压"]],
    ["调解：楼上漏水泡坏了天花板", ["mediation 楼上漏水泡坏了天花板"]],
  ])("%s", (text, expected) => {
    expect(found(text).sort()).toEqual([...expected].sort());
  });

  it("any mobile number, even one no database holds", () => {
    expect(found("联系 13912345678", [])).toEqual(["phone 13912345678"]);
    expect(found("call 139 1234 5678", [])).toEqual(["phone 139 1234 5678"]);
  });

  it("every demo resident's phone and home", () => {
    expect(found("周大姐 13800000004", DEMO_PRIVATE_DETAILS)).toContain("phone 13800000004");
    expect(found("Emma lives at 7-1201", DEMO_PRIVATE_DETAILS)).toContain("address 7-1201");
  });
});

describe("the privacy scanner leaves ordinary texts alone", () => {
  it.each([
    "求助 #302 已有邻居接单，谢谢大家！",
    "紧急求助 #3021：有人摔倒",
    "活动 10:30 开始，13:02 结束",
    "日期 2026-03-02，3.02 小时",
    "第302条",
    "已有302人报名，共302个时间币，302分钟",
    "3栋邻里群的王秀英（3栋）需要帮忙",
    "也可以直接说：“我住3栋806”。/登记 3-806",
    "电话 138… 私聊登记；工单 20261125123",
    "Building 3 neighbours: 12 sign-ups so far, #302 taken",
    "⚠️ 有人摔倒：请马上拨打 120！不要移动伤者，保持电话畅通。我已私信通知 2 位会急救的邻居、网格长或协调员。",
    "本周共 12 件好事，帮忙 30 小时",
    "买菜 / 修水管 / 帮忙",
  ])("%s", (text) => {
    expect(found(text)).toEqual([]);
  });

  it("a word of a single character, or an empty detail, finds nothing", () => {
    expect(privateDetailsIn("药箱在这里", [{ kind: "request", value: "药" }, { kind: "mediation", value: " " }])).toEqual([]);
  });
});

describe("the watch over group messages", () => {
  it("scans each registered message once, skips chats the database knows as private, and names the detail found", () => {
    const dir = mkdtempSync(join(tmpdir(), "linli-privacy-unit-"));
    try {
      const file = join(dir, "test.db");
      const db = new Database(file);
      db.exec(`CREATE TABLE Building (id INTEGER PRIMARY KEY, key TEXT, name TEXT);
        CREATE TABLE Person (id INTEGER PRIMARY KEY, displayName TEXT, phone TEXT, room TEXT, buildingId INTEGER);
        CREATE TABLE VolunteerProfile (personId INTEGER, emergencyPhone TEXT);
        CREATE TABLE HelpRequest (requesterId INTEGER, category TEXT, what TEXT, place TEXT);
        CREATE TABLE Chat (externalId TEXT, kind TEXT);
        INSERT INTO Building VALUES (1, '9', '9栋');
        INSERT INTO Person VALUES (1, '林先生', '13700000009', '908', 1);
        INSERT INTO VolunteerProfile VALUES (1, '020-1234 5678');
        INSERT INTO HelpRequest VALUES (1, 'medical', '打胰岛素', NULL), (1, 'borrow', '借梯子', '小区门口'), (1, 'sos', '有人摔倒', '5栋1101');
        INSERT INTO Chat VALUES ('dm-lin', 'private'), ('group-9', 'group');`);
      db.close();
      keepDetailsOf(`file:${file}`);
      const sent = [
        { chat: "group-9", text: "林先生需要打胰岛素" },
        { chat: "group-9", text: "借梯子：谁有？" },
        { chat: "dm-lin", text: "您的应急卡：020-1234 5678，9栋908" },
        { chat: "group-9", text: "请到908来" },
        { chat: "group-9", text: "有人摔倒，在5栋1101，小区门口集合" },
      ];
      watchGroupMessages("unit", () => sent);
      const first = checkGroupMessages();
      expect(first.scanned).toBe(4);
      expect(first.leaks.map((leak) => [leak.text, leak.findings.map((one) => `${one.kind} ${one.found} ${one.whose ?? ""}`)])).toEqual([
        ["林先生需要打胰岛素", ["request 打胰岛素 林先生"]],
        ["请到908来", ["room 908 林先生"]],
        ["有人摔倒，在5栋1101，小区门口集合", ["address 5栋1101 林先生"]],
      ]);
      sent.push({ chat: "group-9", text: "谢谢大家" });
      expect(checkGroupMessages()).toEqual({ scanned: 1, leaks: [] });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
