-- CreateTable
CREATE TABLE "VisitRota" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "communityId" INTEGER NOT NULL,
    "elderId" INTEGER NOT NULL,
    "weekday" INTEGER NOT NULL,
    "minute" INTEGER NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdById" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "VisitRotaMember" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "rotaId" INTEGER NOT NULL,
    "volunteerId" INTEGER NOT NULL,
    "order" INTEGER NOT NULL,
    CONSTRAINT "VisitRotaMember_rotaId_fkey" FOREIGN KEY ("rotaId") REFERENCES "VisitRota" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Visit" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "rotaId" INTEGER NOT NULL,
    "elderId" INTEGER NOT NULL,
    "volunteerId" INTEGER NOT NULL,
    "week" INTEGER NOT NULL,
    "dueAt" DATETIME NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'scheduled',
    "minutes" INTEGER,
    "note" TEXT,
    "creditId" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "loggedAt" DATETIME,
    CONSTRAINT "Visit_rotaId_fkey" FOREIGN KEY ("rotaId") REFERENCES "VisitRota" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "VisitRota_elderId_active_idx" ON "VisitRota"("elderId", "active");

-- CreateIndex
CREATE INDEX "VisitRotaMember_volunteerId_idx" ON "VisitRotaMember"("volunteerId");

-- CreateIndex
CREATE UNIQUE INDEX "VisitRotaMember_rotaId_order_key" ON "VisitRotaMember"("rotaId", "order");

-- CreateIndex
CREATE INDEX "Visit_volunteerId_state_dueAt_idx" ON "Visit"("volunteerId", "state", "dueAt");

-- CreateIndex
CREATE INDEX "Visit_rotaId_dueAt_idx" ON "Visit"("rotaId", "dueAt");

-- CreateIndex
CREATE INDEX "Visit_elderId_loggedAt_idx" ON "Visit"("elderId", "loggedAt");
