import fc from 'fast-check';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { inspectDocument } from './inspect-document.js';
import { DEFAULT_PARSE_LIMITS } from './parse-options.js';

function depthOf(value: unknown): number {
  if (typeof value !== 'object' || value === null) {
    return 0;
  }
  const children = Array.isArray(value) ? (value as unknown[]) : Object.values(value);
  return 1 + Math.max(0, ...children.map(depthOf));
}

const limitsWithDepth = (maxDepth: number) => ({ ...DEFAULT_PARSE_LIMITS, maxDepth });

describe('inspectDocument', () => {
  it('finds every document nested deeper than maxDepth, in block and flow style (the text pre-check never hides one)', () => {
    const value = fc.jsonValue({ maxDepth: 8 });
    const style = fc.constantFrom<'block' | 'flow' | 'mixed'>('block', 'flow', 'mixed');
    fc.assert(
      fc.property(value, style, fc.integer({ min: 1, max: 6 }), (input, chosen, maxDepth) => {
        const flowLevel = chosen === 'block' ? -1 : chosen === 'flow' ? 0 : 2;
        const text = yaml.dump(input, { flowLevel, noRefs: true });
        let parsed: unknown;
        try {
          parsed = yaml.load(text);
        } catch {
          fc.pre(false); // js-yaml's flow-style dump is not always loadable: skip those inputs
        }
        const problem = inspectDocument(parsed, limitsWithDepth(maxDepth), text);
        return depthOf(parsed) > maxDepth
          ? problem?.message.startsWith('nesting deeper') === true
          : problem === null;
      }),
      { numRuns: 400 },
    );
  });

  it('checks documents that use aliases by walking them (an alias adds depth without text)', () => {
    const text = 'a: &a {b: {c: {d: 1}}}\nx: {y: *a}\n';
    expect(inspectDocument(yaml.load(text), limitsWithDepth(4), text)).toMatchObject({
      path: ['x', 'y', 'b', 'c'],
    });
  });

  it.each([
    ['.inf', 'x: .inf\n'],
    ['-.Inf', 'x: [-.Inf]\n'],
    ['.nan', 'x: {y: .NaN}\n'],
  ])('refuses %s, which JSON cannot hold', (_label, text) => {
    expect(inspectDocument(yaml.load(text), DEFAULT_PARSE_LIMITS, text)).toMatchObject({
      code: 'yamlSyntax',
    });
  });

  it('accepts large but finite numbers, the string ".inf", and out-of-range literals (js-yaml keeps them as strings)', () => {
    const text = 'x: 1.5e300\ny: ".inf"\nz: 1.5e999\n';
    const value = yaml.load(text);
    expect(value).toEqual({ x: 1.5e300, y: '.inf', z: '1.5e999' });
    expect(inspectDocument(value, DEFAULT_PARSE_LIMITS, text)).toBeNull();
  });
});
