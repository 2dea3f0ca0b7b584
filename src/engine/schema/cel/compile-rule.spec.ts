import { describe, expect, it } from 'vitest';
import { ISTIO_CRDS } from '../istio-crd-catalog.js';
import { checkStructure } from '../structural-check.js';
import { buildStructuralPlan, type StructuralNode } from '../structural-plan.js';
import type { SchemaViolation } from '../schema-violation.js';
import { compileAllIstioSchemas } from '../validate-istio-object.js';
import { compileRule, skippedRules } from './compile-rule.js';

function violations(plan: StructuralNode | null, value: unknown): SchemaViolation[] {
  const found: SchemaViolation[] = [];
  if (plan !== null) {
    checkStructure(plan, value, [], found);
  }
  return found;
}

describe('CEL rules (x-kubernetes-validations)', () => {
  it('compiles every rule of the Istio CRD file: none skipped', () => {
    compileAllIstioSchemas(ISTIO_CRDS.schemas.length);
    expect(skippedRules()).toEqual([]);
  });

  it('binds self to the node the rule is attached to and words failures as the API server does', () => {
    const plan = buildStructuralPlan({
      type: 'object',
      properties: {
        port: {
          type: 'integer',
          'x-kubernetes-validations': [
            { rule: '0 < self && self <= 65535', message: 'port must be between 1-65535' },
          ],
        },
      },
    });
    expect(violations(plan, { port: 80 })).toEqual([]);
    expect(violations(plan, { port: 70000 })).toEqual([
      { path: ['port'], message: 'port: Invalid value: "integer": port must be between 1-65535' },
    ]);
  });

  it('uses messageExpression, fieldPath and reason when a rule gives them', () => {
    const plan = buildStructuralPlan({
      type: 'object',
      'x-kubernetes-validations': [
        {
          rule: 'self.min <= self.max',
          messageExpression: "'min ' + string(self.min) + ' exceeds max ' + string(self.max)",
          fieldPath: '.min',
          reason: 'FieldValueForbidden',
        },
      ],
      properties: { min: { type: 'integer' }, max: { type: 'integer' } },
    });
    expect(violations(plan, { min: 5, max: 2 })).toEqual([
      { path: ['min'], message: 'min: Forbidden: min 5 exceeds max 2' },
    ]);
  });

  it('without a message says which rule failed', () => {
    const plan = buildStructuralPlan({
      type: 'string',
      'x-kubernetes-validations': [{ rule: 'self != "*"' }],
    });
    expect(violations(plan, '*')[0]?.message).toBe(
      ': Invalid value: "string": failed rule: self != "*"',
    );
  });

  it('reports evaluation errors as the API server does ("<error> evaluating rule: <message>")', () => {
    const plan = buildStructuralPlan({
      type: 'object',
      additionalProperties: { type: 'object' },
      'x-kubernetes-validations': [
        {
          rule: 'self.all(key, 0 < int(key) && int(key) <= 65535)',
          message: 'port must be between 1-65535',
        },
      ],
    });
    expect(violations(plan, { http: {} })[0]?.message).toBe(
      ": Invalid value: \"object\": type conversion error from 'string' to 'int' evaluating rule: port must be between 1-65535",
    );
  });

  it('does not evaluate rules on null values (the API server skips them)', () => {
    const plan = buildStructuralPlan({
      type: 'string',
      nullable: true,
      'x-kubernetes-validations': [{ rule: 'self.size() > 0' }],
    });
    expect(violations(plan, null)).toEqual([]);
  });

  it('checks x-kubernetes-list-type map keys and set items for duplicates', () => {
    const plan = buildStructuralPlan({
      type: 'object',
      properties: {
        ports: {
          type: 'array',
          'x-kubernetes-list-type': 'map',
          'x-kubernetes-list-map-keys': ['name'],
          items: { type: 'object' },
        },
        tags: { type: 'array', 'x-kubernetes-list-type': 'set', items: { type: 'string' } },
      },
    });
    expect(
      violations(plan, {
        ports: [
          { name: 'a', number: 1 },
          { name: 'a', number: 2 },
        ],
        tags: ['x', 'x'],
      }),
    ).toEqual([
      { path: ['ports', 1], message: 'ports[1]: Duplicate value: {"name":"a"}' },
      { path: ['tags', 1], message: 'tags[1]: Duplicate value: "x"' },
    ]);
  });

  it('skips transition rules (oldSelf) and rules calling functions the environment lacks, without failing', () => {
    const before = skippedRules().length;
    expect(compileRule({ rule: 'self == oldSelf' }, false)).toBeNull();
    expect(compileRule({ rule: 'isCIDR(self)' }, false)).toBeNull();
    expect(compileRule({ rule: 'self.size() >' }, false)).toBeNull();
    expect(
      skippedRules()
        .slice(before)
        .map((skipped) => skipped.rule),
    ).toEqual(['self == oldSelf', 'isCIDR(self)', 'self.size() >']);
  });

  it('Kubernetes URL library: url(), isURL() and getScheme() follow Go url.ParseRequestURI', () => {
    const rule = compileRule(
      {
        rule: 'isURL(self) && url(self).getScheme() in ["http", "https"] && url(self).getHost() != ""',
        message: 'bad url',
      },
      false,
    );
    expect(rule?.check('https://example.com:8443/x')).toBeNull();
    expect(rule?.check('fake://example.com')?.detail).toBe('bad url');
    expect(rule?.check('/relative/path')?.detail).toBe('bad url');
    expect(rule?.check('http://#%blah$#@')?.detail).toBe('bad url');
  });
});
