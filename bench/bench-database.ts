import { join } from 'node:path';
import {
  openScratchDatabase,
  type ScratchDatabase,
} from '../src/platform/database/scratch-database.js';
import { projectRoot } from '../src/platform/project-root.js';

export type BenchDatabase = ScratchDatabase;

/** A scratch, migrated database on DATABASE_URL's server, else on an embedded PostgreSQL. */
export function openBenchDatabase(): Promise<BenchDatabase> {
  return openScratchDatabase({
    serverUrl: process.env['DATABASE_URL'],
    embeddedDataDir: join(projectRoot(), '.data', 'bench-pg'),
    embeddedPort: Number(process.env['EMBEDDED_PG_BENCH_PORT'] ?? 54359),
    prefix: 'meshlens_bench',
    migrate: true,
  });
}
