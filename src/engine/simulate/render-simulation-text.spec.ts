import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveGraph } from '../graph/resolve-graph.js';
import { loadFolder, SCENARIOS_DIR } from '../../../test/support/engine-fixtures.js';
import { renderSimulationText } from './render-simulation-text.js';
import { simulateRequest } from './simulate-request.js';

function textFor(version: 'before' | 'after', scenario = '01-canary-10-percent'): string {
  const graph = resolveGraph(loadFolder(join(SCENARIOS_DIR, scenario, version)));
  const result = simulateRequest(graph, {
    from: 'default/productpage-v1',
    host: 'reviews',
    port: 9080,
  });
  if (!result.ok) {
    throw new Error(result.error.message);
  }
  return renderSimulationText(result.value);
}

describe('text trace', () => {
  it('shows the request, outcome, matched rule, weighted destinations and verdicts', () => {
    const text = textFor('after');
    expect(text.split('\n').slice(0, 7)).toEqual([
      'GET http://reviews:9080/ from default/productpage-v1 (sidecar)',
      'outcome:       route',
      'host:          reviews.default.svc.cluster.local (virtual host reviews.default.svc.cluster.local)',
      'matched:       VirtualService default/reviews http[0] on mesh',
      'rules:',
      '  match    default/reviews http[0]: route has no match conditions (catch-all)',
      'destinations:',
    ]);
    expect(text).toContain(
      '   90%  reviews.default.svc.cluster.local:9080 subset v1 -> default/reviews-v1 [DestinationRule default/reviews]',
    );
    expect(text).toContain('tls:           client ISTIO_MUTUAL, server PERMISSIVE: compatible');
    expect(text).toContain('authorization: allowed (no policy applies)');
    expect(text.endsWith('\n')).toBe(true);
  });

  it('marks a refused TLS handshake', () => {
    const graph = resolveGraph(
      loadFolder(join(SCENARIOS_DIR, '06-strict-mtls-vs-plaintext-client', 'after')),
    );
    const result = simulateRequest(graph, {
      from: 'default/reviews-v1',
      host: 'ratings',
      port: 9080,
    });
    const text = result.ok ? renderSimulationText(result.value) : '';
    expect(text).toContain('outcome:       tls-mismatch');
    expect(text).toContain('tls:           client DISABLE, server STRICT: REFUSED');
  });
});
