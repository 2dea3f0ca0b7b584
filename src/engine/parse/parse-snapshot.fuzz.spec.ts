import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { InputError } from '../model/input-error.js';
import { parseSnapshot } from './parse-snapshot.js';

const OPTIONS = { defaultNamespace: 'default', limits: { maxDepth: 20, maxAliases: 20 } };

/** YAML fragments that stress the parser: anchors, aliases, flow nesting, merges, separators. */
const FRAGMENTS = [
  'apiVersion: v1\n',
  'apiVersion: networking.istio.io/v1\n',
  'kind: ConfigMap\n',
  'kind: VirtualService\n',
  'kind: List\nitems:\n',
  'metadata:\n',
  '  name: a\n',
  '  namespace: ns\n',
  'spec:\n',
  '  hosts: [reviews]\n',
  '---\n',
  '- ',
  '&x ',
  '*x',
  '<<: *x\n',
  '[',
  ']',
  '{',
  '}',
  ': ',
  '"',
  "'",
  '\n',
  '  ',
  '\t',
  '#',
  '!!binary ',
  '1e999',
  '-0x1F',
  '~',
  '\u0000',
  '\uFEFF',
  '💥',
];

const yamlish = fc
  .array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 6 })), { maxLength: 60 })
  .map((parts) => parts.join(''));

function checkLocated(error: InputError, file: string): void {
  expect(error.code).toMatch(/^MESH\d{4}$/);
  expect(error.file).toBe(file);
  expect(error.message.length).toBeGreaterThan(0);
  if (error.line !== null) {
    expect(error.line).toBeGreaterThanOrEqual(1);
  }
  if (error.document !== null) {
    expect(error.document).toBeGreaterThanOrEqual(0);
  }
}

/** The parser's contract on any input: a value or a located error, never an exception. */
function parsesOrLocates(text: string): void {
  const result = parseSnapshot([{ name: 'fuzz.yaml', text }], OPTIONS);
  if (!result.ok) {
    checkLocated(result.error, 'fuzz.yaml');
  }
}

describe('parseSnapshot on arbitrary input (fast-check)', () => {
  it('arbitrary unicode strings never throw: ok or a located MESH error', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), parsesOrLocates), {
      numRuns: 300,
    });
  });

  it('YAML-like fragment soups (anchors, aliases, nesting, separators) never throw', () => {
    fc.assert(fc.property(yamlish, parsesOrLocates), { numRuns: 500 });
  });

  it('is deterministic: the same input gives byte-identical output', () => {
    fc.assert(
      fc.property(yamlish, (text) => {
        const files = [{ name: 'fuzz.yaml', text }];
        expect(JSON.stringify(parseSnapshot(files, OPTIONS))).toBe(
          JSON.stringify(parseSnapshot(files, OPTIONS)),
        );
      }),
      { numRuns: 100 },
    );
  });
});
