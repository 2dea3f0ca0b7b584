import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../model/json.js';
import { canonicalJson } from './canonical-json.js';

/** Reference implementation: obviously right, slow. */
function reference(value: JsonValue): string {
  if (value === null || typeof value !== 'object') {
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) {
    return `[${value.map(reference).join(',')}]`;
  }
  const keys = Object.keys(value).sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${reference(value[key] ?? null)}`).join(',')}}`;
}

const json = fc.jsonValue() as fc.Arbitrary<JsonValue>;

function reversedKeys(value: JsonValue): JsonValue {
  if (value === null || typeof value !== 'object') {
    return value;
  }
  if (Array.isArray(value)) {
    return value.map(reversedKeys);
  }
  return Object.fromEntries(
    Object.keys(value)
      .reverse()
      .map((key) => [key, reversedKeys(value[key] ?? null)]),
  );
}

describe('canonicalJson', () => {
  it('sorts keys recursively and prints no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: true, y: null }], c: 'x' } })).toBe(
      '{"a":{"c":"x","d":[3,{"y":null,"z":true}]},"b":1}',
    );
  });

  it('sorts integer-like keys by code units too, unlike V8 property order', () => {
    expect(canonicalJson({ b: 1, '9': 2, '10': 3, a: 4 })).toBe('{"10":3,"9":2,"a":4,"b":1}');
  });

  it('matches the reference serializer on any JSON value', () => {
    fc.assert(
      fc.property(json, (value) => canonicalJson(value) === reference(value)),
      { numRuns: 500 },
    );
  });

  it('does not depend on key insertion order', () => {
    fc.assert(
      fc.property(json, (value) => canonicalJson(reversedKeys(value)) === canonicalJson(value)),
      { numRuns: 300 },
    );
  });

  it('round-trips: the text parses back to a value with the same canonical text', () => {
    fc.assert(
      fc.property(
        json,
        (value) =>
          canonicalJson(JSON.parse(canonicalJson(value)) as JsonValue) === canonicalJson(value),
      ),
      { numRuns: 300 },
    );
  });

  it('keeps a __proto__ key as data', () => {
    const value = JSON.parse('{"b":1,"__proto__":{"x":1}}') as JsonValue;
    expect(canonicalJson(value)).toBe('{"__proto__":{"x":1},"b":1}');
  });
});
