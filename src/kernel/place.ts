/** Places: a building, optionally a unit and a room, and how buildings are named in both languages. */
import type { Lang } from "./lang.ts";

/** A place named in a message: a building, optionally a unit and a room. */
export interface Place {
  /** Normalised building key: "3" for 3栋, 3号楼, building 3. */
  building: string;
  unit?: string;
  room?: string;
}

const CN_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 俩: 2, 三: 3, 仨: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** "十二" → 12, "3" → 3; small Chinese numerals as building numbers are written. */
export function chineseNumber(text: string): number | undefined {
  if (/^\d+$/.test(text)) return Number(text);
  if (!/^[零〇一二两俩三仨四五六七八九十百]+$/u.test(text)) return undefined;
  let total = 0;
  let current = 0;
  for (const ch of text) {
    if (ch === "百") {
      total += (current || 1) * 100;
      current = 0;
    } else if (ch === "十") {
      total += (current || 1) * 10;
      current = 0;
    } else current = CN_DIGITS[ch]!;
  }
  return total + current;
}

/** How a building is named in Chinese and English replies. */
export function buildingName(key: string, lang: Lang): string {
  return lang === "en" ? `Building ${key}` : `${key}栋`;
}

/** A building as admins and rosters name it on its own: 3, 3栋, 3号楼, 三栋, building 3 → "3"; else undefined. */
export function buildingKeyOf(word: string): string | undefined {
  const match = /^(?:building\s*)?(\d{1,3}|[一二两三四五六七八九十]{1,3})\s*(?:栋|幢|号楼|号|楼)?$/iu.exec(word.trim());
  const number = match ? chineseNumber(match[1]!) : undefined;
  return number === undefined ? undefined : String(number);
}
