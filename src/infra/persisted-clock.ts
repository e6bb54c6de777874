/** The virtual clock of console scripts, persisted so a later script continues at the database's own time. */
import type { PrismaClient } from "./generated/prisma/client.ts";

const KEY = "clock.virtualNow";

/** The last virtual time saved, if any. */
export async function loadVirtualNow(prisma: PrismaClient): Promise<Date | null> {
  const row = await prisma.appState.findUnique({ where: { key: KEY } });
  return row ? new Date(row.value) : null;
}

/** Save the virtual time. */
export async function saveVirtualNow(prisma: PrismaClient, now: Date): Promise<void> {
  const value = now.toISOString();
  await prisma.appState.upsert({ where: { key: KEY }, create: { key: KEY, value }, update: { value } });
}
