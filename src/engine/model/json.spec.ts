import { describe, expect, it } from 'vitest';
import { isJsonObject } from './json.js';

describe('isJsonObject', () => {
  it('accepts plain objects and rejects arrays and null', () => {
    expect(isJsonObject({ a: 1 })).toBe(true);
    expect(isJsonObject([1])).toBe(false);
    expect(isJsonObject(null)).toBe(false);
  });
});
