import { describe, expect, it } from 'vitest';
import { resolveGraph } from '../graph/resolve-graph.js';
import { readDestinationRules } from '../graph/destination-rules/read-destination-rules.js';
import { applyDelegation } from '../graph/virtual-services/delegation.js';
import { readVirtualServices } from '../graph/virtual-services/read-virtual-services.js';
import type { Resource } from '../model/resource.js';
import { loadResources } from '../testing/load-resources.js';
import { changedResourceIds } from './changed-resources.js';
import { targetDestinationRules, targetVirtualServices } from './target-routing-objects.js';

const BASE = `
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: { name: root, namespace: shop }
spec:
  hosts: [web]
  http:
  - match: [{ uri: { prefix: /api } }]
    delegate: { name: api, namespace: shop }
  - route: [{ destination: { host: web } }]
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: { name: api, namespace: shop }
spec:
  http:
  - route: [{ destination: { host: api, subset: v1 } }]
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: { name: plain, namespace: shop }
spec:
  hosts: [cart]
  http:
  - route: [{ destination: { host: cart, subset: v1 }, weight: 90 }, { destination: { host: cart, subset: v2 }, weight: 10 }]
---
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: { name: cart, namespace: shop }
spec:
  host: cart
  subsets: [{ name: v1, labels: { version: v1 } }, { name: v2, labels: { version: v2 } }]
---
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: { name: api, namespace: shop }
spec:
  host: api
  subsets: [{ name: v1, labels: { version: v1 } }]
`;

const base = loadResources(BASE);
const baseGraph = resolveGraph(base);

/** The base with one object's body replaced (or the object removed when `body` is null). */
function edit(name: string, kind: string, body: string | null): Resource[] {
  const others = base.filter((r) => !(r.key.name === name && r.key.kind === kind));
  return body === null ? others : [...others, ...loadResources(body)];
}

function fullRead(target: readonly Resource[]): string {
  const { meshConfig, clusterDomain } = baseGraph;
  return JSON.stringify(applyDelegation(readVirtualServices(target, meshConfig, clusterDomain)));
}

function sorted(text: string): string {
  const items = JSON.parse(text) as { id: string }[];
  return JSON.stringify(items.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)));
}

/** The `plain` VirtualService of BASE with its weights at 50/50. */
const PLAIN_5050 = (BASE.split('---')[2] ?? '')
  .replace('weight: 90', 'weight: 50')
  .replace('weight: 10', 'weight: 50');

describe('target VirtualServices and DestinationRules from the base reading (R6 delegation aware)', () => {
  it('keeps the base reading of unchanged VirtualServices when no delegation is involved', () => {
    const target = edit('plain', 'VirtualService', PLAIN_5050);
    const changed = changedResourceIds(base, target);
    const infos = targetVirtualServices(baseGraph, target, changed);
    expect(sorted(JSON.stringify(infos))).toBe(sorted(fullRead(target)));
    const root = infos.find((vs) => vs.name === 'root');
    expect(root).toBe(baseGraph.virtualServices.byId.get('shop/root'));
    expect(infos.find((vs) => vs.name === 'plain')?.http[0]?.destinations[0]?.weight).toBe(50);
  });

  it.each([
    [
      'a delegate changes (R6: its roots change)',
      'api',
      'VirtualService',
      BASE.split('---')[1] ?? '',
    ],
    ['a delegate is removed', 'api', 'VirtualService', null],
    [
      'a root changes',
      'root',
      'VirtualService',
      BASE.split('---')[0]?.replace('/api', '/v2') ?? '',
    ],
    [
      'a VirtualService becomes a delegate',
      'plain',
      'VirtualService',
      PLAIN_5050.replace('hosts: [cart]', ''),
    ],
  ])('reads again when %s', (_what, name, kind, body) => {
    const changedBody = body === null ? null : body.replace('subset: v1', 'subset: v9');
    const target = edit(name, kind, changedBody);
    const changed = changedResourceIds(base, target);
    expect(changed.size).toBeGreaterThan(0);
    const infos = targetVirtualServices(baseGraph, target, changed);
    expect(sorted(JSON.stringify(infos))).toBe(sorted(fullRead(target)));
    expect(infos.every((vs) => baseGraph.virtualServices.byId.get(vs.id) !== vs)).toBe(true);
  });

  it('reads only changed DestinationRules and equals a full reading', () => {
    const target = edit(
      'cart',
      'DestinationRule',
      BASE.split('---')[3]?.replace('version: v2', 'version: v3') ?? '',
    );
    const changed = changedResourceIds(base, target);
    const rules = targetDestinationRules(baseGraph, target, changed);
    const { meshConfig, clusterDomain } = baseGraph;
    expect(JSON.stringify(rules)).toBe(
      JSON.stringify(readDestinationRules(target, meshConfig, clusterDomain)),
    );
    expect(rules.find((r) => r.key.name === 'api')).toBe(
      baseGraph.destinationRules.rules.find((r) => r.key.name === 'api'),
    );
  });
});
