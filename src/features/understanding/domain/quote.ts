/**
 * What a voice message was heard as, fit to quote in a group: the room of any address ("3栋101", "3-101", "room 101")
 * and any phone number are left out, since a group never gets private details, even ones its speaker said aloud there.
 * The building stays, so the speaker can still check the bot heard the place right.
 */

const ZH_ROOM = /((?:\d{1,3}|[一二两三四五六七八九十]{1,3})\s*(?:号楼|号|栋|幢|座|楼)(?:\s*(?:\d{1,3}|[一二两三四五六七八九十]{1,3})\s*单元)?)\s*\d{3,4}(?:室|号)?/gu;
const DASH_ROOM = /(^|[^\d])(\d{1,3})\s*-\s*(?:\d{1,2}\s*-\s*)?\d{3,4}(?!\d)/gu;
const EN_ROOM = /\b(room|apt|flat)\s*#?\s*\d{2,4}\b/giu;
const PHONE = /(?<!\d)(?:\+?86[ -]?)?1[3-9]\d(?:[ -]?\d{4}){2}(?!\d)/gu;

/** `transcript` with rooms and phone numbers replaced by "…". */
export function quotableInGroup(transcript: string): string {
  return transcript
    .replace(PHONE, "…")
    .replace(ZH_ROOM, "$1…")
    .replace(DASH_ROOM, "$1$2-…")
    .replace(EN_ROOM, "$1 …");
}
