/** Writes the demo community (prisma/demo.ts) into an empty database, in one transaction. */
import type { PrismaClient } from "./generated/prisma/client.ts";
import { demoCommunity } from "../../prisma/demo.ts";

/** Seed the demo community if the database has no community yet; true when it seeded. */
export async function seedDemoIfEmpty(prisma: PrismaClient, now: Date): Promise<boolean> {
  if ((await prisma.community.count()) > 0) return false;
  await prisma.$transaction(async (tx) => {
    const community = await tx.community.create({
      data: { name: demoCommunity.name, timeZone: demoCommunity.timeZone, locale: demoCommunity.locale, createdAt: now },
    });
    const buildings = new Map<string, number>();
    const grids = new Map<string, number>();
    for (const grid of demoCommunity.grids) {
      const row = await tx.grid.create({ data: { communityId: community.id, name: grid.name, createdAt: now } });
      for (const key of grid.buildings) {
        grids.set(key, row.id);
        const building = await tx.building.create({
          data: { communityId: community.id, gridId: row.id, key, name: `${key}栋`, createdAt: now },
        });
        buildings.set(key, building.id);
      }
    }
    const chats = new Map<string, number>();
    for (const chat of demoCommunity.chats) {
      const row = await tx.chat.create({
        data: {
          communityId: community.id,
          platform: "console",
          externalId: chat.title,
          kind: "group",
          title: chat.title,
          locale: chat.locale,
          buildingId: chat.building ? (buildings.get(chat.building) ?? null) : null,
          gridId: chat.building ? (grids.get(chat.building) ?? null) : null,
          interest: chat.interest ?? null,
          createdAt: now,
        },
      });
      chats.set(chat.title, row.id);
    }
    for (const resident of demoCommunity.residents) {
      const person = await tx.person.create({
        data: {
          communityId: community.id,
          displayName: resident.name,
          locale: /^[A-Za-z]/u.test(resident.name) ? "en" : null,
          phone: resident.phone ?? null,
          buildingId: buildings.get(resident.building) ?? null,
          room: resident.room,
          createdAt: now,
          identities: { create: { platform: "console", externalId: resident.name, displayName: resident.name, createdAt: now } },
        },
      });
      for (const group of resident.groups) {
        await tx.membership.create({
          data: { chatId: chats.get(group)!, personId: person.id, isAdmin: resident.admin === true, joinedAt: now },
        });
      }
      for (const role of resident.roles ?? []) {
        await tx.roleAssignment.create({
          data: {
            communityId: community.id,
            personId: person.id,
            role,
            gridId: role === "grid_captain" ? (grids.get(resident.building) ?? null) : null,
            createdAt: now,
          },
        });
      }
      const v = resident.volunteer;
      if (v) {
        await tx.volunteerProfile.create({
          data: {
            personId: person.id,
            skills: JSON.stringify(v.skills ?? []),
            items: JSON.stringify(v.items ?? []),
            hasCar: v.hasCar === true,
            firstAid: v.firstAid === true,
            medicalTraining: v.medicalTraining === true,
            verified: v.verified === true,
            quietFrom: v.quietFrom ? minutes(v.quietFrom) : null,
            quietTo: v.quietTo ? minutes(v.quietTo) : null,
            createdAt: now,
            updatedAt: now,
          },
        });
      }
    }
    await tx.auditLog.create({ data: { communityId: community.id, action: "demo.seeded", createdAt: now } });
  });
  return true;
}

function minutes(hhmm: string): number {
  const [h = 0, m = 0] = hhmm.split(":").map(Number);
  return h * 60 + m;
}
