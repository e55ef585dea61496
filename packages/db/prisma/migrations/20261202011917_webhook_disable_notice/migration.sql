-- CreateEnum
CREATE TYPE "webhook_disable_reason" AS ENUM ('gone', 'failing');

-- AlterTable
ALTER TABLE "webhook_endpoints" ADD COLUMN     "disabled_notified_at" TIMESTAMPTZ(3),
ADD COLUMN     "disabled_reason" "webhook_disable_reason";
