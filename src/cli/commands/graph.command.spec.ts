import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../engine/index.js';
import { EXIT_ERROR, EXIT_OK } from '../exit-codes.js';
import type { CommandIo } from '../graph-output/command-io.js';
import { runGraph } from './graph.command.js';

const SCENARIOS = fileURLToPath(new URL('../../../../shared/scenarios/', import.meta.url));
const BEFORE = `${SCENARIOS}07-allow-nothing-policy/before`;
const AFTER = `${SCENARIOS}07-allow-nothing-policy/after`;

function capture(): CommandIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: (t) => out.push(t), stderr: (t) => err.push(t) };
}

async function graphJson(dir: string): Promise<JsonObject> {
  const io = capture();
  expect(await runGraph([dir], { format: 'json', namespace: 'default' }, io)).toBe(EXIT_OK);
  return JSON.parse(io.out.join('')) as JsonObject;
}

interface GraphJson {
  services: { host: string; workloads: string[] }[];
  workloads: { id: string; gatewayProxy: boolean }[];
  gateways: { id: string; proxies: string[]; exposures: { host: string; port: number }[] }[];
  virtualServices: { id: string }[];
  destinationRules: { id: string }[];
  reachability: { edges: { from: string; to: string }[]; unreachable: string[] };
}

describe('meshlens graph --format json', () => {
  it('lists services with their workloads, gateways with exposures, VirtualServices and DestinationRules', async () => {
    const doc = (await graphJson(BEFORE)) as unknown as GraphJson;
    expect(
      doc.services.find((s) => s.host === 'reviews.default.svc.cluster.local')?.workloads,
    ).toEqual(['default/reviews-v1', 'default/reviews-v2', 'default/reviews-v3']);
    expect(doc.gateways).toEqual([
      expect.objectContaining({
        id: 'default/bookinfo-gateway',
        proxies: ['istio-system/istio-ingressgateway'],
        exposures: [expect.objectContaining({ host: '*', port: 8080 })],
      }),
    ]);
    expect(doc.virtualServices.map((v) => v.id)).toEqual([
      'default/bookinfo',
      'default/details',
      'default/productpage',
      'default/ratings',
      'default/reviews',
    ]);
    expect(doc.destinationRules.map((d) => d.id)).toContain('default/reviews');
  });

  it('carries the reachability edges: the gateway reaches productpage before the allow-nothing policy, not after', async () => {
    const edge = { from: 'external:default/bookinfo-gateway', to: 'default/productpage-v1' };
    const before = (await graphJson(BEFORE)) as unknown as GraphJson;
    expect(before.reachability.edges).toContainEqual(expect.objectContaining(edge));
    const after = (await graphJson(AFTER)) as unknown as GraphJson;
    expect(after.reachability.edges).not.toContainEqual(expect.objectContaining(edge));
    expect(after.reachability.unreachable).toContain('default/productpage-v1');
  });

  it('is deterministic', async () => {
    const a = capture();
    const b = capture();
    await runGraph([BEFORE], { format: 'json', namespace: 'default' }, a);
    await runGraph([BEFORE], { format: 'json', namespace: 'default' }, b);
    expect(a.out.join('')).toBe(b.out.join(''));
  });
});

describe('meshlens graph --format dot|mermaid', () => {
  it('dot: gateway → host → workload edges', async () => {
    const io = capture();
    expect(await runGraph([BEFORE], { format: 'dot', namespace: 'default' }, io)).toBe(EXIT_OK);
    const dot = io.out.join('');
    expect(dot.startsWith('digraph meshlens {\n')).toBe(true);
    expect(dot).toContain(
      '"external:default/bookinfo-gateway" -> "host:productpage.default.svc.cluster.local" [label=":9080"];',
    );
    expect(dot).toContain(
      '"host:reviews.default.svc.cluster.local" -> "default/reviews-v1" [label="v1"];',
    );
  });

  it('mermaid: a flowchart; unreachable workloads are dashed', async () => {
    const io = capture();
    expect(await runGraph([AFTER], { format: 'mermaid', namespace: 'default' }, io)).toBe(EXIT_OK);
    const text = io.out.join('');
    expect(text.split('\n')[0]).toBe('flowchart LR');
    expect(text).toContain('{{"external:default/bookinfo-gateway"}}');
    expect(text).toMatch(/class .+ unreachable/);
  });

  it('exits 2 for an unknown format', async () => {
    const io = capture();
    expect(await runGraph([BEFORE], { format: 'svg', namespace: 'default' }, io)).toBe(EXIT_ERROR);
    expect(io.err.join('')).toBe(
      'meshlens graph: --format must be one of json, dot, mermaid, not "svg"\n',
    );
  });
});
