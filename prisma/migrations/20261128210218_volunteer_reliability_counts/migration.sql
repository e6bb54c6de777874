-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_VolunteerProfile" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "personId" INTEGER NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "skills" TEXT NOT NULL DEFAULT '[]',
    "items" TEXT NOT NULL DEFAULT '[]',
    "hasCar" BOOLEAN NOT NULL DEFAULT false,
    "firstAid" BOOLEAN NOT NULL DEFAULT false,
    "medicalTraining" BOOLEAN NOT NULL DEFAULT false,
    "verified" BOOLEAN NOT NULL DEFAULT false,
    "availability" TEXT NOT NULL DEFAULT '[]',
    "quietFrom" INTEGER,
    "quietTo" INTEGER,
    "maxPingsPerDay" INTEGER NOT NULL DEFAULT 5,
    "pingsAccepted" INTEGER NOT NULL DEFAULT 0,
    "pingsMissed" INTEGER NOT NULL DEFAULT 0,
    "emergencyPhone" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "VolunteerProfile_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_VolunteerProfile" ("active", "availability", "createdAt", "emergencyPhone", "firstAid", "hasCar", "id", "items", "maxPingsPerDay", "medicalTraining", "personId", "quietFrom", "quietTo", "skills", "updatedAt", "verified") SELECT "active", "availability", "createdAt", "emergencyPhone", "firstAid", "hasCar", "id", "items", "maxPingsPerDay", "medicalTraining", "personId", "quietFrom", "quietTo", "skills", "updatedAt", "verified" FROM "VolunteerProfile";
DROP TABLE "VolunteerProfile";
ALTER TABLE "new_VolunteerProfile" RENAME TO "VolunteerProfile";
CREATE UNIQUE INDEX "VolunteerProfile_personId_key" ON "VolunteerProfile"("personId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
