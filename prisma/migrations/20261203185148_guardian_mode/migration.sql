-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Person" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "communityId" INTEGER NOT NULL,
    "displayName" TEXT NOT NULL,
    "locale" TEXT,
    "phone" TEXT,
    "buildingId" INTEGER,
    "room" TEXT,
    "nameInSummary" BOOLEAN NOT NULL DEFAULT true,
    "guardianId" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Person_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Person_buildingId_fkey" FOREIGN KEY ("buildingId") REFERENCES "Building" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Person_guardianId_fkey" FOREIGN KEY ("guardianId") REFERENCES "Person" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Person" ("buildingId", "communityId", "createdAt", "displayName", "id", "locale", "nameInSummary", "phone", "room") SELECT "buildingId", "communityId", "createdAt", "displayName", "id", "locale", "nameInSummary", "phone", "room" FROM "Person";
DROP TABLE "Person";
ALTER TABLE "new_Person" RENAME TO "Person";
CREATE INDEX "Person_communityId_idx" ON "Person"("communityId");
CREATE INDEX "Person_buildingId_idx" ON "Person"("buildingId");
CREATE INDEX "Person_guardianId_idx" ON "Person"("guardianId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
