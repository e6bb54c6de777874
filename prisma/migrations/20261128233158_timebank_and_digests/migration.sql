-- AlterTable
ALTER TABLE "PendingCredit" ADD COLUMN "chatId" INTEGER;
ALTER TABLE "PendingCredit" ADD COLUMN "startedById" INTEGER;

-- CreateIndex
CREATE INDEX "GoodDeed_chatId_createdAt_idx" ON "GoodDeed"("chatId", "createdAt");

-- CreateIndex
CREATE INDEX "HelpRequest_communityId_createdAt_idx" ON "HelpRequest"("communityId", "createdAt");

-- CreateIndex
CREATE INDEX "HelpRequest_communityId_closedAt_idx" ON "HelpRequest"("communityId", "closedAt");

-- CreateIndex
CREATE INDEX "LedgerTransfer_communityId_kind_createdAt_idx" ON "LedgerTransfer"("communityId", "kind", "createdAt");

-- CreateIndex
CREATE INDEX "MediationCase_communityId_createdAt_idx" ON "MediationCase"("communityId", "createdAt");

-- CreateIndex
CREATE INDEX "PendingCredit_beneficiaryId_state_idx" ON "PendingCredit"("beneficiaryId", "state");

-- CreateIndex
CREATE INDEX "PendingCredit_chatId_decidedAt_idx" ON "PendingCredit"("chatId", "decidedAt");

-- CreateIndex
CREATE INDEX "Report_communityId_createdAt_idx" ON "Report"("communityId", "createdAt");
