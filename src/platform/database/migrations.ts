import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../project-root.js';
import { openSchemaEngine } from './schema-engine.js';

export const MIGRATIONS_DIR = join(projectRoot(), 'prisma', 'migrations');

const NO_FILTER = { externalTables: [], externalEnums: [] };

function loadMigrationList(baseDir: string) {
  const lockPath = join(baseDir, 'migration_lock.toml');
  const directories = readdirSync(baseDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  return {
    baseDir,
    lockfile: {
      path: 'migration_lock.toml',
      content: existsSync(lockPath) ? readFileSync(lockPath, 'utf8') : null,
    },
    shadowDbInitScript: '',
    migrationDirectories: directories.map((dir) => ({
      path: dir,
      migrationFile: {
        path: 'migration.sql',
        content: {
          tag: 'ok' as const,
          value: readFileSync(join(baseDir, dir, 'migration.sql'), 'utf8'),
        },
      },
    })),
  };
}

/** The equivalent of `prisma migrate deploy`, offline: applies what `_prisma_migrations` lacks. */
export async function applyMigrations(
  connectionString: string,
  baseDir = MIGRATIONS_DIR,
): Promise<string[]> {
  const engine = await openSchemaEngine(connectionString);
  try {
    const result = await engine.applyMigrations({
      migrationsList: loadMigrationList(baseDir),
      filters: NO_FILTER,
    });
    return result.appliedMigrationNames;
  } finally {
    engine.free();
  }
}

/**
 * SQL that takes the schema of the newest migration to the current `prisma/schema.prisma`;
 * empty when they agree. Each migration folder keeps the `schema.prisma` it was made from
 * (Prisma ignores extra files there), because the wasm engine cannot diff against a live
 * database URL or a shadow database with adapter-pg (STACK-NOTES Q2).
 */
export async function diffMigrationsToSchema(
  connectionString: string,
  schemaPath: string,
  baseDir = MIGRATIONS_DIR,
): Promise<string> {
  const newest = existsSync(baseDir)
    ? readdirSync(baseDir, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name)
        .sort()
        .at(-1)
    : undefined;
  const engine = await openSchemaEngine(connectionString);
  try {
    const result = await engine.diff({
      from:
        newest === undefined
          ? { tag: 'empty' }
          : { tag: 'schemaDatamodel', files: [schemaFile(join(baseDir, newest, 'schema.prisma'))] },
      to: { tag: 'schemaDatamodel', files: [schemaFile(schemaPath)] },
      script: true,
      exitCode: null,
      filters: NO_FILTER,
    });
    return (result.stdout ?? '').replace(/^-- This is an empty migration\.\s*$/m, '').trim();
  } finally {
    engine.free();
  }
}

function schemaFile(path: string): { path: string; content: string } {
  return { path, content: readFileSync(path, 'utf8') };
}
