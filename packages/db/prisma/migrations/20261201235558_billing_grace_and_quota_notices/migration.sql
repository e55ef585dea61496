-- AlterTable
ALTER TABLE "tenants" ADD COLUMN     "grace_ends_at" TIMESTAMPTZ(3),
ADD COLUMN     "status_reason" TEXT;

-- AlterTable
ALTER TABLE "subscriptions" ADD COLUMN     "stripe_event_at" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "quota_notices" (
    "id" TEXT NOT NULL,
    "tenant_id" TEXT NOT NULL,
    "quota" TEXT NOT NULL,
    "level" TEXT NOT NULL,
    "period_start" TIMESTAMPTZ(3) NOT NULL,
    "used" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "quota_notices_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "quota_notices_tenant_id_quota_level_period_start_key" ON "quota_notices"("tenant_id", "quota", "level", "period_start");

-- AddForeignKey
ALTER TABLE "quota_notices" ADD CONSTRAINT "quota_notices_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;
