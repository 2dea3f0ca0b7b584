import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findingsOf, type RuleCase } from '../testing/rule-table.js';
import { sidecarHidesRoutedHostRule } from './hides-routed-host.rule.js';

const fixture = (file: string): string =>
  readFileSync(new URL(`./__fixtures__/hides-routed-host/${file}`, import.meta.url), 'utf8');

describe('sidecar/hides-routed-host (own: R8 egress imports)', () => {
  const table: RuleCase[] = [
    { fixture: 'ok-imported.yaml', expected: [] },
    { fixture: 'bad-hidden.yaml', expected: ['MESH1214 Sidecar default/default spec.egress'] },
  ];
  it.each(table)('$fixture', ({ fixture: file, expected }) => {
    expect(findingsOf(sidecarHidesRoutedHostRule, fixture(file))).toEqual([...expected].sort());
  });
});
