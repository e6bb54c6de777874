-- CreateTable
CREATE TABLE "CheckinContact" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "enrolmentId" INTEGER NOT NULL,
    "personId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CheckinContact_enrolmentId_fkey" FOREIGN KEY ("enrolmentId") REFERENCES "CheckinEnrolment" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CheckinContact_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CheckinDay" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "enrolmentId" INTEGER NOT NULL,
    "personId" INTEGER NOT NULL,
    "date" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "askedAt" DATETIME,
    "answeredAt" DATETIME,
    "answeredById" INTEGER,
    "late" BOOLEAN NOT NULL DEFAULT false,
    "goingById" INTEGER,
    "escalatedTo" TEXT NOT NULL DEFAULT '[]',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CheckinDay_enrolmentId_fkey" FOREIGN KEY ("enrolmentId") REFERENCES "CheckinEnrolment" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CheckinDay_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_CheckinEnrolment" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "personId" INTEGER NOT NULL,
    "contactPersonId" INTEGER,
    "dueMinute" INTEGER NOT NULL DEFAULT 600,
    "lastCheckinAt" DATETIME,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "askMinute" INTEGER NOT NULL DEFAULT 540,
    "graceMinutes" INTEGER NOT NULL DEFAULT 120,
    "pausedUntil" DATETIME,
    "enrolledById" INTEGER,
    CONSTRAINT "CheckinEnrolment_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "CheckinEnrolment_contactPersonId_fkey" FOREIGN KEY ("contactPersonId") REFERENCES "Person" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_CheckinEnrolment" ("active", "contactPersonId", "createdAt", "dueMinute", "id", "lastCheckinAt", "personId") SELECT "active", "contactPersonId", "createdAt", "dueMinute", "id", "lastCheckinAt", "personId" FROM "CheckinEnrolment";
DROP TABLE "CheckinEnrolment";
ALTER TABLE "new_CheckinEnrolment" RENAME TO "CheckinEnrolment";
CREATE UNIQUE INDEX "CheckinEnrolment_personId_key" ON "CheckinEnrolment"("personId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "CheckinContact_personId_idx" ON "CheckinContact"("personId");

-- CreateIndex
CREATE UNIQUE INDEX "CheckinContact_enrolmentId_personId_key" ON "CheckinContact"("enrolmentId", "personId");

-- CreateIndex
CREATE INDEX "CheckinDay_date_idx" ON "CheckinDay"("date");

-- CreateIndex
CREATE UNIQUE INDEX "CheckinDay_personId_date_key" ON "CheckinDay"("personId", "date");
