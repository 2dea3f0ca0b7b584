import type { AppConfig } from '../config/app-config.js';
import type { TokenStore } from './token-store.js';

/** How docs/security.md bootstraps the first admin token (straight into the database). */
export const FIRST_ADMIN_TOKEN_COMMAND = 'meshlens token create --name bootstrap --scopes admin';

export interface AuthStatusLine {
  readonly level: 'log' | 'warn';
  readonly message: string;
}

/**
 * The one start-up line about authentication (serve.ts): off, or on with what reads need and, when
 * no active admin token exists, how to create the first one. Counts only: never a token or secret.
 */
export async function authStatusLine(
  config: Pick<AppConfig, 'authEnabled' | 'authReads' | 'databaseUrl'>,
  tokens: Pick<TokenStore, 'countActive'>,
): Promise<AuthStatusLine> {
  if (!config.authEnabled) {
    return {
      level: 'warn',
      message:
        'authentication is OFF (MESHLENS_AUTH=off, the default without DATABASE_URL): anyone who can ' +
        'reach this port can write. Set MESHLENS_AUTH=on and create a token with `meshlens token create`.',
    };
  }
  const reads = config.authReads ? 'reads too (MESHLENS_AUTH_READS=true)' : 'reads are open';
  const on = `authentication is ON: writes need an API token, ${reads}`;
  let counts;
  try {
    counts = await tokens.countActive();
  } catch {
    // Database errors can carry connection details: not in this line.
    return { level: 'warn', message: `${on}; the API tokens could not be counted` };
  }
  if (counts.admin === 0) {
    const none =
      counts.active === 0
        ? 'there is no active API token'
        : `none of the ${counts.active} active tokens has the admin scope`;
    const where =
      config.databaseUrl === undefined
        ? 'with this server stopped (both would start the embedded PostgreSQL)'
        : 'on the same DATABASE_URL';
    return {
      level: 'warn',
      message:
        `${on}; ${none}: create an admin token with \`${FIRST_ADMIN_TOKEN_COMMAND}\` ` +
        `${where} (it prints the secret once; docs/security.md)`,
    };
  }
  return {
    level: 'log',
    message: `${on}; ${counts.active} active tokens, ${counts.admin} with the admin scope`,
  };
}
