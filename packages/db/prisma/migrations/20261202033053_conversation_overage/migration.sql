-- AlterTable
ALTER TABLE "usage_records" ADD COLUMN     "overage" BOOLEAN NOT NULL DEFAULT false;
