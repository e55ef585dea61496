-- AlterTable
ALTER TABLE "knowledge_chunks" ADD COLUMN     "embedding" BYTEA,
ADD COLUMN     "embedding_model" TEXT;
