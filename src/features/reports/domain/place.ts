/**
 * Where a report is, as neighbours say it: a building with its unit and floor ("3栋2单元4楼"), or a landmark of the
 * estate ("北门", "地下车库"). A room is never kept: it is private, and a hazard is on a floor, not in a flat. The key
 * finds duplicates; the label is how people read it, in their language. Pure.
 */
import type { Lang } from "../../../kernel/lang.ts";
import type { Place } from "../../../kernel/place.ts";
import { buildingName, chineseNumber } from "../../../kernel/place.ts";

/** A report's place: a building (its key) with unit and floor, or a landmark (its Chinese name). */
export interface ReportPlace {
  building?: string;
  unit?: string;
  floor?: number;
  landmark?: string;
}

/** The estate's common landmarks: the Chinese name kept, the English shown, the words for it in either language. */
const LANDMARKS: ReadonlyArray<readonly [string, string, RegExp]> = [
  ["北门", "north gate", /北(?:大)?门|north (?:gate|entrance)/iu],
  ["南门", "south gate", /南(?:大)?门|south (?:gate|entrance)/iu],
  ["东门", "east gate", /东(?:大)?门|east (?:gate|entrance)/iu],
  ["西门", "west gate", /西(?:大)?门|west (?:gate|entrance)/iu],
  ["正门", "main gate", /正门|大门|小区门口|main (?:gate|entrance)|front gate/iu],
  ["后门", "back gate", /后门|back (?:gate|entrance)/iu],
  ["地下车库", "car park", /地下车库|地库|车库|停车场|car ?park|garage|parking lot/iu],
  ["自行车棚", "bike shed", /自行车棚|车棚|非机动车|bike (?:shed|racks?)/iu],
  ["充电桩", "charging points", /充电桩|充电区|charging (?:point|station)s?/iu],
  ["儿童乐园", "playground", /儿童乐园|游乐场|滑梯|秋千|playground|slide|swings?\b/iu],
  ["健身区", "fitness area", /健身区|健身器材|单杠|漫步机|fitness|gym equipment|exercise area/iu],
  ["垃圾站", "bin area", /垃圾站|垃圾房|垃圾桶|bin area|bins?\b|rubbish point/iu],
  ["快递柜", "parcel lockers", /快递柜|丰巢|parcel lockers?/iu],
  ["花园", "garden", /花园|绿地|草坪|garden|lawn/iu],
];

const CN_NUM = "(\\d{1,2}|[一二两三四五六七八九十]{1,3})";
/** "3栋4楼", "2单元四楼", "4层" ("3楼" alone names a building; "楼道", "楼下", "楼梯" are no floors). */
const FLOOR_ZH = new RegExp(`(?:(?:栋|幢|号楼|单元)\\s*${CN_NUM}\\s*楼(?![道下上梯栋顶])|${CN_NUM}\\s*层)`, "u");
const FLOOR_EN = /\b(?:floor\s*(\d{1,2})|(\d{1,2})(?:st|nd|rd|th)\s+floor|(\d{1,2})f)\b/iu;

/**
 * The place of a report: the building the parser found (its unit; its floor from the text or the room), else a
 * landmark named in the text, else `fallbackBuilding` (the group's building, the reporter's).
 */
export function reportPlace(text: string, named: Place | undefined, fallbackBuilding?: string | null): ReportPlace {
  const landmark = LANDMARKS.find(([, , pattern]) => pattern.test(text))?.[0];
  const building = named?.building ?? (landmark ? undefined : (fallbackBuilding ?? undefined));
  if (!building) return landmark ? { landmark } : {};
  const place: ReportPlace = { building };
  if (named?.building && named.unit) place.unit = named.unit;
  const floor = floorOf(text) ?? (named?.building && named.room ? floorOfRoom(named.room) : undefined);
  if (floor !== undefined) place.floor = floor;
  return place;
}

function floorOf(text: string): number | undefined {
  const zh = FLOOR_ZH.exec(text);
  if (zh) return sensible(chineseNumber((zh[1] ?? zh[2])!));
  const en = FLOOR_EN.exec(text);
  return en ? sensible(Number(en[1] ?? en[2] ?? en[3])) : undefined;
}

/** "302" → 3, "1203" → 12. */
function floorOfRoom(room: string): number | undefined {
  return room.length >= 3 ? sensible(Number(room.slice(0, -2))) : undefined;
}

function sensible(floor: number | undefined): number | undefined {
  return floor !== undefined && floor >= 1 && floor <= 60 ? floor : undefined;
}

/** The key that finds duplicates: "b3/u2/f4", "b3", "北门"; null when the place is unknown. */
export function placeKeyOf(place: ReportPlace): string | null {
  if (place.landmark) return place.landmark;
  if (!place.building) return null;
  return [`b${place.building}`, ...(place.unit ? [`u${place.unit}`] : []), ...(place.floor !== undefined ? [`f${place.floor}`] : [])].join("/");
}

/** A key read back: the place it names. */
export function placeOfKey(key: string): ReportPlace {
  if (!key.startsWith("b")) return { landmark: key };
  const place: ReportPlace = {};
  for (const part of key.split("/")) {
    if (part.startsWith("b")) place.building = part.slice(1);
    else if (part.startsWith("u")) place.unit = part.slice(1);
    else if (part.startsWith("f")) place.floor = Number(part.slice(1));
  }
  return place;
}

/** "3栋2单元4楼", "北门"; "Building 3, unit 2, floor 4", "north gate". */
export function placeLabel(key: string | null, lang: Lang): string | null {
  if (!key) return null;
  const place = placeOfKey(key);
  if (place.landmark) return lang === "en" ? (LANDMARKS.find(([zh]) => zh === place.landmark)?.[1] ?? place.landmark) : place.landmark;
  const parts = [buildingName(place.building!, lang)];
  if (lang === "en") {
    if (place.unit) parts.push(`unit ${place.unit}`);
    if (place.floor !== undefined) parts.push(`floor ${place.floor}`);
    return parts.join(", ");
  }
  if (place.unit) parts.push(`${place.unit}单元`);
  if (place.floor !== undefined) parts.push(`${place.floor}楼`);
  return parts.join("");
}
