/**
 * The command registry: every command of every feature, declared once (see `shared/command.ts`). The parser reads its
 * words, the router runs its entries (checking who may run each and where), and `/help`, the Telegram menu and the
 * unknown-command reply come from it. Adding a command, or a word for one, touches only its feature's `commands.ts`.
 */
import type { CommandIntent } from "../parse/intent.ts";
import type { Lang } from "../kernel/lang.ts";
import type { Repositories } from "./ports.ts";
import type { Dispatcher, MessageContext } from "./shared/context.ts";
import type { CommandEntry, HelpFragment, HelpLine, Who } from "./shared/command.ts";
import type { RequestSettings } from "../features/requests/domain/policy.ts";
import { DEFAULT_REQUEST_SETTINGS } from "../features/requests/domain/policy.ts";
import { command } from "./shared/command.ts";
import { reply } from "./shared/context.ts";
import { t } from "./shared/texts.ts";
import { communityCommands } from "../features/community/commands.ts";
import { requestCommands } from "../features/requests/commands.ts";
import { eventCommands } from "../features/events/commands.ts";
import { timeBankCommands } from "../features/timebank/commands.ts";
import { deedCommands } from "../features/deeds/commands.ts";
import { digestCommands } from "../features/digests/commands.ts";
import { clarifyCommands } from "../features/understanding/commands.ts";
import { privacyCommands } from "../features/privacy/commands.ts";
import { reportCommands } from "../features/reports/commands.ts";
import type { ReportSettings } from "../features/reports/index.ts";
import { DEFAULT_REPORT_SETTINGS } from "../features/reports/index.ts";
import { mediationCommands } from "../features/mediation/commands.ts";
import { visitCommands } from "../features/visits/index.ts";
import { guardianCommands } from "../features/guardian/commands.ts";
import type { CheckinSettings } from "../features/checkins/index.ts";
import { DEFAULT_CHECKIN_SETTINGS, checkinCommands } from "../features/checkins/index.ts";
import { recognitionCommands } from "../features/recognition/index.ts";

/** A Telegram menu entry. */
export interface MenuEntry {
  command: string;
  description: string;
}

/** The commands Linli knows, by name and by every word for them. */
export class CommandRegistry {
  readonly entries: readonly CommandEntry[];
  readonly #byName = new Map<string, CommandEntry>();
  /** Every word (lower case) that names a command, to the command's name: what the parser reads. */
  readonly words: ReadonlyMap<string, string>;

