-- AlterTable
ALTER TABLE "tenants" ADD COLUMN     "calling_hours" JSONB NOT NULL DEFAULT '{"days": [1, 2, 3, 4, 5, 6], "start": "09:00", "end": "20:00"}',
ADD COLUMN     "max_call_seconds" INTEGER NOT NULL DEFAULT 900,
ADD COLUMN     "max_concurrent_calls" INTEGER NOT NULL DEFAULT 5,
ADD COLUMN     "outbound_calls_per_minute" INTEGER NOT NULL DEFAULT 10,
ADD COLUMN     "record_calls" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "sms_summary" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "transfer_digit" TEXT NOT NULL DEFAULT '0';

-- AlterTable
ALTER TABLE "calls" ADD COLUMN     "from_number" TEXT,
ADD COLUMN     "reason" TEXT,
ADD COLUMN     "recording_duration_sec" INTEGER,
ADD COLUMN     "recording_sid" TEXT,
ALTER COLUMN "call_sid" DROP NOT NULL;

-- CreateTable
CREATE TABLE "phone_numbers" (
    "id" TEXT NOT NULL,
    "tenant_id" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "agent_id" TEXT,
    "twilio_sid" TEXT,
    "capabilities" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "phone_numbers_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "call_events" (
    "event_id" TEXT NOT NULL,
    "tenant_id" TEXT NOT NULL,
    "call_id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "sequence" INTEGER,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "call_events_pkey" PRIMARY KEY ("event_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "phone_numbers_number_key" ON "phone_numbers"("number");

-- CreateIndex
CREATE UNIQUE INDEX "phone_numbers_twilio_sid_key" ON "phone_numbers"("twilio_sid");

-- CreateIndex
CREATE INDEX "phone_numbers_tenant_id_created_at_idx" ON "phone_numbers"("tenant_id", "created_at");

-- CreateIndex
CREATE INDEX "call_events_call_id_idx" ON "call_events"("call_id");

-- AddForeignKey
ALTER TABLE "phone_numbers" ADD CONSTRAINT "phone_numbers_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "phone_numbers" ADD CONSTRAINT "phone_numbers_agent_id_fkey" FOREIGN KEY ("agent_id") REFERENCES "agents"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "call_events" ADD CONSTRAINT "call_events_call_id_fkey" FOREIGN KEY ("call_id") REFERENCES "calls"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Data: numbers of the former free list (tenants.phone_numbers) become rows. A number listed by several
-- tenants goes to the one that listed it first (oldest tenant); the others lose the claim.
INSERT INTO "phone_numbers" ("id", "tenant_id", "number", "created_at")
SELECT DISTINCT ON (listed.number) 'pn' || replace(gen_random_uuid()::text, '-', ''), listed.tenant_id, listed.number, listed.created_at
FROM (SELECT t."id" AS tenant_id, t."created_at", trim(n) AS number FROM "tenants" t, unnest(t."phone_numbers") AS n) AS listed
WHERE listed.number ~ '^\+[1-9][0-9]{6,14}$'
ORDER BY listed.number, listed.created_at, listed.tenant_id;

-- AlterTable
ALTER TABLE "tenants" DROP COLUMN "phone_numbers";
