import { describe, expect, it } from 'vitest';
import { app, destinationRule, graphOf, namespace, yamlOf } from '../../testing/mesh-builders.js';
import { destinationRuleFor, destinationWorkloads } from '../routing/destination-workloads.js';
import type { EffectiveDestination } from '../routing/route-types.js';

const HOST = 'reviews.a.svc.cluster.local';
const subsets = (...names: string[]) => names.map((name) => ({ name, labels: { version: name } }));
const fromNs = (ns: string) => ({ namespace: ns, labels: {} });

// destinationRule / setDestinationRules (P/model/push_context.go); mergeDestinationRule (P/model/destination_rule.go).
describe('R7 DestinationRule lookup and merge', () => {
  const tiers = yamlOf(
    namespace('istio-system', {}),
    ...app('a', 'reviews', ['v1', 'v2']),
    destinationRule('a', 'in-service-ns', { host: 'reviews', subsets: subsets('v1') }),
    destinationRule('c', 'in-client-ns', { host: HOST }),
    destinationRule('istio-system', 'mesh-wide', { host: '*.local', subsets: subsets('v2') }),
    destinationRule('istio-system', 'root-private', {
      host: HOST,
      exportTo: ['.'],
      subsets: subsets('v2'),
    }),
  );

  it('R7 the client namespace tier wins, then the service namespace, then the root namespace', () => {
    const graph = graphOf(tiers);
    expect(destinationRuleFor(graph, fromNs('c'), HOST, 'a')?.from).toEqual(['c/in-client-ns']);
    expect(destinationRuleFor(graph, fromNs('d'), HOST, 'a')?.from).toEqual(['a/in-service-ns']);
    expect(destinationRuleFor(graph, fromNs('d'), 'other.b.svc.cluster.local', 'b')?.from).toEqual([
      'istio-system/mesh-wide',
    ]);
  });

  it('R7 a root-namespace client first sees root-local rules', () => {
    const graph = graphOf(tiers);
    expect(destinationRuleFor(graph, fromNs('istio-system'), HOST, 'a')?.from).toEqual([
      'istio-system/root-private',
    ]);
  });

  it('R7 there is no inheritance across tiers: the winning rule lacks the subset', () => {
    const graph = graphOf(tiers);
    const service = graph.services.byHost.get(HOST)?.[0] ?? null;
    const destination: EffectiveDestination = {
      host: HOST,
      subset: 'v1',
      port: 80,
      weight: 100,
      writtenWeight: null,
      service,
    };
    expect(destinationWorkloads(graph, fromNs('c'), destination)).toMatchObject({
      subsetFound: false,
      workloads: [],
    });
    expect(
      destinationWorkloads(graph, fromNs('d'), destination).workloads.map((w) => w.id),
    ).toEqual(['a/reviews-v1']);
  });

  it('R7 inside a tier the exact host beats the most specific wildcard', () => {
    const graph = graphOf(
      yamlOf(
        destinationRule('a', 'aaa-wildcard', { host: '*.a.svc.cluster.local' }),
        destinationRule('a', 'zzz-exact', { host: 'reviews' }),
      ),
    );
    expect(destinationRuleFor(graph, fromNs('b'), HOST, 'a')?.from).toEqual(['a/zzz-exact']);
    expect(
      destinationRuleFor(graph, fromNs('b'), 'ratings.a.svc.cluster.local', 'a')?.from,
    ).toEqual(['a/aaa-wildcard']);
  });

  it('R7 same host in one namespace: subsets concatenate (first wins), first trafficPolicy wins', () => {
    const graph = graphOf(
      yamlOf(
        destinationRule('a', 'first', {
          host: 'reviews',
          subsets: [{ name: 'v1', labels: { version: 'v1' } }],
        }),
        destinationRule('a', 'second', {
          host: 'reviews',
          trafficPolicy: { tls: { mode: 'DISABLE' } },
          subsets: [
            { name: 'v1', labels: { version: 'other' } },
            { name: 'v2', labels: { version: 'v2' } },
          ],
        }),
        destinationRule('a', 'third', {
          host: 'reviews',
          trafficPolicy: { tls: { mode: 'SIMPLE' } },
        }),
      ),
    );
    const merged = destinationRuleFor(graph, fromNs('b'), HOST, 'a');
    expect(merged?.from).toEqual(['a/first', 'a/second', 'a/third']);
    expect(merged?.subsets.map((s) => [s.name, s.labels['version']])).toEqual([
      ['v1', 'v1'],
      ['v2', 'v2'],
    ]);
    expect(merged?.trafficPolicy).toEqual({ tls: { mode: 'DISABLE' } });
    expect(merged?.note).toContain('R12');
  });

  it('R7 rules merge only with equal exportTo; a strict superset is merged and also kept on its own', () => {
    const graph = graphOf(
      yamlOf(
        destinationRule('a', 'narrow', {
          host: 'reviews',
          exportTo: ['b'],
          subsets: subsets('v1'),
        }),
        destinationRule('a', 'wide', {
          host: 'reviews',
          exportTo: ['b', 'c'],
          subsets: subsets('v2'),
        }),
        destinationRule('a', 'other', { host: 'reviews', exportTo: ['d'], subsets: subsets('v3') }),
      ),
    );
    const entries = graph.destinationRules.exportedByNamespace.get('a')?.match(HOST) ?? [];
    expect(entries.map((e) => e.from)).toEqual([['a/narrow', 'a/wide'], ['a/other'], ['a/wide']]);
    expect(destinationRuleFor(graph, fromNs('c'), HOST, 'a')?.from).toEqual(['a/wide']);
    expect(destinationRuleFor(graph, fromNs('d'), HOST, 'a')?.from).toEqual(['a/other']);
  });

  it('R7 a rule with a workloadSelector applies to matching clients of its namespace first', () => {
    const graph = graphOf(
      yamlOf(
        destinationRule('c', 'zzz-for-all', { host: HOST }),
        destinationRule('c', 'aaa-for-canary', {
          host: HOST,
          workloadSelector: { matchLabels: { track: 'canary' } },
        }),
      ),
    );
    expect(
      destinationRuleFor(graph, { namespace: 'c', labels: { track: 'canary' } }, HOST, 'a')?.from,
    ).toEqual(['c/aaa-for-canary']);
    expect(destinationRuleFor(graph, { namespace: 'c', labels: {} }, HOST, 'a')?.from).toEqual([
      'c/zzz-for-all',
    ]);
    // Gateways ignore DestinationRule selectors.
    expect(destinationRuleFor(graph, { namespace: 'c', labels: null }, HOST, 'a')?.from).toEqual([
      'c/zzz-for-all',
    ]);
  });

  it('R7 subset traffic policy overrides the top level, port-level settings replace the level they are in', () => {
    const graph = graphOf(
      yamlOf(
        ...app('a', 'reviews', ['v1', 'v2']),
        destinationRule('a', 'reviews', {
          host: 'reviews',
          trafficPolicy: {
            tls: { mode: 'ISTIO_MUTUAL' },
            portLevelSettings: [{ port: { number: 9443 }, tls: { mode: 'SIMPLE' } }],
          },
          subsets: [
            { name: 'v1', labels: { version: 'v1' } },
            { name: 'v2', labels: { version: 'v2' }, trafficPolicy: { tls: { mode: 'DISABLE' } } },
          ],
        }),
      ),
    );
    const service = graph.services.byHost.get(HOST)?.[0] ?? null;
    const mode = (subset: string | null, port: number) =>
      destinationWorkloads(graph, fromNs('b'), {
        host: HOST,
        subset,
        port,
        weight: 100,
        writtenWeight: null,
        service,
      }).tlsMode;
    expect(mode(null, 80)).toBe('ISTIO_MUTUAL');
    expect(mode(null, 9443)).toBe('SIMPLE');
    expect(mode('v2', 80)).toBe('DISABLE');
    expect(mode('v1', 80)).toBe('ISTIO_MUTUAL');
  });

  it('R7 subset endpoints are the service endpoints whose labels match the subset, in the service namespace', () => {
    const graph = graphOf(
      yamlOf(
        ...app('a', 'reviews', ['v1', 'v2']),
        ...app('b', 'reviews', ['v1']),
        destinationRule('a', 'reviews', { host: 'reviews', subsets: subsets('v1', 'v2') }),
      ),
    );
    const service = graph.services.byHost.get(HOST)?.[0] ?? null;
    const v1 = destinationWorkloads(graph, fromNs('a'), {
      host: HOST,
      subset: 'v1',
      port: 80,
      weight: 100,
      writtenWeight: null,
      service,
    });
    expect(v1.workloads.map((w) => w.id)).toEqual(['a/reviews-v1']);
  });
});
