/**
 * How a command is declared, once: its names in both languages, its arguments, who may run it and where, its handler,
 * its help and its Telegram menu entry. Each feature lists its commands in its `commands.ts`; `src/app/commands.ts`
 * gathers them into the registry that the parser, the router, `/help`, the menu and the unknown-command reply read.
 */
import type { CommandIntent } from "../../parse/intent.ts";
import type { Lang } from "../../kernel/lang.ts";
import type { Repositories } from "../ports.ts";
import type { MessageContext } from "./context.ts";
import { reply } from "./context.ts";

/** Who may run a command; the registry checks it before the handler runs and answers anyone else politely. */
export type Who =
  | "anyone"
  /** An admin of the group it is sent in, or a coordinator. */
  | "groupAdmin"
  | "coordinator"
  /** A grid captain or a coordinator. */
  | "leader";

/** The lines of `/help`, in the order shown. */
export type HelpLine = "basics" | "quiet" | "phone" | "requests" | "volunteers" | "events" | "timebank" | "admin";

/** A command's part of a help line, in one language: "before /name example (/en-name) after". */
export interface HelpFragment {
  /** Words before the command ("不需要了 "). */
  before?: string;
  /** An example of the arguments ("3-502"). */
  example?: string;
  /** Words after it (" — 看这份说明"). */
  after?: string;
  /** What separates it from the fragment before on the same line, when not the line's usual separator. */
  joiner?: string;
}

/** A command's arguments read from the text after its name; `undefined` means they don't fit (the usage is sent). */
export interface ArgumentReader<A> {
  read(args: string, context: MessageContext<CommandIntent>): A | undefined;
  /** What to send when they don't fit. */
  usage(lang: Lang): string;
}

/** One command. `A` is what its arguments are read into (the raw text when it declares no reader). */
export interface Command<A = string> {
  /** The canonical name: English, Telegram-safe (1–32 of a-z, 0-9, _). Shown in help and the menu. */
  name: string;
  /** The Chinese name shown in help. */
  zh?: string;
  /** Other words for it, in either language ("start", "菜单"). Matched case-insensitively. */
  aliases?: readonly string[];
  /** Who may run it (default anyone). */
  who?: Who;
  /** What anyone else is told, when not the usual words for `who` ("这个命令需要社区协调员来发。"). */
  refusal?: (lang: Lang) => string;
  /** Where it works (default anywhere); elsewhere the resident is told where, in `elsewhere`'s words if given. */
  where?: "group" | "private";
  elsewhere?: (lang: Lang) => string;
  /** Its arguments; without a reader the handler gets the text as typed. */
  args?: ArgumentReader<A>;
  /** The use case, run in the message's transaction once the checks pass. */
  handler: (context: MessageContext<CommandIntent>, repos: Repositories, args: A) => Promise<void>;
  /** Its part of `/help` (commands without one are not listed). */
  help?: { line: HelpLine; order: number; zh: HelpFragment; en: HelpFragment };
  /** Its entry in the Telegram command menu, with its place in it. */
  menu?: { order: number; zh: string; en: string };
}

/** A declared command as the registry keeps it: its description, and how to run it with its arguments read. */
export interface CommandEntry extends Omit<Command<unknown>, "args" | "handler"> {
  /** Read the arguments (answering with the usage when they don't fit) and run the handler. */
  run(context: MessageContext<CommandIntent>, repos: Repositories): Promise<void>;
}

/** The text after the command's name as typed, for commands that read it themselves. */
const asTyped: ArgumentReader<string> = { read: (args) => args, usage: () => "" };

/** Declare a command; the handler's third parameter is what the reader reads (the text as typed without one). */
export function command<A>(spec: Command<A> & { args: ArgumentReader<A> }): CommandEntry;
export function command(spec: Omit<Command<string>, "args">): CommandEntry;
export function command<A>(spec: (Command<A> & { args: ArgumentReader<A> }) | Omit<Command<string>, "args">): CommandEntry {
  return "args" in spec ? entry(spec) : entry({ ...spec, args: asTyped });
}

function entry<A>(spec: Command<A> & { args: ArgumentReader<A> }): CommandEntry {
  const { args: reader, handler, ...description } = spec;
  return {
    ...description,
    async run(context, repos) {
      const args = reader.read(context.intent.args, context);
      if (args === undefined) return reply(context, repos, reader.usage(context.lang));
      return handler(context, repos, args);
    },
  };
}