  constructor(entries: readonly CommandEntry[]) {
    this.entries = entries;
    const words = new Map<string, string>();
    for (const entry of entries) {
      if (!/^[a-z0-9_]{1,32}$/u.test(entry.name)) throw new Error(`command name "${entry.name}" is not one Telegram accepts`);
      if (this.#byName.has(entry.name)) throw new Error(`command "${entry.name}" is declared twice`);
      this.#byName.set(entry.name, entry);
      for (const word of [entry.name, ...(entry.zh ? [entry.zh] : []), ...(entry.aliases ?? [])]) {
        const key = word.toLowerCase();
        const taken = words.get(key);
        if (taken && taken !== entry.name) throw new Error(`"${word}" names both /${taken} and /${entry.name}`);
        words.set(key, entry.name);
      }
    }
    this.words = words;
  }

  /** The command of this name. */
  get(name: string): CommandEntry | undefined {
    return this.#byName.get(name);
  }

  /** The same registry with `entry` in place of the command of its name (tests swap a handler this way). */
  with(entry: CommandEntry): CommandRegistry {
    return new CommandRegistry(this.entries.map((each) => (each.name === entry.name ? entry : each)));
  }

  /** Run a command: where it works and who may run it are checked first, with a polite answer for anyone else. */
  async run(context: MessageContext<CommandIntent>, repos: Repositories): Promise<void> {
    const entry = this.get(context.intent.name);
    if (!entry) return reply(context, repos, this.unknown(context.lang, context.intent.name));
    if (entry.where && entry.where !== context.chat.kind) {
      return reply(context, repos, entry.elsewhere?.(context.lang) ?? (entry.where === "group" ? t(context.lang).onlyInGroups : t(context.lang).onlyPrivately));
    }
    const refusal = await refuse(entry.who ?? "anyone", context, repos);
    if (refusal) return reply(context, repos, entry.refusal?.(context.lang) ?? refusal);
    await entry.run(context, repos);
  }

  /** The answer to a command nobody declared: there is no such command, and how to ask for help. */
  unknown(lang: Lang, word: string): string {
    const help = this.get("help");
    return t(lang).unknownCommand(word, lang === "en" || !help?.zh ? "/help" : `/${help.zh}`);
  }

  /** `/help` in a language. */
  help(lang: Lang, botName: string): string {
    const texts = HELP[lang];
    const lines = [texts.intro(botName)];
    for (const line of HELP_LINES) {
      const fragments = this.entries
        .filter((entry) => entry.help?.line === line)
        .sort((a, b) => a.help!.order - b.help!.order)
        .map((entry) => ({ text: fragment(entry, lang), joiner: entry.help![lang === "en" ? "en" : "zh"].joiner }));
      if (!fragments.length) continue;
      if (line === "basics") {
        lines.push(...fragments.map((each) => each.text));
        continue;
      }
      const layout = texts.lines[line];
      lines.push(layout.prefix + fragments.map((each, i) => (i === 0 ? "" : (each.joiner ?? layout.joiner)) + each.text).join(""));
    }
    lines.push(texts.outro);
    return lines.join("\n");
  }

  /** The Telegram command menu in a language ("zh" or "en", as Telegram's language codes). */
  menu(lang: "zh" | "en"): MenuEntry[] {
    return this.entries
      .filter((entry) => entry.menu)
      .sort((a, b) => a.menu!.order - b.menu!.order)
      .map((entry) => ({ command: entry.name, description: entry.menu![lang] }));
  }
}

/** Why this person may not run a command of this kind, or undefined when they may. */
async function refuse(who: Who, context: MessageContext, repos: Repositories): Promise<string | undefined> {
  const texts = t(context.lang);
  const person = context.person.id;
  switch (who) {
    case "anyone":
      return undefined;
    case "groupAdmin":
      return context.isAdmin || (await repos.directories.hasRole(person, "coordinator")) ? undefined : texts.needAdmin;
    case "coordinator":
      return (await repos.directories.hasRole(person, "coordinator")) ? undefined : texts.needCoordinator;
    case "leader":
      return (await repos.directories.hasRole(person, "coordinator")) || (await repos.directories.hasRole(person, "grid_captain")) ? undefined : texts.needCaptain;
  }
}

/** The order of help's lines; "basics" are one command a line. */
const HELP_LINES: readonly HelpLine[] = ["basics", "quiet", "phone", "requests", "volunteers", "events", "timebank", "admin"];

type LineLayout = { prefix: string; joiner: string };
const HELP: Record<Lang, { intro: (botName: string) => string; outro: string; lines: Record<Exclude<HelpLine, "basics">, LineLayout> }> = {
  "zh-CN": {
    intro: (botName) => `我是${botName}，帮邻里互相搭把手。常用命令：`,
    outro: "也可以直接说：“我住3栋806”。",
    lines: {
      quiet: { prefix: "", joiner: "；" },
      phone: { prefix: "", joiner: "；" },
      requests: { prefix: "需要帮忙直接在群里说；", joiner: "；" },
      volunteers: { prefix: "志愿者：", joiner: "、" },
      events: { prefix: "活动：", joiner: "、" },
      timebank: { prefix: "时间银行：", joiner: "、" },
      admin: { prefix: "群管理员：", joiner: "、" },
    },
  },
  en: {
    intro: (botName) => `I'm ${botName}, helping neighbours help each other. Commands:`,
    outro: 'You can also just say: "I live in building 3 room 806".',
    lines: {
      quiet: { prefix: "", joiner: "; " },
      phone: { prefix: "", joiner: "; " },
      requests: { prefix: "Need a hand? Just say so in the group; ", joiner: "; " },
      volunteers: { prefix: "Volunteers: ", joiner: ", " },
      events: { prefix: "Events: ", joiner: ", " },
      timebank: { prefix: "Time bank: ", joiner: ", " },
      admin: { prefix: "Group admins: ", joiner: ", " },
    },
  },
};

/** "/登记 3-502 (/register) — …" in Chinese, "/register 3-502 — …" in English. */
function fragment(entry: CommandEntry, lang: Lang): string {
  const part: HelpFragment = entry.help![lang === "en" ? "en" : "zh"];
  const example = part.example ? ` ${part.example}` : "";
  const named = lang === "en" || !entry.zh ? `/${entry.name}${example}` : `/${entry.zh}${example} (/${entry.name})`;
  return `${part.before ?? ""}${named}${part.after ?? ""}`;
}

/** Every command, in the order help and the menu list them; `router` is read when a clarification is answered. */
export function defaultCommands(
  settings: RequestSettings = DEFAULT_REQUEST_SETTINGS,
  router: () => Dispatcher = () => unrouted(),
  reports: ReportSettings = DEFAULT_REPORT_SETTINGS,
  checkins: CheckinSettings = DEFAULT_CHECKIN_SETTINGS,
): CommandRegistry {
  const registry: CommandRegistry = new CommandRegistry([
    command({
      name: "help",
      zh: "帮助",
      aliases: ["start", "help me", "菜单", "说明"],
      handler: (context, repos) => reply(context, repos, registry.help(context.lang, context.botName)),
      help: { line: "basics", order: 1, zh: { after: " — 看这份说明" }, en: { after: " — this guide" } },
      menu: { order: 1, zh: "看说明", en: "How to use the bot" },
    }),
    ...communityCommands,
    ...requestCommands(settings),
    ...eventCommands,
    ...timeBankCommands,
    ...deedCommands,
    ...digestCommands,
    ...privacyCommands(settings),
    ...reportCommands(reports),
    ...mediationCommands,
    ...visitCommands,
    ...guardianCommands(settings),
    ...checkinCommands(checkins, settings),
    ...recognitionCommands,
    ...clarifyCommands(router),
  ]);
  return registry;
}

function unrouted(): never {
  throw new Error("this command registry was built without a router");
}
