import { describe, expect, it } from 'vitest';
import { fixtureReader } from '../../../../test/support/read-fixture.js';
import { findingsOf, type RuleCase } from '../testing/rule-table.js';
import { sidecarHidesRoutedHostRule } from './hides-routed-host.rule.js';

const fixture = fixtureReader(import.meta.url, 'hides-routed-host');

describe('sidecar/hides-routed-host (own: R8 egress imports)', () => {
  const table: RuleCase[] = [
    { fixture: 'ok-imported.yaml', expected: [] },
    { fixture: 'bad-hidden.yaml', expected: ['MESH1214 Sidecar default/default spec.egress'] },
  ];
  it.each(table)('$fixture', ({ fixture: file, expected }) => {
    expect(findingsOf(sidecarHidesRoutedHostRule, fixture(file))).toEqual([...expected].sort());
  });
});
