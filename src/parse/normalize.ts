/** Text normalisation shared by the parser: full-width forms, spacing, bot mentions. */
import type { Lang } from "../kernel/lang.ts";
import { TRADITIONAL_TO_SIMPLIFIED } from "./traditional.ts";

/** Full-width forms to half-width (！＃／０-９Ａ-Ｚ, the ideographic space) and compatibility forms folded: NFKC. */
export function normalizeWidth(text: string): string {
  return text.normalize("NFKC");
}

/** Remove "@BotName" mentions (any of the names) wherever they stand; WeChat ends a mention with U+2005. */
export function stripBotMentions(text: string, botNames: string[]): { text: string; mentioned: boolean } {
  if (!text.includes("@")) return { text: text.trim(), mentioned: false };
  let mentioned = false;
  const out = text.replace(mentionPattern(botNames), () => {
    mentioned = true;
    return " ";
  });
  return { text: out.trim(), mentioned };
}

const mentionPatterns = new Map<string, RegExp>();

/** One compiled pattern for "@name" of any of the bot's names (kept: the parser runs on every message). */
function mentionPattern(botNames: string[]): RegExp {
  const key = botNames.join("\u0000");
  let pattern = mentionPatterns.get(key);
  if (!pattern) {
    const names = botNames.filter(Boolean).map(escapeRegExp).join("|") || "(?!)";
    pattern = new RegExp(`@(?:${names})[\\u2005\\s]*`, "giu");
    mentionPatterns.set(key, pattern);
  }
  return pattern;
}

/** Escape a string for use inside a RegExp. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Whether the text contains Chinese characters. */
export function hasCjk(text: string): boolean {
  return /[\u3400-\u9fff]/u.test(text);
}

/** The language a message is written in, when it says: Chinese characters → zh-CN, Latin words only → en. */
export function detectLang(text: string): Lang | undefined {
  const body = text.replace(/^[/#]\S+/u, "").trim();
  if (hasCjk(body)) return "zh-CN";
  if (/[a-z]{2,}/iu.test(body)) return "en";
  return hasCjk(text) ? "zh-CN" : undefined;
}

/** Common traditional characters to simplified ones, so one model and one rule set read both. */
export function toSimplified(text: string): string {
  return TRADITIONAL_CHAR.test(text) ? text.replace(TRADITIONAL_CHARS, (ch) => TRADITIONAL_TO_SIMPLIFIED.get(ch)!) : text;
}

const TRADITIONAL_CLASS = `[${[...TRADITIONAL_TO_SIMPLIFIED.keys()].join("")}]`;
const TRADITIONAL_CHAR = new RegExp(TRADITIONAL_CLASS, "u");
const TRADITIONAL_CHARS = new RegExp(TRADITIONAL_CLASS, "gu");

/** WeChat's emoji codes ("[强]", "[微笑]", "[Smile]") carry no intent: remove them. */
export function stripEmojiCodes(text: string): string {
  return text.replace(/\[[\u4e00-\u9fffA-Za-z]{1,6}\]/gu, " ").replace(/[ \t]{2,}/gu, " ").trim();
}

const QUOTE_SEPARATOR = /\n\s*(?:-\s*){6,}\s*\n/u;

/** A WeChat quote reply renders as 「name：content」, a dashed line, then the reply: only the reply counts. */
export function replyPart(text: string): string {
  const parts = text.split(QUOTE_SEPARATOR);
  if (parts.length < 2 || !/^\s*「/u.test(parts[0]!)) return text;
  return parts.slice(1).join("\n").trim();
}

/** Normalise a message before it is understood: the reply part of a quote, widths, scripts, bot mentions, emoji codes. */
export function normalize(raw: string, botNames: string[]): string {
  const text = stripBotMentions(toSimplified(normalizeWidth(replyPart(raw))), botNames).text;
  return stripEmojiCodes(text);
}
