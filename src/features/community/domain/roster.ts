/**
 * A coordinator's roster (CSV): name, platform, id, building, room, roles, skills. Parsed and checked as a whole, so an
 * import either takes every row or none; each bad row gets its own clear error. Lists inside a cell are separated by
 * ";" (or "、"). Pure: the import use case writes the rows.
 */
import type { Platform } from "../../../kernel/platform.ts";
import { buildingKeyOf } from "../../../kernel/place.ts";

/** A role a roster can give. */
export type RosterRole = "resident" | "volunteer" | "grid_captain" | "coordinator" | "mediator";

/** One resident from the roster. */
export interface RosterRow {
  line: number;
  name: string;
  platform: Platform;
  externalId: string;
  /** Normalised building key ("3" for 3栋, 3号楼, building 3). */
  building: string | null;
  room: string | null;
  roles: RosterRole[];
  skills: string[];
}

const COLUMNS = ["name", "platform", "id", "building", "room", "roles", "skills"] as const;
const PLATFORMS: Platform[] = ["console", "telegram", "wechat"];
const ROLES: RosterRole[] = ["resident", "volunteer", "grid_captain", "coordinator", "mediator"];
const ROLE_ALIASES: Record<string, RosterRole> = {
  居民: "resident", 志愿者: "volunteer", 网格长: "grid_captain", 协调员: "coordinator", 调解员: "mediator",
  captain: "grid_captain",
};

/** Parse and check a roster; `errors` lists every problem as "line N: what to fix". */
export function parseRoster(csv: string): { rows: RosterRow[]; errors: string[] } {
  const lines = splitCsv(csv.replace(/^\uFEFF/u, ""));
  const header = (lines[0] ?? []).map((cell) => cell.trim().toLowerCase());
  const missing = COLUMNS.filter((column) => !header.includes(column));
  if (lines.length === 0 || missing.length) {
    return { rows: [], errors: [`line 1: the header must name the columns ${COLUMNS.join(", ")} (missing: ${missing.join(", ") || "all"})`] };
  }
  const at = Object.fromEntries(COLUMNS.map((column) => [column, header.indexOf(column)])) as Record<(typeof COLUMNS)[number], number>;
  const rows: RosterRow[] = [];
  const errors: string[] = [];
  const seen = new Map<string, number>();
  lines.slice(1).forEach((cells, index) => {
    const line = index + 2;
    if (cells.every((cell) => cell.trim() === "")) return;
    const cell = (column: (typeof COLUMNS)[number]) => (cells[at[column]] ?? "").trim();
    const problems: string[] = [];
    const name = cell("name");
    if (!name) problems.push("the name is empty");
    const platform = cell("platform").toLowerCase() as Platform;
    if (!PLATFORMS.includes(platform)) problems.push(`platform "${cell("platform")}" must be one of ${PLATFORMS.join(", ")}`);
    const externalId = cell("id");
    if (!externalId) problems.push("the platform id is empty");
    const key = `${platform}:${externalId}`;
    if (externalId && seen.has(key)) problems.push(`${platform} id ${externalId} is already on line ${seen.get(key)}`);
    else seen.set(key, line);
    const building = cell("building") ? buildingKeyOf(cell("building")) : undefined;
    if (cell("building") && building === undefined) problems.push(`building "${cell("building")}" is not a building number such as 3, 3栋 or 3号楼`);
    const room = cell("room") || null;
    if (room && !/^\d{1,2}-?\d{2,4}$|^\d{2,4}$/u.test(room)) problems.push(`room "${room}" should look like 502 or 2-502`);
    if (room && !cell("building")) problems.push("a room needs a building");
    const roles: RosterRole[] = [];
    for (const word of list(cell("roles"))) {
      const role = ROLE_ALIASES[word] ?? (ROLES.includes(word.toLowerCase() as RosterRole) ? (word.toLowerCase() as RosterRole) : undefined);
      if (role) roles.push(role);
      else problems.push(`role "${word}" must be one of ${ROLES.join(", ")}`);
    }
    if (roles.includes("grid_captain") && !building) problems.push("a grid captain needs a building (their grid is the building's)");
    if (problems.length) errors.push(`line ${line}: ${problems.join("; ")}`);
    else rows.push({ line, name, platform, externalId, building: building ?? null, room, roles, skills: list(cell("skills")) });
  });
  return { rows, errors };
}

function list(text: string): string[] {
  return text.split(/[;；、]/u).map((part) => part.trim()).filter(Boolean);
}

/** CSV lines and cells, with quoted cells ("a, b", "say ""hi""") and CRLF. */
function splitCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === "") quoted = true;
    else if (ch === ",") {
      row.push(cell);
      cell = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i += 1;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else cell += ch;
  }
  if (cell !== "" || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}
