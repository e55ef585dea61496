// Prisma CLI configuration. `prisma generate` needs no database; `prisma migrate deploy` (production
// images, where the schema engine binary is available) reads DATABASE_URL.
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  ...(process.env.DATABASE_URL ? { datasource: { url: process.env.DATABASE_URL } } : {}),
});
