import { describe, expect, it } from 'vitest';
import { fixtureReader } from '../../../../test/support/read-fixture.js';
import { findingsOf, type RuleCase } from '../testing/rule-table.js';
import { patchOperationsRule } from './patch-operations.rule.js';

const fixture = fixtureReader(import.meta.url, 'patch-operations');

describe('envoy-filter/patch-operations (IST0151–IST0155)', () => {
  const table: RuleCase[] = [
    { fixture: 'ok-absolute-or-prioritised.yaml', expected: [] },
    {
      fixture: 'bad-operations.yaml',
      expected: [
        'MESH2205 EnvoyFilter bookinfo/relative spec.configPatches[0].patch.operation',
        'MESH2206 EnvoyFilter bookinfo/replace-cluster spec.configPatches[0].patch.operation',
        'MESH2207 EnvoyFilter bookinfo/route-level spec.configPatches[0].patch.operation',
        'MESH2208 EnvoyFilter bookinfo/route-level spec.configPatches[1].patch.operation',
        'MESH2209 EnvoyFilter bookinfo/relative spec.configPatches[1].patch.operation',
      ],
    },
  ];
  it.each(table)('$fixture', ({ fixture: file, expected }) => {
    expect(findingsOf(patchOperationsRule, fixture(file))).toEqual([...expected].sort());
  });
});
