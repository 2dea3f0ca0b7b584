import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../model/json.js';
import { groupOf, type Resource } from '../model/resource.js';
import { diffResources } from './diff-resources.js';

function kube(apiVersion: string, kind: string, spec: JsonObject): Resource {
  const body = { apiVersion, kind, metadata: { name: 'reviews', namespace: 'default' }, spec };
  const key = { group: groupOf(apiVersion), kind, namespace: 'default', name: 'reviews' };
  return { key, apiVersion, body, known: true };
}

const svc = (spec: JsonObject): Resource => kube('v1', 'Service', spec);

function deployment(replicas: JsonObject, containers: JsonObject[]): Resource {
  return kube('apps/v1', 'Deployment', { ...replicas, template: { spec: { containers } } });
}

describe('Kubernetes defaults', () => {
  it('default Service type, port protocol and targetPort = port are no change', () => {
    const bare = svc({ selector: { app: 'reviews' }, ports: [{ name: 'http', port: 9080 }] });
    const explicit = svc({
      type: 'ClusterIP',
      sessionAffinity: 'None',
      selector: { app: 'reviews' },
      ports: [{ name: 'http', port: 9080, protocol: 'TCP', targetPort: 9080 }],
    });
    expect(diffResources([bare], [explicit])).toEqual([]);
  });

  it('a real type change reports the original value: explicit ClusterIP, or absent', () => {
    const nodePort = svc({ type: 'NodePort' });
    expect(diffResources([svc({ type: 'ClusterIP' })], [nodePort])[0]?.fields).toEqual([
      { path: 'spec.type', before: 'ClusterIP', after: 'NodePort' },
    ]);
    expect(diffResources([svc({})], [nodePort])[0]?.fields).toEqual([
      { path: 'spec.type', after: 'NodePort' },
    ]);
  });

  it('Service ports pair by port+protocol: reordering is no change, a targetPort change is', () => {
    const a = { name: 'http', port: 80 };
    const b = { name: 'grpc', port: 9090 };
    expect(diffResources([svc({ ports: [a, b] })], [svc({ ports: [b, a] })])).toEqual([]);
    const changed = svc({ ports: [b, { ...a, targetPort: 8080 }] });
    expect(diffResources([svc({ ports: [a, b] })], [changed])[0]?.fields).toEqual([
      { path: 'spec.ports[1].targetPort', after: 8080 },
    ]);
  });

  it('replicas 1, container port protocol TCP and env/container order are cosmetic', () => {
    const app = (env: JsonObject[], protocol: JsonObject): JsonObject => ({
      name: 'app',
      image: 'app:1',
      env,
      ports: [{ containerPort: 9080, ...protocol }],
    });
    const side = { name: 'side', image: 'side:1' };
    const x = { name: 'X', value: '1' };
    const y = { name: 'Y', value: '2' };
    const before = deployment({}, [app([x, y], {}), side]);
    const after = deployment({ replicas: 1 }, [side, app([y, x], { protocol: 'TCP' })]);
    expect(diffResources([before], [after])).toEqual([]);
  });

  it('an env change is reported inside the container at its AFTER indices', () => {
    const before = deployment({}, [
      { name: 'side' },
      { name: 'app', env: [{ name: 'X', value: '1' }] },
    ]);
    const after = deployment({}, [
      { name: 'app', env: [{ name: 'X', value: '2' }] },
      { name: 'side' },
    ]);
    expect(diffResources([before], [after])[0]?.fields).toEqual([
      { path: 'spec.template.spec.containers[0].env[0].value', before: '1', after: '2' },
    ]);
  });

  it('replicas 2 and initContainer order are real changes', () => {
    expect(diffResources([deployment({}, [])], [deployment({ replicas: 2 }, [])])).toHaveLength(1);
    const init = (names: string[]): Resource =>
      kube('apps/v1', 'Deployment', {
        template: { spec: { initContainers: names.map((name) => ({ name })) } },
      });
    expect(diffResources([init(['a', 'b'])], [init(['b', 'a'])])).toHaveLength(1);
  });
});
