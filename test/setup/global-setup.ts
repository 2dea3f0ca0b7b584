import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import {
  startEmbeddedPostgres,
  type EmbeddedDatabase,
} from '../../src/platform/database/embedded-postgres.js';
import { applyMigrations } from '../../src/platform/database/migrations.js';
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
  let embedded: EmbeddedDatabase | undefined;
  let serverUrl = process.env['DATABASE_URL'];
  if (serverUrl === undefined) {
    embedded = await startEmbeddedPostgres({
      dataDir: join(projectRoot(), '.data', 'test-pg'),
      port: Number(process.env['EMBEDDED_PG_TEST_PORT'] ?? 54339),
      database: 'postgres',
    });
    serverUrl = embedded.url;
  }
  const database = `meshlens_test_${process.pid}_${Date.now().toString(36)}`;
  await admin(serverUrl, `CREATE DATABASE ${database}`);
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  await applyMigrations(url.toString());
  project.provide('databaseUrl', url.toString());
  return async () => {
    await admin(serverUrl, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await embedded?.stop();
  };
}

async function admin(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
