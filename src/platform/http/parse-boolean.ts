import { DomainError } from '../errors/domain-error.js';

/** A boolean query or form parameter: true/1, false/0, unset → `fallback`; else 400 naming it. */
export function parseBoolean(value: string | undefined, name: string, fallback: boolean): boolean {
  if (value === undefined || value === '') {
    return fallback;
  }
  if (value === 'true' || value === '1') {
    return true;
  }
  if (value === 'false' || value === '0') {
    return false;
  }
  throw new DomainError('INVALID_ARGUMENT', `${name} must be true or false, got "${value}"`);
}
