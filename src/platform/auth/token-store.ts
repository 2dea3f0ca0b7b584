import type postgres from 'postgres';
import type { TokenScope } from './scopes.js';
import { hashSecret, looksLikeSecret, newSecret } from './token-secret.js';

export interface ApiTokenInfo {
  readonly id: string;
  readonly name: string;
  readonly scopes: readonly string[];
  readonly environments: readonly string[];
  readonly createdAt: Date;
  readonly lastUsedAt: Date | null;
  readonly revokedAt: Date | null;
}

export interface CreatedToken extends ApiTokenInfo {
  /** Shown once; never stored. */
  readonly secret: string;
}

export interface CreateTokenInput {
  readonly name: string;
  readonly scopes: readonly TokenScope[];
  readonly environments: readonly string[];
}

interface TokenRow {
  id: string;
  name: string;
  scopes: string[];
  environments: string[];
  created_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

const COLUMNS = 'id, name, scopes, environments, created_at, last_used_at, revoked_at';

function toInfo(row: TokenRow): ApiTokenInfo {
  return {
    id: row.id,
    name: row.name,
    scopes: row.scopes,
    environments: row.environments,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
  };
}

/** The api_token table, on a postgres.js client: the service and `meshlens token` share it. */
export class TokenStore {
  constructor(private readonly sql: postgres.Sql) {}

  async create(input: CreateTokenInput): Promise<CreatedToken> {
    const { id, secret, secretHash } = newSecret();
    const scopes = [...new Set(input.scopes)].sort();
    const environments = [...new Set(input.environments)].sort();
    const rows = await this.sql.unsafe<TokenRow[]>(
      `INSERT INTO api_token (id, name, secret_hash, scopes, environments)
       VALUES ($1, $2, $3, $4, $5) RETURNING ${COLUMNS}`,
      [id, input.name, secretHash, scopes, environments],
    );
    const row = rows[0];
    if (row === undefined) {
      throw new Error('token insert returned no row');
    }
    return { ...toInfo(row), secret };
  }

  async list(): Promise<ApiTokenInfo[]> {
    const rows = await this.sql.unsafe<TokenRow[]>(
      `SELECT ${COLUMNS} FROM api_token ORDER BY created_at, id`,
    );
    return rows.map(toInfo);
  }

  /** How many tokens are active, and how many of those have the `admin` scope (start-up log). */
  async countActive(): Promise<{ active: number; admin: number }> {
    const rows = await this.sql.unsafe<{ active: number; admin: number }[]>(
      `SELECT count(*)::int AS active, count(*) FILTER (WHERE 'admin' = ANY(scopes))::int AS admin
       FROM api_token WHERE revoked_at IS NULL`,
    );
    return rows[0] ?? { active: 0, admin: 0 };
  }

  /** True when the token existed and was active. */
  async revoke(id: string): Promise<boolean> {
    const rows = await this.sql.unsafe<{ id: string }[]>(
      `UPDATE api_token SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL RETURNING id`,
      [id],
    );
    return rows.length > 0;
  }

  /** The active token with this secret, or null; records the use. */
  async authenticate(secret: string): Promise<ApiTokenInfo | null> {
    if (!looksLikeSecret(secret)) {
      return null;
    }
    const rows = await this.sql.unsafe<TokenRow[]>(
      `UPDATE api_token SET last_used_at = now()
       WHERE secret_hash = $1 AND revoked_at IS NULL RETURNING ${COLUMNS}`,
      [hashSecret(secret)],
    );
    const row = rows[0];
    return row === undefined ? null : toInfo(row);
  }
}
