import { describe, expect, it } from "vitest";
import { parseRoster } from "../../src/features/community/domain/roster.ts";

const HEADER = "name,platform,id,building,room,roles,skills";

describe("roster CSV", () => {
  it("reads rows with quoted cells, lists, zh role names and building forms", () => {
    const csv = [
      HEADER,
      "王师傅,wechat,wxid_wang,3栋,601,volunteer,修水管;电工",
      '"Emma Li",telegram,12345,building 7,1201,"volunteer;mediator","English tutoring、gardening"',
      "周大姐,console,周大姐,3号楼,2-202,网格长,",
      "",
    ].join("\r\n");
    const { rows, errors } = parseRoster(csv);
    expect(errors).toEqual([]);
    expect(rows).toEqual([
      { line: 2, name: "王师傅", platform: "wechat", externalId: "wxid_wang", building: "3", room: "601", roles: ["volunteer"], skills: ["修水管", "电工"] },
      { line: 3, name: "Emma Li", platform: "telegram", externalId: "12345", building: "7", room: "1201", roles: ["volunteer", "mediator"], skills: ["English tutoring", "gardening"] },
      { line: 4, name: "周大姐", platform: "console", externalId: "周大姐", building: "3", room: "2-202", roles: ["grid_captain"], skills: [] },
    ]);
  });

  it("gives each bad row a clear error saying what to fix", () => {
    const csv = [
      HEADER,
      ",wechat,wx1,3,502,,",
      "李四,qq,123,3,502,,",
      "张三,wechat,,三栋楼下,abc,boss,",
      "赵六,wechat,wx9,,,grid_captain,",
      "钱七,wechat,wx9,5,101,,",
      "孙八,wechat,wx9,5,102,,",
    ].join("\n");
    expect(parseRoster(csv).errors).toEqual([
      "line 2: the name is empty",
      'line 3: platform "qq" must be one of console, telegram, wechat',
      'line 4: the platform id is empty; building "三栋楼下" is not a building number such as 3, 3栋 or 3号楼; room "abc" should look like 502 or 2-502; role "boss" must be one of resident, volunteer, grid_captain, coordinator, mediator',
      "line 5: a grid captain needs a building (their grid is the building's)",
      "line 6: wechat id wx9 is already on line 5",
      "line 7: wechat id wx9 is already on line 5",
    ]);
  });

  it("needs the header", () => {
    expect(parseRoster("王师傅,wechat,wx1,3,601,,").errors[0]).toMatch(/^line 1: the header must name the columns/u);
    expect(parseRoster("").errors[0]).toMatch(/^line 1:/u);
  });
});
