/**
 * The privacy scanner of the conversation tests: finds in a text meant for a group the private details it must never
 * carry (phones, rooms and "3栋302"-style addresses, emergency-card fields, what a private request was about, mediation
 * content). Pure: the details come in as data (see privacy-watch.ts for where they come from).
 */

/** What kind of private detail a finding is. */
export type DetailKind = "phone" | "address" | "room" | "card" | "request" | "deed" | "mediation";

/** One private detail known to the test: its kind, the text itself and whose it is (for the failure message). */
export interface PrivateDetail {
  kind: DetailKind;
  value: string;
  whose?: string;
}

/**
 * A private detail found in a text: a known one, or any mobile number. An address is found only when it is someone's
 * (a resident's home, a request's place): help texts show made-up ones ("我住3栋806") to teach the format.
 */
export interface Finding {
  kind: DetailKind;
  found: string;
  whose?: string;
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/gu, "\\$&");

/**
 * A number standing alone: not inside a longer number, not a request number ("#302"), not part of a time or date
 * ("13:02", "2026-03-02", "3.02"), not an ordinal or a count ("第101条", "101人").
 */
const numberAlone = (digits: string): RegExp =>
  new RegExp(`(?<![\\d#:.\\-/第])${escape(digits)}(?![\\d:.\\-/]|[条个位人次元岁天楼栋幢]|号楼|分钟|小时|%)`, "u");

/** A phone number, also written with spaces or dashes between its digits ("138 0000 0001", "138-0000-0001"). */
const phonePattern = (phone: string): RegExp | undefined => {
  const digits = phone.replace(/\D/gu, "");
  if (digits.length < 7) return undefined;
  return new RegExp(`(?<!\\d)${[...digits].join("[ -]?")}(?!\\d)`, "u");
};

/** Any mainland mobile number, known or not. */
const ANY_MOBILE = /(?<![\d#])1[3-9]\d(?:[ -]?\d{4}){2}(?!\d)/gu;

/** Whether `detail` appears in `text` by the rules of its kind. */
function contains(text: string, detail: PrivateDetail): boolean {
  const value = detail.value.trim();
  if (value === "") return false;
  switch (detail.kind) {
    case "phone":
    case "card": {
      const pattern = /^[\d +\-()]+$/u.test(value) ? phonePattern(value) : undefined;
      return pattern ? pattern.test(text) : value.length >= 2 && text.toLowerCase().includes(value.toLowerCase());
    }
    case "room":
      return /^\d+$/u.test(value) ? numberAlone(value).test(text) : text.includes(value);
    case "address":
      return /\d$/u.test(value) ? new RegExp(`${escape(value)}(?!\\d)`, "u").test(text) : text.includes(value);
    default:
      // Words (a medical need, a dispute): as written, ignoring case; single characters say nothing.
      return [...value].length >= 2 && text.toLowerCase().includes(value.toLowerCase());
  }
}

/** The private details in `text`: each known detail it contains, and any mobile number it shows. */
export function privateDetailsIn(text: string, details: readonly PrivateDetail[]): Finding[] {
  const findings: Finding[] = [];
  const add = (finding: Finding) => {
    if (!findings.some((one) => one.kind === finding.kind && one.found === finding.found)) findings.push(finding);
  };
  for (const detail of details) {
    if (contains(text, detail)) add({ kind: detail.kind, found: detail.value, ...(detail.whose === undefined ? {} : { whose: detail.whose }) });
  }
  for (const match of text.matchAll(ANY_MOBILE)) add({ kind: "phone", found: match[0] });
  return findings;
}

/** The private details of a resident: their phones and their home, as "3栋302", "3号楼302", "3-302" and the bare room. */
export function residentDetails(resident: {
  name: string;
  building?: string | null;
  buildingName?: string | null;
  room?: string | null;
  phone?: string | null;
  emergencyPhone?: string | null;
}): PrivateDetail[] {
  const whose = resident.name;
  const details: PrivateDetail[] = [];
  if (resident.phone) details.push({ kind: "phone", value: resident.phone, whose });
  if (resident.emergencyPhone) details.push({ kind: "card", value: resident.emergencyPhone, whose });
  const room = resident.room?.trim();
  if (room) {
    details.push({ kind: "room", value: room, whose });
    const key = resident.building?.trim();
    if (key) for (const form of [`${key}栋${room}`, `${key}号楼${room}`, `${key}-${room}`]) details.push({ kind: "address", value: form, whose });
    const name = resident.buildingName?.trim();
    if (name && name !== key) details.push({ kind: "address", value: `${name}${room}`, whose });
  }
  return details;
}
