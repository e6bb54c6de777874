/** The demo community's private details (rooms, phones), and a scan for them in a text meant for a group. */
import { demoCommunity } from "../../prisma/demo.ts";

/** Every private detail of the demo residents: phones, "3栋302"-style addresses and bare room numbers. */
export const DEMO_PRIVATE_DETAILS: string[] = demoCommunity.residents.flatMap((resident) => [
  ...(resident.phone ? [resident.phone] : []),
  `${resident.building}栋${resident.room}`,
  `${resident.building}-${resident.room}`,
  resident.room,
]);

/** The private details found in `text` (a room number counts only as a whole number, not inside "#1201"). */
export function privateDetailsIn(text: string, details: string[] = DEMO_PRIVATE_DETAILS): string[] {
  return details.filter((detail) => new RegExp(`(?<![\\d#])${detail}(?!\\d)`, "u").test(text));
}
