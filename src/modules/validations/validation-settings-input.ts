import { DomainError } from '../../platform/errors/domain-error.js';

/** `levelOverrides` from a request: an object of strings (absent or null: none). */
export function readLevelOverrides(value: unknown): Record<string, string> {
  if (value === undefined || value === null) {
    return {};
  }
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new DomainError('INVALID_ARGUMENT', 'levelOverrides must be an object { code: level }');
  }
  const overrides: Record<string, string> = {};
  for (const [code, level] of Object.entries(value)) {
    if (typeof level !== 'string') {
      throw new DomainError('INVALID_ARGUMENT', `levelOverrides.${code} must be a string`);
    }
    overrides[code] = level;
  }
  return overrides;
}

/** `disabledCodes` from a request: an array of strings (absent: none). */
export function readDisabledCodes(value: unknown): string[] {
  if (value === undefined || value === null) {
    return [];
  }
  if (!Array.isArray(value) || !value.every((code): code is string => typeof code === 'string')) {
    throw new DomainError('INVALID_ARGUMENT', 'disabledCodes must be an array of codes');
  }
  return value;
}
