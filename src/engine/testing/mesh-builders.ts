import { dump } from 'js-yaml';
import type { JsonObject } from '../model/json.js';
import { type GraphOptions } from '../graph/options.js';
import { resolveGraph } from '../graph/resolve-graph.js';
import type { MeshGraph } from '../graph/types/mesh-graph.js';
import { computeReachability } from '../reachability/compute-reachability.js';
import type { Reachability } from '../reachability/reachability-types.js';
import { loadResources } from './load-resources.js';

/**
 * Small builders for engine tests: each returns one YAML document, `yamlOf` joins them, and
 * `graphOf` / `reachabilityOf` resolve the snapshot. Defaults keep fixtures short.
 */

export function yamlOf(...docs: readonly (string | JsonObject)[]): string {
  return docs.map((d) => (typeof d === 'string' ? d : dump(d))).join('\n---\n');
}

export function graphOf(yaml: string, options?: GraphOptions): MeshGraph {
  return resolveGraph(loadResources(yaml), options);
}

export function reachabilityOf(yaml: string, options?: GraphOptions): Reachability {
  return computeReachability(graphOf(yaml, options));
}

export function namespace(
  name: string,
  labels: Record<string, string> = { 'istio-injection': 'enabled' },
): JsonObject {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels } };
}

export function service(
  ns: string,
  name: string,
  options: {
    port?: number;
    portName?: string;
    selector?: Record<string, string>;
    targetPort?: number;
    annotations?: Record<string, string>;
  } = {},
): JsonObject {
  const port: JsonObject = { name: options.portName ?? 'http', port: options.port ?? 80 };
  if (options.targetPort !== undefined) {
    port['targetPort'] = options.targetPort;
  }
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace: ns, annotations: options.annotations ?? {} },
    spec: { selector: options.selector ?? { app: name }, ports: [port] },
  };
}

export function deployment(
  ns: string,
  name: string,
  labels: Record<string, string>,
  options: {
    serviceAccount?: string;
    podLabels?: Record<string, string>;
    annotations?: Record<string, string>;
    port?: number;
  } = {},
): JsonObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: ns },
    spec: {
      selector: { matchLabels: labels },
      template: {
        metadata: {
          labels: { ...labels, ...options.podLabels },
          annotations: options.annotations ?? {},
        },
        spec: {
          serviceAccountName: options.serviceAccount ?? name,
          containers: [
            { name: 'app', image: 'app:1', ports: [{ containerPort: options.port ?? 8080 }] },
          ],
        },
      },
    },
  };
}

/** A Service plus one Deployment per version (`<name>-<version>`, labels app/version). */
export function app(
  ns: string,
  name: string,
  versions: readonly string[] = ['v1'],
  port = 80,
): JsonObject[] {
  return [
    service(ns, name, { port }),
    ...versions.map((v) =>
      deployment(ns, `${name}-${v}`, { app: name, version: v }, { serviceAccount: name }),
    ),
  ];
}

export function istioObject(
  kind: string,
  ns: string,
  name: string,
  spec: JsonObject,
  metadata: JsonObject = {},
): JsonObject {
  const group = ['PeerAuthentication', 'AuthorizationPolicy'].includes(kind)
    ? 'security.istio.io'
    : 'networking.istio.io';
  return { apiVersion: `${group}/v1`, kind, metadata: { name, namespace: ns, ...metadata }, spec };
}

export function virtualService(ns: string, name: string, spec: JsonObject): JsonObject {
  return istioObject('VirtualService', ns, name, spec);
}

export function destinationRule(ns: string, name: string, spec: JsonObject): JsonObject {
  return istioObject('DestinationRule', ns, name, spec);
}

/** A gateway proxy Deployment (`istio=<role>`, gateway injection template). */
export function gatewayProxy(ns: string, name: string, role = 'ingressgateway'): JsonObject {
  return deployment(
    ns,
    name,
    { app: name, istio: role },
    { annotations: { 'inject.istio.io/templates': 'gateway' } },
  );
}
