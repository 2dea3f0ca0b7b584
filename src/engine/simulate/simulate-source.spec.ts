import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveGraph } from '../graph/resolve-graph.js';
import { loadFolder, SCENARIOS_DIR } from '../../../test/support/engine-fixtures.js';
import { parseSimulateSource, resolveSimulationProxy } from './simulate-source.js';
import { simulateRequest } from './simulate-request.js';

const graph = resolveGraph(loadFolder(join(SCENARIOS_DIR, '01-canary-10-percent', 'before')));

describe('simulate sources (contracts/simulate.md SRC)', () => {
  it.each([
    ['default/productpage-v1', { kind: 'workload', id: 'default/productpage-v1' }],
    [
      'external:default/bookinfo-gateway',
      { kind: 'external', gateway: 'default/bookinfo-gateway' },
    ],
    ['mesh:default', { kind: 'mesh', namespace: 'default' }],
  ])('parses %s', (from, expected) => {
    expect(parseSimulateSource(from)).toEqual({ ok: true, value: expected });
  });

  it.each(['productpage', 'a/b/c', 'external:gw', 'mesh:', 'mesh:a/b', 'Default/x', ''])(
    'rejects %j',
    (from) => {
      const result = parseSimulateSource(from);
      expect(result.ok ? null : result.error.code).toBe('INVALID_SOURCE');
    },
  );

  it.each([
    ['default/nope', 'UNKNOWN_WORKLOAD'],
    ['external:default/nope', 'UNKNOWN_GATEWAY'],
    ['istio-system/istio-ingressgateway', 'GATEWAY_PROXY_SOURCE'],
  ])('a source the snapshot does not have is an input error: %s', (from, code) => {
    const result = simulateRequest(graph, { from, host: 'reviews' });
    expect(result.ok ? null : result.error.code).toBe(code);
  });

  it('a gateway proxy never acts as a sidecar client; the error names the Gateway to use', () => {
    const result = resolveSimulationProxy(graph, 'istio-system/istio-ingressgateway');
    expect(result.ok ? '' : result.error.message).toContain('external:default/bookinfo-gateway');
  });

  it('sourceLabels extend the labels routing reads for mesh: sources', () => {
    const result = resolveSimulationProxy(graph, 'mesh:default', { version: 'v1' });
    expect(result.ok && result.value.labels).toEqual({ version: 'v1' });
  });

  it('a workload without sidecar is a plain client: kube-proxy, no VirtualService, plaintext', () => {
    const plain = resolveGraph(
      loadFolder(join(SCENARIOS_DIR, '01-canary-10-percent', 'before')).map((r) =>
        r.key.kind === 'Namespace' && r.key.name === 'default'
          ? { ...r, body: { ...r.body, metadata: { name: 'default', labels: {} } } }
          : r,
      ),
    );
    const result = simulateRequest(plain, {
      from: 'default/productpage-v1',
      host: 'reviews',
      port: 9080,
    });
    expect(result.ok).toBe(true);
    const value = result.ok ? result.value : null;
    expect(value?.source).toMatchObject({ kind: 'plain', identity: null });
    expect(value?.match).toBeNull();
    expect(value?.destinations.map((d) => [d.subset, d.workloads])).toEqual([
      [null, ['default/reviews-v1', 'default/reviews-v2', 'default/reviews-v3']],
    ]);
    expect(value?.tls?.client).toBe('DISABLE');
  });
});

describe('request defaults and validation', () => {
  it.each([
    [{ port: 0 }, 'invalid port 0'],
    [{ port: 70000 }, 'invalid port 70000'],
    [{ path: 'nope' }, 'invalid path "nope": it must start with /'],
    [{ host: 'bad host' }, 'invalid host "bad host"'],
  ])('rejects %j', (patch, message) => {
    const result = simulateRequest(graph, { from: 'mesh:default', host: 'reviews', ...patch });
    expect(result.ok ? null : result.error).toEqual({ code: 'INVALID_REQUEST', message });
  });

  it('defaults: GET / over http; a port in the authority wins over the default 80', () => {
    const result = simulateRequest(graph, { from: 'mesh:default', host: 'Reviews:9080' });
    expect(result.ok && result.value.request).toEqual({
      host: 'Reviews:9080',
      port: 9080,
      method: 'GET',
      path: '/',
      headers: {},
      scheme: 'http',
    });
    expect(result.ok && result.value.outcome).toBe('route');
  });
});
