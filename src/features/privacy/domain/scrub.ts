/**
 * What stands for a forgotten person in stored text: the strings that identify them (names, phone, room) and how to
 * replace them. Pure, so the database and the in-memory fakes scrub alike.
 */

/** The strings that identify a person, as stored. */
export interface Identifying {
  names: Array<string | null | undefined>;
  phones: Array<string | null | undefined>;
  room: string | null | undefined;
}

/**
 * The strings to replace, longest first (so "张阿姨" goes before "张"). A string too short to be safely theirs is left
 * alone: a one-letter name, or a room or name of fewer than 3 characters in Latin script ("Al", "5"), would match
 * other people's words; a Chinese name of 2 characters ("张三") is kept.
 */
export function needlesOf(who: Identifying): string[] {
  const keep = new Set<string>();
  for (const name of who.names) {
    const text = name?.trim();
    if (!text) continue;
    if ([...text].length >= 3 || (/[^\p{Script=Latin}\d\s]/u.test(text) && [...text].length >= 2)) keep.add(text);
  }
  for (const phone of who.phones) if (phone && phone.replace(/\D/gu, "").length >= 5) keep.add(phone);
  const room = who.room?.trim();
  if (room && [...room].length >= 3) keep.add(room);
  return [...keep].sort((a, b) => b.length - a.length);
}

/** `text` with every needle replaced by `label` (null stays null). */
export function scrubText<T extends string | null>(text: T, needles: readonly string[], label: string): T {
  if (text === null) return text;
  let out: string = text;
  for (const needle of needles) out = out.split(needle).join(label);
  return out as T;
}

/** The same for JSON text: the needles and the label as they appear inside a JSON string. */
export function scrubJson<T extends string | null>(text: T, needles: readonly string[], label: string): T {
  const inJson = (value: string) => JSON.stringify(value).slice(1, -1);
  return scrubText(text, needles.map(inJson), inJson(label));
}
