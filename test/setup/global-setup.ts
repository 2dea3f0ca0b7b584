import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { openScratchDatabase } from '../../src/platform/database/scratch-database.js';
import { projectRoot } from '../../src/platform/project-root.js';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

/**
 * One real PostgreSQL for the e2e/integration run: the server in DATABASE_URL when set, else an
 * embedded one started here. A fresh database is created and migrated, and dropped at the end.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const database = await openScratchDatabase({
    serverUrl: process.env['DATABASE_URL'],
    embeddedDataDir: join(projectRoot(), '.data', 'test-pg'),
    embeddedPort: Number(process.env['EMBEDDED_PG_TEST_PORT'] ?? 54339),
    prefix: 'meshlens_test',
    migrate: true,
  });
  project.provide('databaseUrl', database.url);
  return () => database.close();
}
