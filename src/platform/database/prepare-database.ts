import { join } from 'node:path';
import { startEmbeddedPostgres } from './embedded-postgres.js';
import { applyMigrations } from './migrations.js';

export interface PreparedDatabase {
  readonly url: string;
  readonly isEmbedded: boolean;
  readonly appliedMigrations: readonly string[];
  stop(): Promise<void>;
}

export interface PrepareDatabaseOptions {
  readonly databaseUrl: string | undefined;
  readonly dataDir: string;
  readonly embeddedPgPort: number;
  readonly log: (line: string) => void;
}

/** DATABASE_URL when given, else an embedded PostgreSQL; then the migrations, offline. */
export async function prepareDatabase(options: PrepareDatabaseOptions): Promise<PreparedDatabase> {
  let url = options.databaseUrl;
  let stop = (): Promise<void> => Promise.resolve();
  if (url === undefined) {
    const embedded = await startEmbeddedPostgres({
      dataDir: join(options.dataDir, 'pg'),
      port: options.embeddedPgPort,
      database: 'meshlens',
    });
    url = embedded.url;
    stop = () => embedded.stop();
    options.log(
      `embedded PostgreSQL on port ${options.embeddedPgPort}, data in ${join(options.dataDir, 'pg')}`,
    );
  }
  try {
    const applied = await applyMigrations(url);
    if (applied.length > 0) {
      options.log(`applied migrations: ${applied.join(', ')}`);
    }
    return { url, isEmbedded: options.databaseUrl === undefined, appliedMigrations: applied, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
