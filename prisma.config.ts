// Used only by the Prisma CLI (generate; `migrate deploy` where the native engine can be
// downloaded). The app itself migrates through the wasm engine at start-up.
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env['DATABASE_URL'] ?? 'postgresql://localhost:5432/meshlens' },
});
