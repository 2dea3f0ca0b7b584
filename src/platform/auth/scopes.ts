import { SetMetadata } from '@nestjs/common';

/** What a token may do. `admin` implies the other two. */
export type TokenScope = 'read' | 'ingest' | 'admin';

export const TOKEN_SCOPES: readonly TokenScope[] = ['admin', 'ingest', 'read'];

export const REQUIRED_SCOPE = 'meshlens:required-scope';
export const PUBLIC_ROUTE = 'meshlens:public-route';

/**
 * The scope a route or resolver needs. Without it, the guard asks `read` of reads and `admin` of
 * writes (deny by default: a new write route is admin-only until someone decides otherwise).
 */
export const RequireScope = (scope: TokenScope): MethodDecorator & ClassDecorator =>
  SetMetadata(REQUIRED_SCOPE, scope);

/** Never needs a token (health probes, metrics). */
export const PublicRoute = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_ROUTE, true);

export function isTokenScope(value: string): value is TokenScope {
  return (TOKEN_SCOPES as readonly string[]).includes(value);
}

/** A value for an error message: JSON, cut short (scopes are no secret, but may be long). */
function shown(value: unknown): string {
  const text = (JSON.stringify(value) as string | undefined) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/**
 * The `scopes` of a token creation request: a non-empty JSON array of scope names. Throws a message
 * naming the bad value and the accepted scopes.
 */
export function parseScopes(value: unknown): TokenScope[] {
  const accepted = `an array of one or more of ${TOKEN_SCOPES.join(', ')}, e.g. ["ingest", "read"]`;
  if (!Array.isArray(value)) {
    throw new Error(
      value === undefined
        ? `scopes is required: ${accepted}`
        : `scopes must be ${accepted}, not ${shown(value)}`,
    );
  }
  const items: unknown[] = value;
  if (items.length === 0) {
    throw new Error(`scopes must not be empty: ${accepted}`);
  }
  const unknown = items.filter((s) => typeof s !== 'string' || !isTokenScope(s));
  if (unknown.length > 0) {
    const names = unknown.map(shown).join(', ');
    throw new Error(
      `unknown scope${unknown.length > 1 ? 's' : ''} ${names}: scopes must be ${accepted}`,
    );
  }
  return [...new Set(items as TokenScope[])].sort();
}

export function grants(scopes: readonly string[], required: TokenScope): boolean {
  return scopes.includes('admin') || scopes.includes(required);
}
