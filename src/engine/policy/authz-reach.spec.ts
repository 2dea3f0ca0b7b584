import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isJsonObject } from '../model/json.js';
import type { Resource } from '../model/resource.js';
import { indexAuthorizationPolicies } from './authorization.js';
import { canSourceReach } from './authz-reach.js';
import type { PolicySource, PolicyWorkload } from './policy-types.js';
import { resourcesFromYaml } from './test-resources.js';

const SHARED = new URL('../../../../shared/', import.meta.url);
const SCENARIO = 'scenarios/07-allow-nothing-policy/';
const ROOT = 'istio-system';

function scenario(version: 'before' | 'after', file: string): Resource[] {
  return resourcesFromYaml(readFileSync(new URL(`${SCENARIO}${version}/${file}`, SHARED), 'utf8'));
}

/** Workloads of the default namespace: Deployment pod-template labels. */
function defaultWorkloads(): { id: string; workload: PolicyWorkload }[] {
  return scenario('after', '10-bookinfo.yaml')
    .filter((r) => r.key.kind === 'Deployment' && r.key.namespace === 'default')
    .map((r) => {
      const spec = r.body['spec'];
      const template = isJsonObject(spec) ? spec['template'] : undefined;
      const meta = isJsonObject(template) ? template['metadata'] : undefined;
      const labels = isJsonObject(meta) && isJsonObject(meta['labels']) ? meta['labels'] : {};
      const strings = Object.fromEntries(
        Object.entries(labels).flatMap(([k, v]) => (typeof v === 'string' ? [[k, v]] : [])),
      );
      return { id: `default/${r.key.name}`, workload: { namespace: 'default', labels: strings } };
    });
}

const SOURCES: readonly PolicySource[] = [
  { namespace: 'default', principal: 'spiffe://cluster.local/ns/default/sa/bookinfo-productpage' },
  {
    namespace: 'istio-system',
    principal: 'spiffe://cluster.local/ns/istio-system/sa/istio-ingressgateway-service-account',
  },
  { namespace: 'default', principal: null },
];

function ap(name: string, spec: object): Resource {
  return resourcesFromYaml(
    JSON.stringify({
      apiVersion: 'security.istio.io/v1',
      kind: 'AuthorizationPolicy',
      metadata: { name, namespace: 'shop' },
      spec,
    }),
  )[0]!;
}
const WEB = { namespace: 'shop', labels: { app: 'web' } };
const CLIENT: PolicySource = {
  namespace: 'shop',
  principal: 'spiffe://cluster.local/ns/shop/sa/client',
};
const reach = (
  policies: Resource[],
  protocol: 'http' | 'tcp' = 'http',
  source = CLIENT,
  port: number | null = null,
) => canSourceReach(indexAuthorizationPolicies(policies, ROOT), WEB, source, protocol, port);

describe('R10 scenario 07: an empty ALLOW policy makes every default workload unreachable', () => {
  const workloads = defaultWorkloads();

  it('R10 scenario 07 lists the Bookinfo workloads of default', () => {
    expect(workloads.map((w) => w.id).sort()).toEqual([
      'default/details-v1',
      'default/productpage-v1',
      'default/ratings-v1',
      'default/reviews-v1',
      'default/reviews-v2',
      'default/reviews-v3',
    ]);
  });

  it.each(workloads.map((w) => [w.id, w.workload] as const))(
    'R10 %s: no source reaches it after, every source before',
    (_id, workload) => {
      const after = indexAuthorizationPolicies(scenario('after', '70-authz.yaml'), ROOT);
      const before = indexAuthorizationPolicies(scenario('before', '00-istio-system.yaml'), ROOT);
      for (const source of SOURCES) {
        for (const protocol of ['http', 'tcp'] as const) {
          expect(canSourceReach(after, workload, source, protocol)).toMatchObject({
            allowed: false,
            decidedBy: 'default/allow-nothing',
          });
          expect(canSourceReach(before, workload, source, protocol)).toMatchObject({
            allowed: true,
            decidedBy: null,
          });
        }
      }
    },
  );
});

describe('R10 canSourceReach approximation', () => {
  it('R10 a DENY on the source identity alone blocks every request', () => {
    const deny = ap('deny-client', {
      action: 'DENY',
      rules: [{ from: [{ source: { principals: ['cluster.local/ns/shop/sa/client'] } }] }],
    });
    expect(reach([deny])).toMatchObject({ allowed: false, decidedBy: 'shop/deny-client' });
    expect(
      reach([deny], 'http', {
        namespace: 'shop',
        principal: 'spiffe://cluster.local/ns/shop/sa/other',
      }).allowed,
    ).toBe(true);
  });

  it('R10 a DENY with request conditions leaves some HTTP request through, but widens to all TCP', () => {
    const deny = ap('no-delete', {
      action: 'DENY',
      rules: [{ to: [{ operation: { methods: ['DELETE'] } }] }],
    });
    expect(reach([deny], 'http').allowed).toBe(true);
    expect(reach([deny], 'tcp')).toMatchObject({ allowed: false, decidedBy: 'shop/no-delete' });
  });

  it('R10 a DENY on ports blocks only when the port is given and matches', () => {
    const deny = ap('no-admin-port', {
      action: 'DENY',
      rules: [{ to: [{ operation: { ports: ['9000'] } }] }],
    });
    expect(reach([deny], 'tcp').allowed).toBe(true);
    expect(reach([deny], 'tcp', CLIENT, 9000).allowed).toBe(false);
    expect(reach([deny], 'tcp', CLIENT, 8080).allowed).toBe(true);
  });

  it('R10 an ALLOW with request conditions is assumed satisfiable on HTTP and vanishes on TCP', () => {
    const allow = ap('get-only', {
      rules: [
        { from: [{ source: { namespaces: ['shop'] } }], to: [{ operation: { methods: ['GET'] } }] },
      ],
    });
    expect(reach([allow], 'http')).toMatchObject({ allowed: true, decidedBy: 'shop/get-only' });
    expect(reach([allow], 'tcp')).toMatchObject({ allowed: false, decidedBy: 'shop/get-only' });
    expect(
      reach([allow], 'http', {
        namespace: 'other',
        principal: 'spiffe://cluster.local/ns/other/sa/x',
      }).allowed,
    ).toBe(false);
    expect(reach([allow], 'http', { namespace: 'shop', principal: null }).allowed).toBe(false);
  });

  it('R10 an unknown source IP neither satisfies ALLOW ipBlocks nor makes a DENY total', () => {
    const allow = ap('from-lan', { rules: [{ from: [{ source: { ipBlocks: ['10.0.0.0/8'] } }] }] });
    expect(reach([allow]).allowed).toBe(false);
    expect(reach([allow], 'http', { ...CLIENT, ip: '10.1.2.3' }).allowed).toBe(true);
    const deny = ap('block-lan', {
      action: 'DENY',
      rules: [{ from: [{ source: { ipBlocks: ['10.0.0.0/8'] } }] }],
    });
    const result = reach([deny]);
    expect(result.allowed).toBe(true);
    expect(result.notes.join(' ')).toContain('source IP');
    expect(reach([deny], 'http', { ...CLIENT, ip: '10.1.2.3' }).allowed).toBe(false);
  });

  it('R10 CUSTOM and dry-run policies do not block reachability', () => {
    const custom = ap('ext', { action: 'CUSTOM', provider: { name: 'opa' }, rules: [{}] });
    const result = reach([custom]);
    expect(result.allowed).toBe(true);
    expect(result.notes.join(' ')).toContain('external authorizer');
  });
});
