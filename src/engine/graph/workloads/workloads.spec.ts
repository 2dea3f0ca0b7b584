import { describe, expect, it } from 'vitest';
import {
  deployment,
  graphOf,
  istioObject,
  namespace,
  yamlOf,
} from '../../testing/mesh-builders.js';

const NO_ASSUMED_GATEWAY = { assumeDefaultIngressGateway: false };
const template = (labels: Record<string, string>) => ({
  metadata: { labels },
  spec: { containers: [{ name: 'c', image: 'i' }] },
});

// SEMANTICS §0 "Workloads", "In mesh", "Gateway proxies".
describe('§0 workloads', () => {
  it('derives workloads from controllers, bare pods, CronJobs and WorkloadEntries, skipping owned objects', () => {
    const graph = graphOf(
      yamlOf(
        deployment('a', 'web', { app: 'web' }),
        {
          apiVersion: 'apps/v1',
          kind: 'StatefulSet',
          metadata: { name: 'db', namespace: 'a' },
          spec: { template: template({ app: 'db' }) },
        },
        {
          apiVersion: 'apps/v1',
          kind: 'ReplicaSet',
          metadata: {
            name: 'web-123',
            namespace: 'a',
            ownerReferences: [{ kind: 'Deployment', name: 'web' }],
          },
          spec: { template: template({ app: 'web' }) },
        },
        {
          apiVersion: 'batch/v1',
          kind: 'CronJob',
          metadata: { name: 'nightly', namespace: 'a' },
          spec: { jobTemplate: { spec: { template: template({ app: 'nightly' }) } } },
        },
        {
          apiVersion: 'v1',
          kind: 'Pod',
          metadata: { name: 'debug', namespace: 'a', labels: { app: 'debug' } },
          spec: { containers: [] },
        },
        {
          apiVersion: 'v1',
          kind: 'Pod',
          metadata: {
            name: 'web-123-x',
            namespace: 'a',
            ownerReferences: [{ kind: 'ReplicaSet', name: 'web-123' }],
          },
          spec: {},
        },
        istioObject('WorkloadEntry', 'a', 'vm', {
          address: '10.0.0.9',
          labels: { app: 'vm' },
          serviceAccount: 'legacy',
        }),
      ),
      NO_ASSUMED_GATEWAY,
    );
    expect(graph.workloads.map((w) => `${w.kind}:${w.id}`)).toEqual([
      'StatefulSet:a/db',
      'Pod:a/debug',
      'CronJob:a/nightly',
      'WorkloadEntry:a/vm',
      'Deployment:a/web',
    ]);
    expect(graph.workloadsById.get('a/nightly')?.labels).toEqual({ app: 'nightly' });
    expect(graph.workloadsById.get('a/vm')?.identity).toBe('spiffe://cluster.local/ns/a/sa/legacy');
    expect(graph.workloadsById.get('a/db')?.identity).toBe(
      'spiffe://cluster.local/ns/a/sa/default',
    );
  });

  it('the pod inject label decides, else the namespace injection label or istio.io/rev', () => {
    const graph = graphOf(
      yamlOf(
        namespace('on'),
        namespace('rev', { 'istio.io/rev': 'canary' }),
        namespace('off', { 'istio-injection': 'disabled' }),
        namespace('plain', {}),
        deployment('on', 'w', { app: 'w' }),
        deployment(
          'on',
          'opt-out',
          { app: 'o' },
          { podLabels: { 'sidecar.istio.io/inject': 'false' } },
        ),
        deployment('rev', 'w', { app: 'w' }),
        deployment('off', 'w', { app: 'w' }),
        deployment('plain', 'w', { app: 'w' }),
        deployment(
          'plain',
          'opt-in',
          { app: 'o' },
          { annotations: { 'sidecar.istio.io/inject': 'true' } },
        ),
      ),
      NO_ASSUMED_GATEWAY,
    );
    const inMesh = Object.fromEntries(graph.workloads.map((w) => [w.id, w.inMesh]));
    expect(inMesh).toEqual({
      'off/w': false,
      'on/opt-out': false,
      'on/w': true,
      'plain/opt-in': true,
      'plain/w': false,
      'rev/w': true,
    });
  });

  it('workloads of a namespace absent from the snapshot follow the assumption, with a note', () => {
    const yaml = yamlOf(deployment('ghost', 'w', { app: 'w' }));
    const assumedIn = graphOf(yaml);
    expect(assumedIn.workloadsById.get('ghost/w')).toMatchObject({
      inMesh: true,
      inMeshAssumed: true,
    });
    expect(assumedIn.notes.some((n) => n.includes('namespace ghost is not in the snapshot'))).toBe(
      true,
    );
    expect(
      graphOf(yaml, { assumeNamespacesInMesh: false }).workloadsById.get('ghost/w')?.inMesh,
    ).toBe(false);
  });

  it('gateway proxies: the gateway template, istio=ingressgateway|egressgateway labels', () => {
    const graph = graphOf(
      yamlOf(
        deployment(
          'gw',
          'tmpl',
          { app: 'x' },
          { annotations: { 'inject.istio.io/templates': 'gateway' } },
        ),
        deployment('gw', 'egress', { istio: 'egressgateway' }),
        deployment('gw', 'app', { app: 'y' }),
      ),
      NO_ASSUMED_GATEWAY,
    );
    expect(graph.workloads.filter((w) => w.isGatewayProxy).map((w) => w.id)).toEqual([
      'gw/egress',
      'gw/tmpl',
    ]);
  });
});
