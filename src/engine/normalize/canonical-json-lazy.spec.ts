import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../model/json.js';
import { generateSyntheticMesh } from '../testing/synthetic-mesh.js';
import { canonicalJson } from './canonical-json.js';
import { canonicalJsonOf } from './canonical-json-lazy.js';

describe('canonicalJsonOf', () => {
  it('prints exactly what canonicalJson prints, for any JSON value', () => {
    const key = fc.oneof(
      fc.string(),
      fc.constantFrom('__proto__', 'constructor', '0', '10', '9', 'a', 'B', 'é', '\u{1F600}'),
    );
    const value = fc.letrec<{ json: JsonValue }>((tie) => ({
      json: fc.oneof(
        { depthSize: 'small' },
        fc.constant(null),
        fc.boolean(),
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.string(),
        fc.array(tie('json'), { maxLength: 4 }),
        fc.dictionary(key, tie('json'), { maxKeys: 5 }),
      ),
    })).json;
    fc.assert(
      fc.property(value, (v) => {
        expect(canonicalJsonOf(v)).toBe(canonicalJson(v));
      }),
      { numRuns: 2000 },
    );
  });

  it('prints the synthetic mesh exactly as canonicalJson does', () => {
    const mesh = generateSyntheticMesh({ size: 'S', seed: 9 });
    for (const resource of mesh.resources) {
      expect(canonicalJsonOf(resource.body)).toBe(canonicalJson(resource.body));
    }
  });

  it('keeps an own __proto__ key as a key', () => {
    const value = JSON.parse('{"b":1,"__proto__":{"x":1},"a":{"d":1,"c":2}}') as JsonValue;
    expect(canonicalJsonOf(value)).toBe('{"__proto__":{"x":1},"a":{"c":2,"d":1},"b":1}');
  });
});
