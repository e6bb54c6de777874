/**
 * A coordinator's roster import: every checked row written in one transaction (people and their platform identity,
 * building and room, community roles, volunteer skills), so a failure leaves nothing half-imported. New buildings sit
 * in the default grid until an admin assigns them; a grid captain's grid is their building's.
 */
import type { CommunityRepos } from "./repos.ts";
import type { RosterRow } from "./domain/roster.ts";
import { buildingName } from "../../kernel/place.ts";

/** What an import did. */
export interface RosterSummary {
  created: number;
  updated: number;
  volunteers: number;
  roles: number;
}

/** Write the rows (already checked by `parseRoster`). Call inside one unit of work. */
export async function importRoster(repos: CommunityRepos, communityId: number, rows: RosterRow[]): Promise<RosterSummary> {
  const summary: RosterSummary = { created: 0, updated: 0, volunteers: 0, roles: 0 };
  for (const row of rows) {
    const user = { platform: row.platform, id: row.externalId, displayName: row.name };
    let person = await repos.directories.findPerson(row.platform, row.externalId);
    if (person) summary.updated += 1;
    else {
      person = await repos.directories.createPerson(user, communityId);
      summary.created += 1;
    }
    let buildingId: number | null = null;
    if (row.building) {
      buildingId = (await repos.directories.ensureBuilding(communityId, row.building, buildingName(row.building, "zh-CN"))).id;
      await repos.directories.setResidence(person.id, buildingId, row.room);
    }
    for (const role of row.roles) {
      if (role === "resident" || role === "volunteer") continue;
      const gridId = role === "grid_captain" && buildingId !== null ? await repos.directories.gridOfBuilding(buildingId) : null;
      await repos.directories.assignRole(communityId, person.id, role, gridId);
      summary.roles += 1;
    }
    if (row.roles.includes("volunteer") || row.skills.length > 0) {
      await repos.volunteers.enroll(person.id, row.skills);
      summary.volunteers += 1;
    }
  }
  await repos.audit.append({ communityId, action: "roster.imported", detail: { rows: rows.length, ...summary } });
  return summary;
}
