/**
 * Where the privacy scanner's inputs come from, so that no test has to remember it: every conversation harness (the
 * Telegram emulator, the console script runs, the WeChat mock, the fake adapter) registers what the bot said in group
 * chats, and every test database registers its file; test/support/privacy-setup.ts checks them after each test.
 * The private details are those stored in the databases (every phone, home, emergency-card phone, request place,
 * private request, private good deed and mediation case) plus the demo community's.
 */
import { existsSync } from "node:fs";
import Database from "better-sqlite3";
import { demoCommunity } from "../../prisma/demo.ts";
import { privateDetailsIn, residentDetails, type Finding, type PrivateDetail } from "./privacy-scan.ts";

/** A message the bot sent to a chat; `group` undefined: the chat's kind is looked up in the test databases. */
export interface GroupMessage {
  chat: string;
  text: string;
  group?: boolean;
}

/** A group message that carries private details. */
export interface Leak {
  harness: string;
  chat: string;
  text: string;
  findings: Finding[];
}

interface Source {
  harness: string;
  messages: () => readonly GroupMessage[];
  scanned: number;
}

/** Request categories whose subject is private (a medical need, care, children); an SOS's kind is told to the group by design. */
const PRIVATE_CATEGORIES = ["medical", "care", "childcare"];

const sources: Source[] = [];
const databases = new Set<string>();
/** Details and private chats read from databases since the last check (a database may be gone by then). */
let kept: { details: PrivateDetail[]; privateChats: Set<string>; groupChats: Set<string> } = fresh();

function fresh() {
  return { details: [] as PrivateDetail[], privateChats: new Set<string>(), groupChats: new Set<string>() };
}

/** The demo community's private details: every resident's phone and home. */
export const DEMO_PRIVATE_DETAILS: readonly PrivateDetail[] = demoCommunity.residents.flatMap((resident) =>
  residentDetails({ name: resident.name, building: resident.building, room: resident.room, phone: resident.phone ?? null }),
);

/** Registers a harness's messages to chats (read again at each check; only messages added since are scanned). */
export function watchGroupMessages(harness: string, messages: () => readonly GroupMessage[]): void {
  sources.push({ harness, messages, scanned: 0 });
}

/** Registers a test database (a path or a "file:" URL): its details are read at each check while the file exists. */
export function watchDatabase(file: string): void {
  databases.add(pathOf(file));
}

/** Reads a database's details now, for the next check: call it before removing the file or after a run that ended. */
export function keepDetailsOf(file: string): void {
  const path = pathOf(file);
  databases.add(path);
  if (existsSync(path)) read(path);
}

/** Scans every group message added since the last check against every known private detail; forgets databases' details read so far. */
export function checkGroupMessages(): { scanned: number; leaks: Leak[] } {
  for (const path of databases) if (existsSync(path)) read(path);
  const details = [...DEMO_PRIVATE_DETAILS, ...kept.details];
  const { privateChats, groupChats } = kept;
  kept = fresh();
  for (const path of [...databases]) if (!existsSync(path)) databases.delete(path);
  let scanned = 0;
  const leaks: Leak[] = [];
  for (const source of sources) {
    const all = source.messages();
    for (const message of all.slice(source.scanned)) {
      const group = message.group ?? (groupChats.has(message.chat) || !privateChats.has(message.chat));
      if (!group) continue;
      scanned += 1;
      const findings = privateDetailsIn(message.text, details);
      if (findings.length > 0) leaks.push({ harness: source.harness, chat: message.chat, text: message.text, findings });
    }
    source.scanned = all.length;
  }
  return { scanned, leaks };
}

/** A failure message naming each leaking message and the details found in it. */
export function describeLeaks(leaks: readonly Leak[]): string {
  const lines = leaks.map((leak) => {
    const found = leak.findings.map((one) => `${one.kind} "${one.found}"${one.whose ? ` (${one.whose})` : ""}`).join(", ");
    return `- ${leak.harness}, group ${leak.chat}: ${found}\n  in: ${JSON.stringify(leak.text)}`;
  });
  return `Private details in ${leaks.length} group message(s):\n${lines.join("\n")}`;
}

function pathOf(file: string): string {
  return file.startsWith("file:") ? file.slice("file:".length) : file;
}

/** Reads one database's private details and chat kinds into `kept`; a table that does not exist yet is skipped. */
function read(path: string): void {
  let db: Database.Database;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
  } catch {
    return;
  }
  const rows = <T>(sql: string): T[] => {
    try {
      return db.prepare(sql).all() as T[];
    } catch {
      return []; // not migrated (yet): nothing stored
    }
  };
  try {
    type Resident = { name: string; phone: string | null; room: string | null; building: string | null; buildingName: string | null; emergencyPhone: string | null };
    for (const resident of rows<Resident>(
      `SELECT p.displayName AS name, p.phone, p.room, b.key AS building, b.name AS buildingName, v.emergencyPhone
       FROM Person p LEFT JOIN Building b ON b.id = p.buildingId LEFT JOIN VolunteerProfile v ON v.personId = p.id`,
    ))
      kept.details.push(...residentDetails(resident));
    const words = (kind: PrivateDetail["kind"], sql: string) => {
      for (const row of rows<{ value: string | null; whose: string | null }>(sql))
        if (row.value) kept.details.push({ kind, value: row.value, ...(row.whose ? { whose: row.whose } : {}) });
    };
    words(
      "request",
      `SELECT r.what AS value, p.displayName AS whose FROM HelpRequest r JOIN Person p ON p.id = r.requesterId
       WHERE r.category IN (${PRIVATE_CATEGORIES.map((one) => `'${one}'`).join(", ")})`,
    );
    // Where help is needed ("5栋302"): a place with a number is someone's door; "小区门口" says nothing private.
    for (const row of rows<{ value: string; whose: string | null }>(
      `SELECT r.place AS value, p.displayName AS whose FROM HelpRequest r JOIN Person p ON p.id = r.requesterId WHERE r.place IS NOT NULL`,
    ))
      if (/\d/u.test(row.value)) kept.details.push({ kind: "address", value: row.value, ...(row.whose ? { whose: row.whose } : {}) });
    words("deed", `SELECT d.description AS value, p.displayName AS whose FROM GoodDeed d JOIN Person p ON p.id = d.helperId WHERE d.private = 1`);
    words("mediation", `SELECT m.description AS value, p.displayName AS whose FROM MediationCase m JOIN Person p ON p.id = m.openedById`);
    for (const chat of rows<{ externalId: string; kind: string }>(`SELECT externalId, kind FROM Chat`))
      (chat.kind === "private" ? kept.privateChats : kept.groupChats).add(chat.externalId);
  } finally {
    db.close();
  }
}
