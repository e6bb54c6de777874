-- CreateTable
CREATE TABLE "ReportPhoto" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "reportId" INTEGER NOT NULL,
    "personId" INTEGER NOT NULL,
    "platform" TEXT NOT NULL,
    "ref" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ReportPhoto_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "Report" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ReportUpdate" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "reportId" INTEGER NOT NULL,
    "actorId" INTEGER,
    "state" TEXT NOT NULL,
    "note" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ReportUpdate_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "Report" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MediationNote" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "caseId" INTEGER NOT NULL,
    "authorId" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "MediationNote_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "MediationCase" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_MediationCase" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "communityId" INTEGER NOT NULL,
    "openedById" INTEGER NOT NULL,
    "mediatorId" INTEGER,
    "gridId" INTEGER,
    "chatId" INTEGER,
    "kind" TEXT,
    "description" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'open',
    "outcome" TEXT,
    "referredTo" TEXT,
    "otherPartyId" INTEGER,
    "otherPartyAnswer" TEXT,
    "followUp" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "takenAt" DATETIME,
    "closedAt" DATETIME,
    CONSTRAINT "MediationCase_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "MediationCase_openedById_fkey" FOREIGN KEY ("openedById") REFERENCES "Person" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "MediationCase_mediatorId_fkey" FOREIGN KEY ("mediatorId") REFERENCES "Person" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "MediationCase_otherPartyId_fkey" FOREIGN KEY ("otherPartyId") REFERENCES "Person" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_MediationCase" ("closedAt", "communityId", "createdAt", "description", "id", "kind", "mediatorId", "openedById", "state") SELECT "closedAt", "communityId", "createdAt", "description", "id", "kind", "mediatorId", "openedById", "state" FROM "MediationCase";
DROP TABLE "MediationCase";
ALTER TABLE "new_MediationCase" RENAME TO "MediationCase";
CREATE INDEX "MediationCase_communityId_state_idx" ON "MediationCase"("communityId", "state");
CREATE INDEX "MediationCase_communityId_createdAt_idx" ON "MediationCase"("communityId", "createdAt");
CREATE TABLE "new_Report" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "communityId" INTEGER NOT NULL,
    "reporterId" INTEGER NOT NULL,
    "chatId" INTEGER,
    "buildingId" INTEGER,
    "gridId" INTEGER,
    "place" TEXT,
    "placeKey" TEXT,
    "kind" TEXT,
    "description" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'open',
    "stateNote" TEXT,
    "duplicateOfId" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" DATETIME,
    CONSTRAINT "Report_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Report_reporterId_fkey" FOREIGN KEY ("reporterId") REFERENCES "Person" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Report_buildingId_fkey" FOREIGN KEY ("buildingId") REFERENCES "Building" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Report_duplicateOfId_fkey" FOREIGN KEY ("duplicateOfId") REFERENCES "Report" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Report" ("buildingId", "chatId", "communityId", "createdAt", "description", "id", "kind", "place", "reporterId", "resolvedAt", "state") SELECT "buildingId", "chatId", "communityId", "createdAt", "description", "id", "kind", "place", "reporterId", "resolvedAt", "state" FROM "Report";
DROP TABLE "Report";
ALTER TABLE "new_Report" RENAME TO "Report";
CREATE INDEX "Report_communityId_state_idx" ON "Report"("communityId", "state");
CREATE INDEX "Report_communityId_createdAt_idx" ON "Report"("communityId", "createdAt");
CREATE INDEX "Report_duplicateOfId_idx" ON "Report"("duplicateOfId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "ReportPhoto_reportId_idx" ON "ReportPhoto"("reportId");

-- CreateIndex
CREATE INDEX "ReportPhoto_personId_idx" ON "ReportPhoto"("personId");

-- CreateIndex
CREATE INDEX "ReportUpdate_reportId_createdAt_idx" ON "ReportUpdate"("reportId", "createdAt");

-- CreateIndex
CREATE INDEX "MediationNote_caseId_createdAt_idx" ON "MediationNote"("caseId", "createdAt");
