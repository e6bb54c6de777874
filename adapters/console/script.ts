/**
 * The console script language, one line each:
 *   @<chat title> <person>: <text>   a person posts in a group (quote a title with spaces: @"Garden Club" Ann: hi)
 *   @dm <person>: <text>             a private message to the bot
 *                                    (in a text, \n is a line break: a 接龙 list fits on one line;
 *                                    a text "📎 photo <caption>" is a photo, see console-adapter.ts)
 *   !admin <chat title> <person>     that person is an admin of that group
 *   !join <chat title> <person>, …   people join that group (as the platform reports it: they get a welcome)
 *   !leave <chat title> <person>, …  people leave that group
 *   !time <ISO 8601 datetime>        set the virtual clock
 *   !advance <n>m|h|d                advance it, running every job that falls due
 *   !redeliver                       the platform delivers the last message again (same id)
 *   # ...                            a comment
 */

/** One parsed script line. */
export type ScriptLine =
  | { kind: "post"; chat: string; person: string; text: string }
  | { kind: "dm"; person: string; text: string }
  | { kind: "admin"; chat: string; person: string }
  | { kind: "join" | "leave"; chat: string; people: string[] }
  | { kind: "time"; at: Date }
  | { kind: "advance"; ms: number }
  | { kind: "redeliver" }
  | { kind: "skip" }
  | { kind: "error"; message: string };

const UNITS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000 };

/** Parse one line of a console script. */
export function parseScriptLine(line: string): ScriptLine {
  const text = line.trim();
  if (text === "" || text.startsWith("#")) return { kind: "skip" };
  if (text.startsWith("@")) return parsePost(text.slice(1));
  if (text.startsWith("!")) return parseDirective(text.slice(1));
  return { kind: "error", message: `a line starts with @ (a message), ! (a directive) or # (a comment): ${text}` };
}

function parsePost(rest: string): ScriptLine {
  const head = splitTitle(rest);
  if (!head) return { kind: "error", message: `expected "@<chat> <person>: <text>": @${rest}` };
  const colon = head.rest.search(/[:：]/u);
  if (colon <= 0) return { kind: "error", message: `expected "<person>: <text>" after the chat: @${rest}` };
  const person = head.rest.slice(0, colon).trim();
  const body = head.rest.slice(colon + 1).trim().replace(/\\n/gu, "\n");
  if (!person) return { kind: "error", message: `a person's name is missing: @${rest}` };
  return head.title === "dm" ? { kind: "dm", person, text: body } : { kind: "post", chat: head.title, person, text: body };
}

function parseDirective(rest: string): ScriptLine {
  const [word = "", ...args] = rest.split(/\s+/u);
  const arg = rest.slice(word.length).trim();
  switch (word) {
    case "admin": {
      const head = splitTitle(arg);
      const person = head?.rest.trim();
      return head && person ? { kind: "admin", chat: head.title, person } : { kind: "error", message: "usage: !admin <chat title> <person>" };
    }
    case "join":
    case "leave": {
      const head = splitTitle(arg);
      const people = (head?.rest ?? "").split(/[,，、]/u).map((name) => name.trim()).filter(Boolean);
      return head && people.length ? { kind: word, chat: head.title, people } : { kind: "error", message: `usage: !${word} <chat title> <person>[, <person>…]` };
    }
    case "time": {
      const at = new Date(arg);
      return /^\d{4}-\d{2}-\d{2}T[\d:.]+(?:Z|[+-]\d{2}:\d{2})$/u.test(arg) && !Number.isNaN(at.getTime())
        ? { kind: "time", at }
        : { kind: "error", message: `usage: !time <ISO 8601 datetime with its offset>, e.g. !time 2026-11-25T10:00:00+08:00 (got "${arg}")` };
    }
    case "advance": {
      const match = /^(\d+(?:\.\d+)?)\s*([mhd])$/u.exec(args.join(""));
      return match
        ? { kind: "advance", ms: Math.round(Number(match[1]) * UNITS[match[2]!]!) }
        : { kind: "error", message: `usage: !advance <n>m|h|d, e.g. !advance 2h (got "${arg}")` };
    }
    case "redeliver":
      return { kind: "redeliver" };
    default:
      return { kind: "error", message: `unknown directive "!${word}" (known: !admin, !join, !leave, !time, !advance, !redeliver)` };
  }
}

function splitTitle(text: string): { title: string; rest: string } | undefined {
  const quoted = /^"([^"]+)"\s+([\s\S]*)$/u.exec(text);
  if (quoted) return { title: quoted[1]!, rest: quoted[2]! };
  if (text.startsWith('"')) return undefined; // an unclosed quote is an error, not a title
  const plain = /^(\S+)\s+([\s\S]*)$/u.exec(text);
  return plain ? { title: plain[1]!, rest: plain[2]! } : undefined;
}
