-- AlterTable
ALTER TABLE "Event" ADD COLUMN "seriesId" INTEGER;

-- CreateIndex
CREATE INDEX "Event_seriesId_idx" ON "Event"("seriesId");
