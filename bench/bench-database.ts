import { join } from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from '../src/platform/database/embedded-postgres.js';
import { applyMigrations } from '../src/platform/database/migrations.js';
import { projectRoot } from '../src/platform/project-root.js';

export interface BenchDatabase {
  readonly url: string;
  close(): Promise<void>;
}

/** A scratch, migrated database on DATABASE_URL's server, else on an embedded PostgreSQL. */
export async function openBenchDatabase(): Promise<BenchDatabase> {
  const embedded =
    process.env['DATABASE_URL'] === undefined
      ? await startEmbeddedPostgres({
          dataDir: join(projectRoot(), '.data', 'bench-pg'),
          port: Number(process.env['EMBEDDED_PG_BENCH_PORT'] ?? 54359),
          database: 'postgres',
        })
      : undefined;
  const serverUrl = process.env['DATABASE_URL'] ?? embedded?.url ?? '';
  const name = `meshlens_bench_${process.pid}`;
  await admin(serverUrl, `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  await applyMigrations(url.toString());
  return {
    url: url.toString(),
    close: async () => {
      await admin(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await embedded?.stop();
    },
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
