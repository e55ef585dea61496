-- AlterTable
ALTER TABLE "tenants" ALTER COLUMN "languages" SET DEFAULT ARRAY['fr', 'en', 'es', 'ar', 'ary']::TEXT[];

-- AlterTable
ALTER TABLE "agents" ALTER COLUMN "languages" SET DEFAULT ARRAY['fr', 'en', 'es', 'ar', 'ary']::TEXT[];
