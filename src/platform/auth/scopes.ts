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

/** Parses `ingest,read`; throws on an unknown scope. */
export function parseScopes(list: string): TokenScope[] {
  const scopes = list
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  const unknown = scopes.filter((s) => !isTokenScope(s));
  if (unknown.length > 0 || scopes.length === 0) {
    throw new Error(`scopes must be a comma-separated list of ${TOKEN_SCOPES.join(', ')}`);
  }
  return [...new Set(scopes.filter(isTokenScope))].sort();
}

export function grants(scopes: readonly string[], required: TokenScope): boolean {
  return scopes.includes('admin') || scopes.includes(required);
}
