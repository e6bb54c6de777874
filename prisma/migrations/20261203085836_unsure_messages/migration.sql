-- CreateTable
CREATE TABLE "UnsureMessage" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "communityId" INTEGER NOT NULL,
    "chatId" INTEGER NOT NULL,
    "personId" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "guess" TEXT NOT NULL,
    "confidence" REAL NOT NULL,
    "guesses" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "finalIntent" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "answeredAt" DATETIME,
    CONSTRAINT "UnsureMessage_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "UnsureMessage_communityId_createdAt_idx" ON "UnsureMessage"("communityId", "createdAt");
