import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Repositories } from "../../src/app/ports.ts";
import { parseRoster } from "../../src/features/community/domain/roster.ts";
import { importRoster } from "../../src/features/community/import-roster.ts";
import { PrismaUnitOfWork } from "../../src/infra/unit-of-work.ts";
import { FakeAdapter } from "../support/fake-adapter.ts";
import { testApp, useTempDatabase } from "../support/app.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const CSV = [
  "name,platform,id,building,room,roles,skills",
  "王师傅,wechat,wxid_wang,3栋,601,volunteer,修水管;电工",
  "周大姐,wechat,wxid_zhou,3栋,202,grid_captain;volunteer,调解",
  "孙主任,telegram,777,5,101,coordinator;mediator,",
  "李奶奶,wechat,wxid_li,3,101,resident,",
].join("\n");

const db = useTempDatabase();

describe("roster import", () => {
  it("writes people, buildings in the default grid, roles and volunteer skills; a second import updates", async () => {
    const app = await testApp({ url: db.url, adapters: [new FakeAdapter()] });
    const uow = new PrismaUnitOfWork(app.db, app.clock);
    const { rows } = parseRoster(CSV);
    const run = () => uow.run(async (repos) => importRoster(repos, (await repos.directories.defaultCommunity()).id, rows));
    expect(await run()).toEqual({ created: 4, updated: 0, volunteers: 2, roles: 3 });
    expect(await run()).toEqual({ created: 0, updated: 4, volunteers: 2, roles: 3 });
    const people = await app.prisma.person.findMany({ include: { building: { include: { grid: true } }, roles: true, volunteer: true }, orderBy: { id: "asc" } });
    expect(people.map((p) => [p.displayName, p.building?.name, p.room, p.building?.grid?.isDefault])).toEqual([
      ["王师傅", "3栋", "601", true],
      ["周大姐", "3栋", "202", true],
      ["孙主任", "5栋", "101", true],
      ["李奶奶", "3栋", "101", true],
    ]);
    expect(people[1]!.roles).toMatchObject([{ role: "grid_captain", gridId: people[1]!.building!.gridId }]);
    expect(people[2]!.roles.map((r) => r.role).sort()).toEqual(["coordinator", "mediator"]);
    expect(JSON.parse(people[0]!.volunteer!.skills)).toEqual(["修水管", "电工"]);
    expect(await app.prisma.roleAssignment.count()).toBe(3);
    expect(await app.prisma.identity.count()).toBe(4);
    await app.close();
  });

  it("leaves nothing half-imported when a row fails while writing", async () => {
    const app = await testApp({ url: db.url, adapters: [new FakeAdapter()] });
    const uow = new PrismaUnitOfWork(app.db, app.clock);
    const { rows } = parseRoster(CSV);
    const failing = uow.run(async (repos) => {
      let written = 0;
      const flaky: Repositories = {
        ...repos,
        volunteers: {
          ...repos.volunteers,
          enroll: async (personId, skills) => {
            if (++written === 2) throw new Error("disk full");
            await repos.volunteers.enroll(personId, skills);
          },
        },
      };
      return importRoster(flaky, (await repos.directories.defaultCommunity()).id, rows);
    });
    await expect(failing).rejects.toThrow("disk full");
    expect(await app.prisma.person.count()).toBe(0);
    expect(await app.prisma.building.count()).toBe(0);
    await app.close();
  });

  it("from the command line: refuses a roster with bad rows, naming each, and imports a good one", () => {
    const dir = dirname(db.url.slice("file:".length));
    const bad = join(dir, "bad.csv");
    const good = join(dir, "good.csv");
    writeFileSync(bad, `${CSV}\n赵六,qq,1,3,101,,`);
    writeFileSync(good, CSV);
    const cli = (file: string) =>
      spawnSync(process.execPath, ["--import", "tsx", "src/cli/roster.ts", "import", file], {
        cwd: ROOT,
        encoding: "utf8",
        env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", DATABASE_URL: db.url, LOG_LEVEL: "silent" },
      });
    const refused = cli(bad);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain("Nothing was imported");
    expect(refused.stderr).toContain('line 6: platform "qq" must be one of console, telegram, wechat');
    const done = cli(good);
    expect(done.stderr).toBe("");
    expect(done.stdout).toBe("Imported 4 rows: 4 new residents, 0 updated, 2 volunteers, 3 roles.\n");
    expect(done.status).toBe(0);
  }, 60_000);
});
