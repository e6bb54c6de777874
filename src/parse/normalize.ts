/** Text normalisation shared by the parser: full-width forms, spacing, bot mentions. */

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
export function detectLang(text: string): "zh-CN" | "en" | undefined {
  const body = text.replace(/^[/#]\S+/u, "").trim();
  if (hasCjk(body)) return "zh-CN";
  if (/[a-z]{2,}/iu.test(body)) return "en";
  return hasCjk(text) ? "zh-CN" : undefined;
}

const TRADITIONAL: Record<string, string> = Object.fromEntries(
  [
    "幫帮", "謝谢", "報报", "車车", "門门", "樓楼", "電电", "燈灯", "壞坏", "們们", "個个", "時时", "間间", "嗎吗", "誰谁",
    "鄰邻", "裡里", "週周", "號号", "參参", "動动", "過过", "請请", "務务", "記记", "錄录", "醫医", "藥药", "緊紧", "災灾",
    "還还", "來来", "沒没", "會会", "給给", "買买", "帶带", "這这", "麼么", "幣币", "餘余", "額额", "對对", "應应", "該该",
    "師师", "傅傅", "梯梯", "區区", "協协", "調调", "解解", "聽听", "說说", "話话", "噪噪", "聲声", "撥拨", "險险", "滅灭",
    "倒倒", "暈晕", "跌跌", "救救", "難难", "護护", "陪陪", "聊聊", "讀读", "掃扫", "衛卫", "盞盏", "丟丢", "車车", "淨净",
    "場场", "東东", "孫孙", "紀纪", "頭头", "見见", "開开", "關关", "電电", "腦脑", "機机", "無无", "為为", "愛爱", "綫线",
    "線线", "氣气", "體体", "檢检", "術术", "鐘钟", "點点", "半半", "兩两", "雙双", "學学", "習习", "孩孩", "們们", "圍围",
    "從从", "後后", "幾几", "歲岁", "張张", "劉刘", "陳陈", "楊杨", "趙赵", "吳吴", "鄭郑", "謝谢", "鐵铁", "飯饭", "貓猫",
    "龍龙", "舊旧", "願愿", "誌志", "樁桩", "險险", "飛飞", "邊边", "線线", "窗窗", "戶户", "園园", "縣县", "聯联",
  ].map((pair) => [pair[0]!, pair[1]!]),
);

/** Common traditional characters to simplified ones, so one rule set reads both. */
export function toSimplified(text: string): string {
  let out = "";
  for (const ch of text) out += TRADITIONAL[ch] ?? ch;
  return out;
}

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
