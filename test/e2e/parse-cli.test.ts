/** `npm run -s parse -- --jsonl --now ISO`: one JSON line out per JSON line in, bad lines reported, not fatal. */
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

describe("the parse CLI", () => {
  it("explains what the parser understood, line by line", () => {
    const input = [
      { id: "a", text: "明天早上谁去菜市场可以帮我带两斤鸡蛋吗" },
      { id: "b", text: "今天帮李奶奶读报2小时" },
      { id: "c", text: "我和老伴两个人参加周日的包饺子活动" },
      { id: "d", text: "早上好各位邻居" },
    ]
      .map((line) => JSON.stringify(line))
      .concat(["not json"])
      .join("\n");
    const result = spawnSync(process.execPath, ["--import", "tsx", "src/cli/parse.ts", "--jsonl", "--now", "2026-11-25T10:00:00+08:00"], {
      cwd: ROOT,
      input,
      encoding: "utf8",
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "" },
    });
    expect(result.status).toBe(0);
    const lines = result.stdout.trim().split("\n").map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines[0]).toMatchObject({ id: "a", intent: "request", category: "errand", when: "2026-11-26" });
    expect(lines[1]).toMatchObject({ id: "b", intent: "service_log", hours: 2, when: "2026-11-25" });
    expect(lines[2]).toMatchObject({ id: "c", intent: "signup", count: 2, when: "2026-11-29", event: "包饺子活动" });
    expect(lines[3]).toMatchObject({ id: "d", intent: "none", by: "model" });
    // How sure the parser is, on every line it understood by the model: what coordinators look at first.
    for (const line of lines.slice(0, 4)) expect(line.confidence).toEqual(expect.any(Number));
    expect(lines[0]!.confidence as number).toBeGreaterThan(0.5);
    expect(lines[4]).toMatchObject({ id: null });
    expect(String(lines[4]!.error)).toMatch(/JSON/u);
  }, 30_000);

  it("refuses a bad --now with a clear message", () => {
    const result = spawnSync(process.execPath, ["--import", "tsx", "src/cli/parse.ts", "--jsonl", "--now", "yesterday-ish"], {
      cwd: ROOT,
      input: "",
      encoding: "utf8",
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/--now needs an ISO 8601 time/u);
  }, 30_000);
});
