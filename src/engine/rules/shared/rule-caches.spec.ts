import { describe, expect, it } from 'vitest';
import { meshConfigObject } from '../../analyze/mesh-config-object.js';
import { resolveGraph } from '../../graph/resolve-graph.js';
import type { Finding } from '../finding.js';
import { destinationRuleHostExistsRule } from '../destination-rule/host-exists.rule.js';
import type { Rule } from '../rule.js';
import { createRuleContext } from '../rule-context.js';
import { buildSnapshotView } from '../snapshot-view.js';
import { subsetSelectsWorkloadsRule } from '../destination-rule/subset-selects-workloads.rule.js';
import { loadFixture } from '../testing/load-fixture.js';
import { describeFinding, runRule } from '../testing/run-rule.js';
import { destinationHostExistsRule } from '../virtual-service/destination-host-exists.rule.js';
import { routedSubsetWorkloadsRule } from '../virtual-service/routed-subset-workloads.rule.js';

// The caches behind findService, destinationsOf and subset endpoint matching are keyed by the
// immutable objects they read: one object shared by two snapshots must still be judged against
// each snapshot's own registry and workloads.
const objects = loadFixture(`
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: { name: reviews, namespace: default }
spec:
  hosts: [reviews]
  http:
    - route:
        - destination: { host: reviews, subset: v1 }
---
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: { name: reviews, namespace: default }
spec:
  host: reviews
  subsets:
    - name: v1
      labels: { version: v1 }
---
apiVersion: v1
kind: Service
metadata: { name: reviews, namespace: default }
spec:
  selector: { app: reviews }
  ports: [{ port: 9080 }]
---
apiVersion: v1
kind: Pod
metadata: { name: reviews-v1, namespace: default, labels: { app: reviews, version: v1 } }
---
apiVersion: v1
kind: Pod
metadata: { name: reviews-v2, namespace: default, labels: { app: reviews, version: v2 } }
`).resources;

const [vs, dr, service, podV1, podV2] = objects;
const snapshot = (...list: (typeof objects)[number][]): typeof objects => list;

describe('rule caches keyed by shared objects (findService, destinationsOf, subset endpoints)', () => {
  it('destination-host-exists judges one VirtualService object against each snapshot registry', () => {
    if (vs === undefined || service === undefined) {
      throw new Error('fixture');
    }
    const run = (list: typeof objects): string[] =>
      runRule(destinationHostExistsRule, list).findings.map(describeFinding);
    expect(run(snapshot(vs, service))).toEqual([]);
    expect(run(snapshot(vs))).toEqual([
      'MESH1101 VirtualService default/reviews spec.http[0].route[0].destination.host',
    ]);
    expect(run(snapshot(vs, service))).toEqual([]);
  });

  it('subset-selects-workloads and routed-subset-workloads match one subset against each snapshot workloads', () => {
    if ([vs, dr, service, podV1, podV2].some((r) => r === undefined)) {
      throw new Error('fixture');
    }
    const both = (list: typeof objects): number[] =>
      [subsetSelectsWorkloadsRule, routedSubsetWorkloadsRule].map(
        (rule) => runRule(rule, list).findings.length,
      );
    const routing = objects.slice(0, 3);
    expect(both([...routing, ...objects.slice(3, 5)])).toEqual([0, 0]);
    expect(both([...routing, ...objects.slice(4, 5)])).toEqual([1, 1]);
    expect(both([...routing, ...objects.slice(3, 4)])).toEqual([0, 0]);
  });

  it('DestinationRule rules find the reading of a DestinationRule the graph read from a copy', () => {
    /** `rule` over `list`, with a graph resolved from copies of the objects (other key objects). */
    const run = (rule: Rule, list: typeof objects): string[] => {
      const graph = resolveGraph(list.map((r) => ({ ...r, key: { ...r.key } })));
      const options = {
        meshConfig: meshConfigObject(list, graph.rootNamespace, undefined),
        istioNamespace: graph.rootNamespace,
      };
      const findings: Finding[] = [];
      const view = buildSnapshotView(list, graph, options);
      rule.check(createRuleContext(view, rule, (f) => findings.push(f)));
      return findings.map(describeFinding);
    };
    expect(run(subsetSelectsWorkloadsRule, objects)).toEqual([]);
    expect(run(subsetSelectsWorkloadsRule, [...objects.slice(0, 3), ...objects.slice(4)])).toEqual([
      'MESH1112 DestinationRule default/reviews spec.subsets[0]',
    ]);
    expect(run(destinationRuleHostExistsRule, objects)).toEqual([]);
    expect(run(destinationRuleHostExistsRule, objects.slice(0, 2))).toEqual([
      'MESH1111 DestinationRule default/reviews spec.host',
    ]);
  });
});
