-- CreateTable
CREATE TABLE "audit_heads" (
    "chain_key" TEXT NOT NULL,
    "tenant_id" TEXT,
    "seq" BIGINT NOT NULL,
    "hash" TEXT NOT NULL,
    "count" BIGINT NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "audit_heads_pkey" PRIMARY KEY ("chain_key")
);

-- CreateIndex
CREATE UNIQUE INDEX "audit_heads_tenant_id_key" ON "audit_heads"("tenant_id");

-- AddForeignKey
ALTER TABLE "audit_heads" ADD CONSTRAINT "audit_heads_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written: a head for every chain that already has rows (its newest row and its row count), so
-- existing chains verify. Truncation done before this migration cannot be detected.
INSERT INTO "audit_heads" ("chain_key", "tenant_id", "seq", "hash", "count", "updated_at")
SELECT COALESCE(newest."tenant_id", 'platform'), newest."tenant_id", newest."seq", newest."hash", chain."count", CURRENT_TIMESTAMP
FROM (SELECT DISTINCT ON ("tenant_id") "tenant_id", "seq", "hash" FROM "audit_logs" ORDER BY "tenant_id", "seq" DESC) AS newest
JOIN (SELECT "tenant_id", count(*) AS "count" FROM "audit_logs" GROUP BY "tenant_id") AS chain
  ON chain."tenant_id" IS NOT DISTINCT FROM newest."tenant_id";
