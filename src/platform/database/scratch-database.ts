import pg from 'pg';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './embedded-postgres.js';
import { applyMigrations } from './migrations.js';

export interface ScratchDatabaseOptions {
  /** A server to create the database on; unset: an embedded PostgreSQL is started. */
  readonly serverUrl: string | undefined;
  readonly embeddedDataDir: string;
  readonly embeddedPort: number;
  /** Database name prefix; the process id and time make it unique. */
  readonly prefix: string;
  readonly migrate: boolean;
}

export interface ScratchDatabase {
  readonly url: string;
  /** Drops the database and stops the embedded server, if one was started. */
  close(): Promise<void>;
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

/**
 * A throw-away database for tests, benchmarks and the migration drift check: created on the
 * given server (or an embedded one started here), migrated if asked, dropped on close.
 */
export async function openScratchDatabase(
  options: ScratchDatabaseOptions,
): Promise<ScratchDatabase> {
  let embedded: EmbeddedDatabase | undefined;
  let serverUrl = options.serverUrl;
  if (serverUrl === undefined) {
    embedded = await startEmbeddedPostgres({
      dataDir: options.embeddedDataDir,
      port: options.embeddedPort,
      database: 'postgres',
    });
    serverUrl = embedded.url;
  }
  const name = `${options.prefix}_${String(process.pid)}_${Date.now().toString(36)}`;
  await admin(serverUrl, `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const server = serverUrl;
  const close = async (): Promise<void> => {
    await admin(server, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await embedded?.stop();
  };
  if (options.migrate) {
    try {
      await applyMigrations(url.toString());
    } catch (error) {
      await close();
      throw error;
    }
  }
  return { url: url.toString(), close };
}
