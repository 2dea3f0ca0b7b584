import { resolve } from 'node:path';
import { z } from 'zod';

/**
 * The one place that reads process.env (STYLE.md §7). Validated at boot; a bad variable stops
 * the process with every problem listed.
 */
const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgresql:// URL')
    .optional(),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
  MESHLENS_DATA_DIR: z.string().min(1).default('.data'),
  MESHLENS_MAX_BODY_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(50 * 1024 * 1024),
  MESHLENS_DEFAULT_NAMESPACE: z.string().min(1).default('default'),
  MESHLENS_MAX_DOCUMENTS: z.coerce.number().int().positive().default(250_000),
  MESHLENS_MAX_DEPTH: z.coerce.number().int().positive().default(100),
  MESHLENS_MAX_ALIASES: z.coerce.number().int().nonnegative().default(1_000),
  MESHLENS_GRAPHQL_MAX_DEPTH: z.coerce.number().int().positive().default(15),
  MESHLENS_GRAPHQL_MAX_COST: z.coerce.number().int().positive().default(100_000),
  MESHLENS_RATE_LIMIT: z.coerce.number().int().nonnegative().default(600),
  MESHLENS_AUTH: z.enum(['on', 'off']).optional(),
  MESHLENS_AUTH_READS: z.enum(['true', 'false']).default('false'),
  MESHLENS_INGEST_CACHE_ENVIRONMENTS: z.coerce.number().int().nonnegative().default(8),
  MESHLENS_INGEST_CACHE_OBJECTS: z.coerce.number().int().positive().default(250_000),
  MESHLENS_SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().nonnegative().default(30_000),
  LOG_LEVEL: z.enum(['silent', 'error', 'warn', 'info', 'debug']).default('info'),
});

export interface AppConfig {
  readonly port: number;
  readonly host: string;
  /** Unset means: start the embedded PostgreSQL in `<dataDir>/pg`. */
  readonly databaseUrl: string | undefined;
  readonly embeddedPgPort: number;
  readonly dataDir: string;
  readonly maxBodyBytes: number;
  readonly defaultNamespace: string;
  readonly logLevel: 'silent' | 'error' | 'warn' | 'info' | 'debug';
  /** Parser guards (engine ParseLimits): objects per snapshot, nesting depth, aliases per document. */
  readonly parseLimits: {
    readonly maxDocuments: number;
    readonly maxDepth: number;
    readonly maxAliases: number;
  };
  /** GraphQL operation limits (query-cost.plugin.ts); the cost is reported in `extensions.cost`. */
  readonly graphqlLimits: { readonly maxDepth: number; readonly maxCost: number };
  /** MESHLENS_AUTH: on by default with DATABASE_URL, off for the embedded local mode. */
  readonly authEnabled: boolean;
  /** MESHLENS_RATE_LIMIT: authenticated requests per minute per token (bursts as large); 0 = off. */
  readonly rateLimitPerMinute: number;
  /** MESHLENS_AUTH_READS=true: reads need a `read` token too. */
  readonly authReads: boolean;
  /** MESHLENS_SHUTDOWN_TIMEOUT_MS: how long SIGTERM waits for in-flight requests. */
  readonly shutdownTimeoutMs: number;
  /**
   * The per-process cache of each environment's latest ingest (snapshots/ingest-cache.ts):
   * MESHLENS_INGEST_CACHE_ENVIRONMENTS (0 disables it) and MESHLENS_INGEST_CACHE_OBJECTS.
   */
  readonly ingestCache: { readonly maxEnvironments: number; readonly maxObjects: number };
}

export class ConfigError extends Error {}

export function loadConfig(env: Readonly<Record<string, string | undefined>>): AppConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `  ${issue.path.join('.')}: ${issue.message}`,
    );
    throw new ConfigError(`meshlens: invalid environment variables:\n${problems.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    embeddedPgPort: e.EMBEDDED_PG_PORT,
    dataDir: resolve(e.MESHLENS_DATA_DIR),
    maxBodyBytes: e.MESHLENS_MAX_BODY_BYTES,
    defaultNamespace: e.MESHLENS_DEFAULT_NAMESPACE,
    logLevel: e.LOG_LEVEL,
    parseLimits: {
      maxDocuments: e.MESHLENS_MAX_DOCUMENTS,
      maxDepth: e.MESHLENS_MAX_DEPTH,
      maxAliases: e.MESHLENS_MAX_ALIASES,
    },
    graphqlLimits: {
      maxDepth: e.MESHLENS_GRAPHQL_MAX_DEPTH,
      maxCost: e.MESHLENS_GRAPHQL_MAX_COST,
    },
    authEnabled: (e.MESHLENS_AUTH ?? (e.DATABASE_URL === undefined ? 'off' : 'on')) === 'on',
    rateLimitPerMinute: e.MESHLENS_RATE_LIMIT,
    authReads: e.MESHLENS_AUTH_READS === 'true',
    shutdownTimeoutMs: e.MESHLENS_SHUTDOWN_TIMEOUT_MS,
    ingestCache: {
      maxEnvironments: e.MESHLENS_INGEST_CACHE_ENVIRONMENTS,
      maxObjects: e.MESHLENS_INGEST_CACHE_OBJECTS,
    },
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
