/**
 * A quote as WeChat shows it in the text of a reply (quotes there carry no id):
 *   「王秀英：谁家有梯子借用一下」
 *   - - - - - - - - - - - - - - -
 *   我有
 * The console accepts the same on one line ("「邻里小助手：求助 #2…」1").
 */

/** The quoted text and the reply, or null when the text does not start with a quote. */
export function splitQuote(text: string): { quoted: string; reply: string } | null {
  const dashed = /^「[^：:\n」]{1,40}[：:]([\s\S]*)」\s*\n\s*(?:-\s*){3,}\n?([\s\S]*)$/u.exec(text);
  const inline = dashed ?? /^「[^：:\n」]{1,40}[：:]([^」]*)」\s*([\s\S]*)$/u.exec(text);
  if (!inline) return null;
  return { quoted: inline[1]!.trim(), reply: inline[2]!.trim() };
}
