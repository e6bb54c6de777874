/** How a place is shown: the building for groups, the full address only in private. */
import type { Lang } from "../../../kernel/lang.ts";
import type { Place } from "../../../kernel/place.ts";

/** "3栋2单元502" / "Building 3, unit 2, room 502" (private only: contains the room). */
export function formatAddress(place: Place, lang: Lang): string {
  if (lang === "en") {
    return [`Building ${place.building}`, place.unit && `unit ${place.unit}`, place.room && `room ${place.room}`]
      .filter(Boolean)
      .join(", ");
  }
  return `${place.building}栋${place.unit ? `${place.unit}单元` : ""}${place.room ?? ""}`;
}

/** The room part kept privately: "2-502" when there is a unit. */
export function roomOf(place: Place): string | null {
  if (!place.room) return null;
  return place.unit ? `${place.unit}-${place.room}` : place.room;
}
