/** The message parser: pure, no I/O. Commands, "where I live", and the natural-language intents of residents. */
import type { Intent, ParseContext, Parser } from "./intent.ts";
import { parseCommand } from "./commands.ts";
import { normalize } from "./normalize.ts";

export { normalize } from "./normalize.ts";
import { findPlace } from "./place.ts";
import { classify } from "./classify.ts";
import { findWhen } from "./dates.ts";
import { findCount } from "./counts.ts";

export type * from "./intent.ts";

const REGISTER_ZH = /^(?:我(?:家)?住(?:在)?|我家在|我的住址(?:是)?|住址[:：]?)\s*(.+)$/u;
const REGISTER_EN = /^(?:i\s+live\s+(?:in|at)|my\s+(?:home|flat|address)\s+is)\s+(.+)$/iu;


/**
 * A parser knowing these command words (every word, lower case, to its command's name: the registry's `words`).
 * Text to Intent. Unclear text is `none`: precision first, the bot stays silent on chatter.
 */
export const createParser = (commandWords: ReadonlyMap<string, string>): Parser => (raw: string, context: ParseContext): Intent => {
  const text = normalize(raw, context.botNames);
  if (!text) return { kind: "none" };
  const command = parseCommand(text, context.botNames, commandWords);
  if (command?.kind === "unknown_command") {
    // "/request could someone grab my parcel": a slash word that is no command, then words that are understood
    const words = text.replace(/^[/#]\s*/u, "");
    const meant = words ? classify(words, context) : undefined;
    return meant && meant.kind !== "none" ? meant : command;
  }
  if (command?.kind === "command" && (command.name === "join" || command.name === "leave") && command.args && !/^#?\d{1,9}(?:\s|$)/u.test(command.args)) {
    return eventInWords(command.name, command.args, context); // "/join cooking class dec 2": the event in words
  }
  if (command) return command;
  const said = REGISTER_ZH.exec(text) ?? REGISTER_EN.exec(text);
  if (said) {
    const place = findPlace(said[1]!);
    if (place?.room) return { kind: "register", place };
  }
  const intent = classify(text, context);
  return intent.kind === "none" && !intent.closing && context.addressedToBot ? { kind: "clarify" } : intent;
};

/** "/join cooking class dec 2", "/报名 周六包饺子 2人": a sign-up (or cancellation) for the event the words name. */
function eventInWords(name: "join" | "leave", args: string, context: ParseContext): Intent {
  const when = findWhen(args, context);
  const event = { title: args, ...(when ? { when } : {}) };
  return name === "join" ? { kind: "signup", event, count: findCount(args) ?? 1 } : { kind: "cancel_signup", event };
}
