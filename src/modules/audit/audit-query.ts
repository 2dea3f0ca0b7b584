import { DomainError } from '../../platform/errors/domain-error.js';
import type { TimelineBucket } from './audit.types.js';

/** Parsers for REST query parameters and bodies (GraphQL gets typed arguments instead). */

export function parseBucket(value: string | undefined): TimelineBucket {
  const bucket = (value ?? 'day').toLowerCase();
  if (bucket === 'hour' || bucket === 'day' || bucket === 'week') {
    return bucket;
  }
  throw new DomainError(
    'INVALID_ARGUMENT',
    `bucket must be hour, day or week, got "${value ?? ''}"`,
  );
}

export { parseBoolean } from '../../platform/http/parse-boolean.js';

export function asList(value: string | string[] | undefined): string[] {
  if (value === undefined) {
    return [];
  }
  return Array.isArray(value) ? value : [value];
}

/** One optional string query parameter (repeated parameters are an error). */
export function single(value: unknown, name: string): string | undefined {
  if (value === undefined || typeof value === 'string') {
    return value === '' ? undefined : value;
  }
  throw new DomainError('INVALID_ARGUMENT', `give ${name} once`);
}

/** An optional non-negative integer or null from a JSON body. */
export function optionalCount(body: Record<string, unknown>, key: string): number | null {
  const value = body[key];
  if (value === undefined || value === null) {
    return null;
  }
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw new DomainError('INVALID_ARGUMENT', `${key} must be an integer or null`);
  }
  return value;
}
