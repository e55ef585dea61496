-- CreateEnum
CREATE TYPE "integration_provider" AS ENUM ('shopify', 'hubspot', 'klaviyo');

-- AlterTable
ALTER TABLE "leads" ADD COLUMN     "source_id" TEXT,
ADD COLUMN     "source_provider" "integration_provider";

-- CreateTable
CREATE TABLE "integration_connections" (
    "id" TEXT NOT NULL,
    "tenant_id" TEXT NOT NULL,
    "provider" "integration_provider" NOT NULL,
    "account_id" TEXT NOT NULL,
    "secret_ciphertext" TEXT NOT NULL,
    "secret_key_id" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "integration_connections_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "shop_orders" (
    "id" TEXT NOT NULL,
    "tenant_id" TEXT NOT NULL,
    "external_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT,
    "phone" TEXT,
    "total_price" DECIMAL(18,2) NOT NULL,
    "currency" TEXT NOT NULL,
    "checkout_token" TEXT,
    "lead_id" TEXT,
    "ordered_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "shop_orders_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "abandoned_checkouts" (
    "id" TEXT NOT NULL,
    "tenant_id" TEXT NOT NULL,
    "token" TEXT NOT NULL,
    "email" TEXT,
    "phone" TEXT,
    "total_price" DECIMAL(18,2) NOT NULL,
    "currency" TEXT NOT NULL,
    "recovery_url" TEXT,
    "call_id" TEXT,
    "recovered_at" TIMESTAMPTZ(3),
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "abandoned_checkouts_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "integration_connections_tenant_id_provider_key" ON "integration_connections"("tenant_id", "provider");

-- CreateIndex
CREATE UNIQUE INDEX "integration_connections_provider_account_id_key" ON "integration_connections"("provider", "account_id");

-- CreateIndex
CREATE INDEX "shop_orders_tenant_id_ordered_at_idx" ON "shop_orders"("tenant_id", "ordered_at");

-- CreateIndex
CREATE UNIQUE INDEX "shop_orders_tenant_id_external_id_key" ON "shop_orders"("tenant_id", "external_id");

-- CreateIndex
CREATE UNIQUE INDEX "abandoned_checkouts_call_id_key" ON "abandoned_checkouts"("call_id");

-- CreateIndex
CREATE INDEX "abandoned_checkouts_tenant_id_created_at_idx" ON "abandoned_checkouts"("tenant_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "abandoned_checkouts_tenant_id_token_key" ON "abandoned_checkouts"("tenant_id", "token");

-- CreateIndex
CREATE INDEX "leads_tenant_id_email_idx" ON "leads"("tenant_id", "email");

-- CreateIndex
CREATE UNIQUE INDEX "leads_tenant_id_source_provider_source_id_key" ON "leads"("tenant_id", "source_provider", "source_id");

-- AddForeignKey
ALTER TABLE "integration_connections" ADD CONSTRAINT "integration_connections_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "shop_orders" ADD CONSTRAINT "shop_orders_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "shop_orders" ADD CONSTRAINT "shop_orders_lead_id_fkey" FOREIGN KEY ("lead_id") REFERENCES "leads"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "abandoned_checkouts" ADD CONSTRAINT "abandoned_checkouts_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;
