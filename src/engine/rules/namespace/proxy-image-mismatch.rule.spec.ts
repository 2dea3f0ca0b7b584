import { describe, expect, it } from 'vitest';
import { fixtureReader } from '../../../../test/support/read-fixture.js';
import { loadFixture } from '../testing/load-fixture.js';
import { findingsOf, type RuleCase } from '../testing/rule-table.js';
import { runRule } from '../testing/run-rule.js';
import { proxyImageMismatchRule } from './proxy-image-mismatch.rule.js';

const fixture = fixtureReader(import.meta.url, 'proxy-image-mismatch');

describe('namespace/proxy-image-mismatch (IST0158)', () => {
  const table: RuleCase[] = [
    { fixture: 'ok-current-proxies.yaml', expected: [] },
    { fixture: 'bad-old-proxies.yaml', expected: ['MESH4108 Namespace shop metadata.name'] },
  ];
  it.each(table)('$fixture', ({ fixture: name, expected }) => {
    expect(findingsOf(proxyImageMismatchRule, fixture(name))).toEqual([...expected].sort());
  });

  it('lists the outdated pods of the namespace, sorted', () => {
    const { resources } = loadFixture(fixture('bad-old-proxies.yaml'));
    const [finding] = runRule(proxyImageMismatchRule, resources).findings;
    expect(finding?.params).toEqual({ pods: ['cart-1', 'cart-2'] });
  });

  it('compares nothing when the injector values cannot be read or no injector is present', () => {
    const unreadable = fixture('bad-old-proxies.yaml').replace(
      /values: '.*'/,
      "values: 'not json'",
    );
    expect(findingsOf(proxyImageMismatchRule, unreadable)).toEqual([]);
    const withoutInjector = fixture('bad-old-proxies.yaml').replace(
      'name: istio-sidecar-injector',
      'name: unrelated',
    );
    expect(findingsOf(proxyImageMismatchRule, withoutInjector)).toEqual([]);
  });
});
