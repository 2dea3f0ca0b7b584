import { describe, expect, it } from 'vitest';
import { fixtureReader } from '../../../../test/support/read-fixture.js';
import { loadFixture } from '../testing/load-fixture.js';
import { findingsOf, type RuleCase } from '../testing/rule-table.js';
import { runRule } from '../testing/run-rule.js';
import { unreachableRulesRule } from './unreachable-rules.rule.js';

const fixture = fixtureReader(import.meta.url, 'unreachable-rules');

const vs = (http: string): string => `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: reviews, namespace: default}
spec:
  hosts: [reviews]
  http:
${http}`;

describe('virtual-service/unreachable-rules (IST0130/IST0131)', () => {
  const table: RuleCase[] = [
    { fixture: 'ok-ordered.yaml', expected: [] },
    {
      fixture: 'bad-shadowed.yaml',
      expected: [
        'MESH2103 VirtualService default/duplicate-match spec.http[1]',
        'MESH2103 VirtualService default/reviews spec.http[1]',
        'MESH2103 VirtualService default/tcp-twice spec.tcp[1]',
        'MESH2104 VirtualService default/duplicate-match spec.http[1].match[0]',
        'MESH2104 VirtualService default/overlapping spec.http[1].match[0]',
      ],
    },
  ];
  it.each(table)('$fixture', ({ fixture: name, expected }) => {
    expect(findingsOf(unreachableRulesRule, fixture(name))).toEqual([...expected].sort());
  });

  it('R5 a rule after a catch-all rule is unreachable (scenario 10)', () => {
    const text = vs(`  - route: [{destination: {host: reviews, subset: v3}}]
  - match: [{headers: {end-user: {exact: jason}}}]
    route: [{destination: {host: reviews, subset: v2}}]`);
    expect(findingsOf(unreachableRulesRule, text)).toEqual([
      'MESH2103 VirtualService default/reviews spec.http[1]',
    ]);
  });

  it('R5 prefix / without other conditions is catch-all, with a header it is not', () => {
    const catchAll = vs(`  - match: [{uri: {prefix: /}}]
    route: [{destination: {host: reviews}}]
  - match: [{uri: {prefix: /api}, headers: {x: {exact: y}}}]
    route: [{destination: {host: reviews}}]`);
    const notCatchAll = catchAll.replace(
      'match: [{uri: {prefix: /}}]',
      'match: [{uri: {prefix: /}, headers: {a: {exact: b}}}]',
    );
    expect(findingsOf(unreachableRulesRule, catchAll)).toEqual([
      'MESH2103 VirtualService default/reviews spec.http[1]',
    ]);
    expect(findingsOf(unreachableRulesRule, notCatchAll)).toEqual([]);
  });

  it('IST0131 names the rule and match as istioctl does', () => {
    const text = vs(`  - name: first
    match: [{name: m0, uri: {exact: /a}}]
    route: [{destination: {host: reviews}}]
  - name: second
    match: [{uri: {exact: /a}}, {uri: {exact: /b}}]
    route: [{destination: {host: reviews}}]`);
    const { findings } = runRule(unreachableRulesRule, loadFixture(text).resources);
    expect(findings.map((f) => [f.istioCode, f.path, f.message])).toEqual([
      [
        'IST0131',
        'spec.http[1].match[0]',
        'VirtualService rule "second" match #0 is not used (duplicate/overlapping match in rule "first").',
      ],
    ]);
  });

  it('matches equal after dropping zero values compare equal (proto JSON omits them)', () => {
    const text = vs(`  - match: [{uri: {exact: /a}, ignoreUriCase: false}]
    route: [{destination: {host: reviews}}]
  - match: [{uri: {exact: /a}}]
    route: [{destination: {host: reviews}}]`);
    expect(findingsOf(unreachableRulesRule, text)).toEqual([
      'MESH2103 VirtualService default/reviews spec.http[1]',
      'MESH2104 VirtualService default/reviews spec.http[1].match[0]',
    ]);
  });
});
