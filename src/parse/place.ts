/** Places in residents' words: 3栋502, 5号楼2单元302, 3-502, building 7 room 302. */
import type { Place } from "../kernel/place.ts";
import { chineseNumber } from "../kernel/place.ts";

const NUM = "(\\d{1,3}|[一二两三四五六七八九十]{1,3})";
const ZH_PLACE = new RegExp(
  `${NUM}\\s*(?:号楼|号|栋|幢|座|楼)(?:\\s*${NUM}\\s*单元)?(?:\\s*(\\d{3,4})(?:室|号)?)?`,
  "u",
);
const DASH_PLACE = /(?:^|[^\d])(\d{1,3})\s*-\s*(?:(\d{1,2})\s*-\s*)?(\d{3,4})(?!\d)/u;
const EN_PLACE = /\b(?:building|bldg|block)\s*#?\s*(\d{1,3})(?:[,\s]+(?:unit|entrance)\s*(\d{1,2}))?(?:[,\s]+(?:room|apt|flat|#)\s*(\d{2,4}))?/iu;
const EN_ROOM_FIRST = /\b(?:room|apt|flat)\s*(\d{2,4})\s*(?:,|\s)\s*(?:in\s+)?(?:building|bldg|block)\s*(\d{1,3})/iu;

/** Find the first place named in the text, or undefined. */
export function findPlace(text: string): Place | undefined {
  const zh = ZH_PLACE.exec(text);
  if (zh) {
    const building = chineseNumber(zh[1]!);
    if (building !== undefined) {
      const unit = zh[2] ? chineseNumber(zh[2]) : undefined;
      return clean({ building: String(building), unit: unit === undefined ? undefined : String(unit), room: zh[3] });
    }
  }
  const roomFirst = EN_ROOM_FIRST.exec(text);
  if (roomFirst) return clean({ building: String(Number(roomFirst[2])), room: roomFirst[1] });
  const en = EN_PLACE.exec(text);
  if (en) return clean({ building: String(Number(en[1])), unit: en[2], room: en[3] });
  const dash = DASH_PLACE.exec(text);
  if (dash) return clean({ building: String(Number(dash[1])), unit: dash[2], room: dash[3] });
  return undefined;
}

function clean(place: Place): Place {
  const out: Place = { building: place.building };
  if (place.unit) out.unit = place.unit;
  if (place.room) out.room = place.room;
  return out;
}
