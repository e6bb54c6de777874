import { describe, expect, it } from "vitest";
import type { JobHandler, NewJob } from "../../src/app/ports.ts";
import { VirtualClock } from "../../src/kernel/clock.ts";
import { defaultJobHandlers } from "../../src/app/jobs.ts";
import { PrismaUnitOfWork } from "../../src/infra/unit-of-work.ts";
import { spawn } from "node:child_process";
import { FakeAdapter } from "../support/fake-adapter.ts";
import { T0, testApp, useTempDatabase } from "../support/app.ts";

const db = useTempDatabase();

type App = Awaited<ReturnType<typeof testApp>>;
const HOUR = 3_600_000;

function schedule(app: App, job: NewJob) {
  return new PrismaUnitOfWork(app.db, app.clock).run((repos) => repos.jobs.schedule(job));
}

const say = (text: string, dueAt: Date, extra: Partial<NewJob> = {}): NewJob => ({
  kind: "say",
  dueAt,
  payload: { target: { kind: "chat", platform: "console", chatId: "3栋邻里群" }, text, lang: "zh-CN" },
  ...extra,
});

describe("the scheduler", () => {
  it("runs a job that fell due during downtime once, after the restart", async () => {
    const first = await testApp({ url: db.url, adapters: [new FakeAdapter()] });
    await schedule(first, say("下午好", new Date(T0.getTime() + HOUR)));
    await first.close(); // down from 10:00 until 13:00

    const adapter = new FakeAdapter();
    const clock = new VirtualClock(new Date(T0.getTime() + 3 * HOUR));
    const second = await testApp({ url: db.url, adapters: [adapter], clock });
    expect(adapter.texts()).toEqual(["下午好"]);
    await second.tick();
    clock.advance(HOUR);
    await second.tick();
    expect(adapter.texts()).toEqual(["下午好"]);
    expect(await second.prisma.scheduledJob.findFirstOrThrow()).toMatchObject({ state: "done", attempts: 1 });
    await second.close();
  });

  it("claims each due job exactly once when two processes tick at the same moment", async () => {
    const app = await testApp({ url: db.url, adapters: [new FakeAdapter()] });
    for (let i = 0; i < 40; i += 1) await schedule(app, { kind: "count", dueAt: new Date(T0.getTime() + i * 1000) });
    const now = new Date(T0.getTime() + 60_000).toISOString();
    const children = [0, 1].map(() => startChild(db.url, now));
    await Promise.all(children.map((child) => child.ready));
    for (const child of children) child.go();
    const summaries = await Promise.all(children.map((child) => child.done));
    const ran = await app.prisma.auditLog.findMany({ where: { action: "test.ran" } });
    expect(ran.map((entry) => Number(entry.subjectId)).sort((x, y) => x - y)).toEqual(
      Array.from({ length: 40 }, (_, i) => i + 1),
    );
    expect(summaries.reduce((sum, s) => sum + s.done, 0)).toBe(40);
    expect(await app.prisma.scheduledJob.count({ where: { state: "done" } })).toBe(40);
    await app.close();
  }, 60_000);

  it("drops a job that is stale, and does not schedule the same key twice", async () => {
    const adapter = new FakeAdapter();
    const app = await testApp({ url: db.url, adapters: [adapter] });
    const dueAt = new Date(T0.getTime() + HOUR);
    await schedule(app, say("活动还有2小时开始", dueAt, { staleAt: new Date(T0.getTime() + 2 * HOUR), dedupeKey: "r1" }));
    await schedule(app, say("活动还有2小时开始", dueAt, { dedupeKey: "r1" }));
    expect(await app.prisma.scheduledJob.count()).toBe(1);
    app.clock.advance(5 * HOUR);
    await app.tick();
    expect(adapter.sent).toEqual([]);
    expect(await app.prisma.scheduledJob.findFirstOrThrow()).toMatchObject({ state: "dropped" });
    await app.close();
  });

  it("keeps going when a job fails: it is retried later and the others run", async () => {
    let failures = 1;
    const flaky: JobHandler = async (payload, repos, job) => {
      await repos.audit.append({ action: "flaky.partial" });
      if (failures-- > 0) throw new Error("database hiccup");
      await defaultJobHandlers().get("say")!(payload, repos, job);
    };
    const adapter = new FakeAdapter();
    const app = await testApp({
      url: db.url,
      adapters: [adapter],
      jobHandlers: new Map([...defaultJobHandlers(), ["flaky", flaky]]),
    });
    await schedule(app, { ...say("flaky one", T0), kind: "flaky" });
    await schedule(app, say("steady one", T0));
    await app.tick();
    expect(adapter.texts()).toEqual(["steady one"]);
    expect(await app.prisma.auditLog.count({ where: { action: "flaky.partial" } })).toBe(0); // rolled back
    const failed = await app.prisma.scheduledJob.findFirstOrThrow({ where: { kind: "flaky" } });
    expect(failed).toMatchObject({ state: "pending", attempts: 1, lastError: "database hiccup" });
    app.clock.advance(2000);
    await app.tick();
    expect(adapter.texts()).toEqual(["steady one", "flaky one"]);
    await app.close();
  });
});

function startChild(url: string, now: string) {
  const child = spawn(process.execPath, ["--import", "tsx", "test/support/run-due-jobs.ts", now], {
    env: { ...process.env, DATABASE_URL: url },
    stdio: ["pipe", "pipe", "inherit"],
  });
  let out = "";
  let resolveReady: () => void;
  const ready = new Promise<void>((resolve) => (resolveReady = resolve));
  child.stdout.on("data", (chunk: Buffer) => {
    out += chunk.toString();
    if (out.includes("ready")) resolveReady();
  });
  const done = new Promise<{ done: number; failed: number }>((resolve, reject) =>
    child.on("exit", (code) => {
      resolveReady(); // a process that died before its start line is reported with its output
      if (code === 0) resolve(JSON.parse(out.trim().split("\n").pop()!));
      else reject(new Error(`child exited ${code}: ${out}`));
    }),
  );
  child.stdin.on("error", () => undefined); // a process that died: its exit code and output say why
  return { ready, done, go: () => child.stdin.end("go\n") };
}
