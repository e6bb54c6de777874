/** Text normalisation shared by the parser: full-width forms, spacing, bot mentions. */

/** Full-width forms to half-width (！＃／０-９Ａ-Ｚ, the ideographic space) and compatibility forms folded: NFKC. */
export function normalizeWidth(text: string): string {
  return text.normalize("NFKC");
}

/** Remove "@BotName" mentions (any of the names) wherever they stand; WeChat ends a mention with U+2005. */
export function stripBotMentions(text: string, botNames: string[]): { text: string; mentioned: boolean } {
  let mentioned = false;
  let out = text;
  for (const name of botNames) {
    if (!name) continue;
    const pattern = new RegExp(`@${escapeRegExp(name)}[\\u2005\\s]*`, "giu");
    out = out.replace(pattern, () => {
      mentioned = true;
      return " ";
    });
  }
  return { text: out.trim(), mentioned };
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
export function detectLang(text: string): "zh-CN" | "en" | undefined {
  const body = text.replace(/^[/#]\S+/u, "").trim();
  if (hasCjk(body)) return "zh-CN";
  if (/[a-z]{2,}/iu.test(body)) return "en";
  return hasCjk(text) ? "zh-CN" : undefined;
}
