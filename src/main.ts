/**
 * The composition root: reads config, wires adapters, repositories and use cases, and starts Linli.
 *   npm start                          the console chat on the demo community (seeded on first start)
 *   npm start -- --script FILE|-       run a console script on a virtual clock, print the bot's messages, exit
 *   npm start -- --script FILE --demo  the same, seeding the demo community into an empty database first
 *   npm start  (TELEGRAM_BOT_TOKEN and/or WECHATY_PUPPET set)  Telegram and/or WeChat; add --console for the console
 */
import { readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { loadConfig, ConfigError, type Config } from "./config.ts";
import { createLogger, type Logger } from "./logger.ts";
import { ScaledClock, systemClock, VirtualClock, type Clock } from "./kernel/clock.ts";
import { createLinli } from "./linli.ts";
import { seedDemoIfEmpty } from "./infra/demo-seed.ts";
import { loadVirtualNow } from "./infra/persisted-clock.ts";
import { ConsoleAdapter } from "../adapters/console/console-adapter.ts";
import { ConsoleSession, leadingTime } from "../adapters/console/session.ts";
import { parseScriptLine } from "../adapters/console/script.ts";
import { TelegramAdapter } from "../adapters/telegram/telegram-adapter.ts";
import { WechatAdapter } from "../adapters/wechat/wechat-adapter.ts";
import type { ChatAdapter } from "./chat/types.ts";

interface Args {
  script?: string;
  demo: boolean;
  console: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { demo: false, console: false };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === "--script") {
      const value = argv[(i += 1)];
      if (!value) throw new ConfigError(["--script needs a file name, or - for standard input"]);
      args.script = value;
    } else if (arg === "--demo") args.demo = true;
    else if (arg === "--console") args.console = true;
    else throw new ConfigError([`unknown argument "${arg}" (known: --script FILE|-, --demo, --console)`]);
  }
  return args;
}

async function runScript(config: Config, log: Logger, args: Args & { script: string }): Promise<number> {
  const text = readFileSync(args.script === "-" ? 0 : args.script, "utf8");
  const lines = text.split(/\r?\n/u);
  const clock = new VirtualClock(new Date());
  const adapter = new ConsoleAdapter({
    botName: config.botName,
    write: (line) => process.stdout.write(`${line}\n`),
    maxTextLength: config.consoleMaxTextLength,
    now: () => clock.now(),
  });
  const linli = await createLinli({ config, clock, log, adapters: [adapter] });
  try {
    const start = leadingTime(lines) ?? (await linli.db.use(loadVirtualNow)) ?? clock.now();
    clock.set(start); // before any job runs
    if (args.demo) await linli.db.use((prisma) => seedDemoIfEmpty(prisma, start));
    await linli.start({ timers: false });
    const session = new ConsoleSession(adapter, linli, clock, (line) => process.stderr.write(`script: ${line}\n`));
    await session.advanceTo(start);
    const errors = await session.runScript(lines);
    return errors === 0 ? 0 : 2;
  } finally {
    await linli.close();
  }
}

/** The chat platforms configured, until SIGINT or SIGTERM. */
async function runPlatforms(config: Config, log: Logger): Promise<number> {
  const test = config.testClock;
  const testClock = test ? new ScaledClock(test.start, test.speed) : null;
  const clock: Clock = testClock ?? systemClock;
  if (test) log.warn({ start: test.start.toISOString(), speed: test.speed }, "running on a test clock (TEST_CLOCK_START is set)");
  const adapters: ChatAdapter[] = [];
  if (config.wechat) {
    adapters.push(new WechatAdapter({ ...config.wechat, botName: config.botName, log: log.child({ adapter: "wechat" }) }));
  }
  if (config.telegram) {
    const now = () => clock.now().getTime();
    adapters.push(new TelegramAdapter({ ...config.telegram, webhook: config.telegram.webhook ?? undefined, log: log.child({ adapter: "telegram" }), now }));
  }
  const linli = await createLinli({ config, clock, log, adapters });
  await linli.start();
  testClock?.run();
  log.info({ adapters: adapters.map((adapter) => adapter.platform) }, "Linli is running");
  await new Promise<void>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  await linli.close();
  return 0;
}

async function runInteractive(config: Config, log: Logger): Promise<void> {
  const adapter = new ConsoleAdapter({
    botName: config.botName,
    write: (line) => process.stdout.write(`${line}\n`),
    maxTextLength: config.consoleMaxTextLength,
    now: () => systemClock.now(),
  });
  const linli = await createLinli({ config, clock: systemClock, log, adapters: [adapter] });
  if (await linli.db.use((prisma) => seedDemoIfEmpty(prisma, systemClock.now()))) log.info("demo community created");
  await linli.start();
  const session = new ConsoleSession(adapter, linli, null, (line) => process.stdout.write(`(${line})\n`));
  session.last = { chat: "3栋邻里群", person: "王秀英" };
  process.stdout.write(
    [
      `Linli console — you are chatting with ${config.botName}.`,
      "  @<chat> <person>: <text>   post in a group, e.g. @3栋邻里群 王秀英: /帮助",
      "  @dm <person>: <text>       write to the bot privately",
      "  <text>                     post again as the last person, in the last chat",
      "  !admin <chat> <person>     make someone a group admin;  Ctrl-D to quit",
      "Demo chats: 3栋邻里群, 花园兴趣群, GardenClub. Residents: 王秀英, 李奶奶, 张阿姨, 王师傅, 周大姐 (captain), 孙主任 (coordinator) ...",
      "",
    ].join("\n"),
  );
  const rl = createInterface({ input: process.stdin, output: process.stdout, prompt: "> " });
  rl.prompt();
  for await (const input of rl) {
    const trimmed = input.trim();
    const last = session.last;
    const line =
      trimmed && !/^[@!#]/u.test(trimmed) && last
        ? last.chat
          ? { kind: "post" as const, chat: last.chat, person: last.person, text: trimmed }
          : { kind: "dm" as const, person: last.person, text: trimmed }
        : parseScriptLine(trimmed);
    try {
      await session.run(line);
    } catch (error) {
      log.error({ err: error }, "console line failed");
    }
    rl.prompt();
  }
  await linli.close();
}

async function main(): Promise<number> {
  let config: Config;
  let args: Args;
  try {
    config = loadConfig();
    args = parseArgs(process.argv.slice(2));
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    throw error;
  }
  const log = createLogger(config.logLevel);
  if (args.script !== undefined) return runScript(config, log, { ...args, script: args.script });
  if ((config.telegram || config.wechat) && !args.console) return runPlatforms(config, log);
  await runInteractive(config, log);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`Linli stopped: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
