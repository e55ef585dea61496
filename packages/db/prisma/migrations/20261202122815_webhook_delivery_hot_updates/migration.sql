-- DropIndex
DROP INDEX "webhook_deliveries_status_next_attempt_at_idx";

-- AlterTable
ALTER TABLE "webhook_deliveries" ADD COLUMN     "lease_until" TIMESTAMPTZ(3);

-- Hand-written (Prisma cannot express a fillfactor or a partial index).
-- Room on each page for a row's next versions: its claim (attempts, lease_until) and a retry
-- (next_attempt_at) change no indexed column, so they are HOT updates when the page has room.
ALTER TABLE "webhook_deliveries" SET (fillfactor = 80);

-- The sweeper's scan (pending rows, oldest first) in place of (status, next_attempt_at): only pending
-- rows are in it, so a delivery's outcome writes no entry in it.
CREATE INDEX "webhook_deliveries_pending_idx" ON "webhook_deliveries" ("created_at", "id") WHERE "status" = 'pending';
