import { DomainError } from '../errors/domain-error.js';

/**
 * A JSON object body. The REST layer keeps `application/json` bodies as text (so ingest can
 * locate errors), hence the parse here.
 */
export function readJsonObject(body: unknown): Record<string, unknown> {
  let value = body;
  if (typeof body === 'string') {
    if (body.trim() === '') {
      return {};
    }
    try {
      value = JSON.parse(body);
    } catch {
      throw new DomainError('INVALID_ARGUMENT', 'the body is not valid JSON');
    }
  }
  if (value === undefined || value === null) {
    return {};
  }
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new DomainError('INVALID_ARGUMENT', 'the body must be a JSON object');
  }
  return value as Record<string, unknown>;
}
