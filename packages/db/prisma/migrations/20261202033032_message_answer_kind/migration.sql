-- CreateEnum
CREATE TYPE "answer_kind" AS ENUM ('grounded', 'unknown', 'handoff', 'other');

-- AlterTable
ALTER TABLE "messages" ADD COLUMN     "answer_kind" "answer_kind";

-- CreateIndex
CREATE INDEX "messages_tenant_id_answer_kind_created_at_idx" ON "messages"("tenant_id", "answer_kind", "created_at");
