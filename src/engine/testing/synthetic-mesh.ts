import { dump } from 'js-yaml';
import type { JsonObject } from '../model/json.js';
import type { Resource } from '../model/resource.js';
import type { SourceFile } from '../model/source-file.js';
import { toResource } from './load-resources.js';
import { Prng } from './prng.js';
import * as objects from './synthetic-objects.js';
import * as policies from './synthetic-policies.js';

/**
 * Seeded synthetic meshes for benchmarks and load tests (ingest, graph, reachability, impact).
 *
 * Sizes (objects ≈ Kubernetes + Istio documents):
 * - `S`: ~1,000 objects, 5 namespaces;
 * - `M`: ~10,000 objects, 25 namespaces;
 * - `L`: ~50,000 objects, 100 namespaces, ~10,000 workloads, ~50 MB of YAML.
 *
 * Each namespace holds apps (Service, ServiceAccount, Deployment per version, ConfigMap, some
 * HPAs), DestinationRules with version subsets and VirtualServices with header matches and
 * canary weights for multi-version apps; namespaces get injection (90 %), PeerAuthentication
 * (STRICT / PERMISSIVE), AuthorizationPolicies (ALLOW from some namespaces, DENY on /debug),
 * Sidecars (egress to a few namespaces, some REGISTRY_ONLY) and a few Gateways bound to the
 * `istio-system` ingress gateway. The same seed always gives the same mesh.
 */
export type MeshSize = 'S' | 'M' | 'L';

export interface SyntheticMeshOptions {
  readonly size?: MeshSize;
  /** Overrides the size's object budget. */
  readonly objects?: number;
  readonly namespaces?: number;
  readonly seed?: number;
}

export interface SyntheticMesh {
  readonly seed: number;
  readonly resources: readonly Resource[];
  /** Workload (Deployment) count, for reporting. */
  readonly workloads: number;
  readonly namespaces: readonly string[];
}

const PRESETS: Readonly<Record<MeshSize, { objects: number; namespaces: number }>> = {
  S: { objects: 1_000, namespaces: 5 },
  M: { objects: 10_000, namespaces: 25 },
  L: { objects: 50_000, namespaces: 100 },
};

const APP_WORDS = [
  'cart',
  'orders',
  'payments',
  'users',
  'search',
  'catalog',
  'billing',
  'auth',
  'mail',
  'stock',
  'ads',
  'reviews',
];

function appsFor(rng: Prng, namespace: string, count: number): objects.AppSpec[] {
  const apps: objects.AppSpec[] = [];
  for (let i = 0; i < count; i += 1) {
    const versions = ['v1'];
    if (rng.chance(0.15)) {
      versions.push('v2');
    }
    if (versions.length > 1 && rng.chance(0.1)) {
      versions.push('v3');
    }
    const protocol = rng.chance(0.85) ? 'http' : rng.chance(0.5) ? 'grpc' : 'tcp';
    apps.push({
      namespace,
      name: `${rng.pick(APP_WORDS)}-${String(i)}`,
      versions,
      port: protocol === 'tcp' ? 5432 : 80,
      protocol,
    });
  }
  return apps;
}

function appObjects(app: objects.AppSpec, rng: Prng, caller: string | null): JsonObject[] {
  const out = [
    objects.service(app),
    objects.serviceAccount(app),
    ...app.versions.map((v) => objects.deployment(app, v, rng)),
  ];
  if (rng.chance(0.9)) {
    out.push(objects.configMap(app, rng));
  }
  if (rng.chance(0.25)) {
    out.push(objects.autoscaler(app));
  }
  if (app.versions.length > 1 || rng.chance(0.35)) {
    out.push(objects.destinationRule(app, rng));
    if (app.protocol !== 'tcp' && (app.versions.length > 1 || rng.chance(0.7))) {
      out.push(objects.virtualService(app, rng, caller));
    }
  }
  return out;
}

function namespaceObjects(
  rng: Prng,
  namespace: string,
  others: readonly string[],
  apps: readonly objects.AppSpec[],
): JsonObject[] {
  const out: JsonObject[] = [objects.namespaceObject(namespace, rng.chance(0.9))];
  const roll = rng.next();
  if (roll < 0.5) {
    out.push(policies.peerAuthentication(namespace, roll < 0.3 ? 'STRICT' : 'PERMISSIVE'));
  }
  if (rng.chance(0.3)) {
    out.push(
      policies.allowFromNamespaces(namespace, [namespace, 'istio-system', rng.pick(others)]),
    );
  }
  if (rng.chance(0.2)) {
    out.push(policies.denyDebug(namespace));
  }
  if (rng.chance(0.3)) {
    out.push(policies.sidecar(namespace, [rng.pick(others), rng.pick(others)], rng.chance(0.15)));
  }
  if (rng.chance(0.1) && apps.length > 0) {
    const host = `${namespace}.example.com`;
    out.push(
      policies.gateway(namespace, host),
      policies.gatewayVirtualService(namespace, host, apps.slice(0, 5)),
    );
  }
  return out;
}

/** Builds a synthetic mesh (see the type docs for what it contains). Deterministic per seed. */
export function generateSyntheticMesh(options: SyntheticMeshOptions = {}): SyntheticMesh {
  const preset = PRESETS[options.size ?? 'S'];
  const seed = options.seed ?? 42;
  const budget = options.objects ?? preset.objects;
  const nsCount = options.namespaces ?? preset.namespaces;
  const rng = new Prng(seed);
  const namespaces = Array.from({ length: nsCount }, (_, i) => `ns-${String(i).padStart(3, '0')}`);
  const docs: JsonObject[] = policies.istioSystem();
  const perNamespace = Math.max(1, Math.floor((budget - docs.length) / nsCount / 5.15));
  let workloads = 1;
  for (const namespace of namespaces) {
    const nsRng = rng.fork(docs.length);
    const apps = appsFor(nsRng, namespace, perNamespace);
    docs.push(...namespaceObjects(nsRng, namespace, namespaces, apps));
    for (const app of apps) {
      const caller = nsRng.chance(0.01) ? (apps[0]?.name ?? null) : null;
      docs.push(...appObjects(app, nsRng, caller));
      workloads += app.versions.length;
    }
  }
  const resources = docs.map((d) => toResource(d)).filter((r): r is Resource => r !== null);
  return { seed, resources, workloads, namespaces };
}

/** The mesh as one multi-document YAML text. */
export function syntheticMeshYaml(resources: readonly Resource[]): string {
  return resources.map((r) => dump(r.body, { lineWidth: -1, noRefs: true })).join('---\n');
}

/** The mesh as one YAML file per namespace (`<ns>.yaml`, cluster-scoped objects in `cluster.yaml`). */
export function syntheticMeshFiles(resources: readonly Resource[]): SourceFile[] {
  const byFile = new Map<string, Resource[]>();
  for (const resource of resources) {
    const name = `${resource.key.namespace === '' ? 'cluster' : resource.key.namespace}.yaml`;
    const list = byFile.get(name);
    if (list === undefined) {
      byFile.set(name, [resource]);
    } else {
      list.push(resource);
    }
  }
  return [...byFile.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([name, list]) => ({ name, text: syntheticMeshYaml(list) }));
}
