import { DomainError } from '../../platform/errors/domain-error.js';

export const DEFAULT_AUDIT_PAGE = 50;
export const MAX_AUDIT_PAGE = 500;

export function clampAuditLimit(limit: number | undefined): number {
  if (limit === undefined) {
    return DEFAULT_AUDIT_PAGE;
  }
  if (!Number.isInteger(limit) || limit < 1) {
    throw new DomainError('INVALID_ARGUMENT', `limit must be a positive integer, got ${limit}`);
  }
  return Math.min(MAX_AUDIT_PAGE, limit);
}

/** A version-number cursor (exclusive upper bound, newest-first pages). */
export function parseVersionCursor(cursor: string | null): number | null {
  if (cursor === null) {
    return null;
  }
  const n = Number(cursor);
  if (!Number.isInteger(n) || n < 1) {
    throw new DomainError('INVALID_ARGUMENT', `invalid cursor "${cursor}"`);
  }
  return n;
}

/** Opaque cursor for object history: the last entry's version and object id. */
export function encodeHistoryCursor(version: number, objectId: string): string {
  return Buffer.from(JSON.stringify([version, objectId]), 'utf8').toString('base64url');
}

export function decodeHistoryCursor(
  cursor: string | null,
): { version: number; objectId: string } | null {
  if (cursor === null) {
    return null;
  }
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && typeof value[0] === 'number' && typeof value[1] === 'string') {
      return { version: value[0], objectId: value[1] };
    }
  } catch {
    // fall through to the error below
  }
  throw new DomainError('INVALID_ARGUMENT', `invalid cursor "${cursor}"`);
}

/** Parses a REST `limit` query parameter. */
export function parseLimitParam(value: string | undefined): number | undefined {
  if (value === undefined) {
    return undefined;
  }
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) {
    throw new DomainError('INVALID_ARGUMENT', `limit must be a positive integer, got "${value}"`);
  }
  return n;
}
