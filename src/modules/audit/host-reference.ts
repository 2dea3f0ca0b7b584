import type { JsonObject } from '../../engine/index.js';
import { DomainError } from '../../platform/errors/domain-error.js';
import type { HostQuery } from './audit.types.js';

/**
 * Where VirtualServices and DestinationRules name hosts, as JSON containment templates. Short
 * names there are expanded with the namespace of the object holding them (SEMANTICS R2:
 * `ResolveVirtualServiceShortnames`, `P/model/virtualservice.go`; DestinationRule `host`,
 * `setDestinationRules`, `P/model/push_context.go`). A VirtualService has no `spec.host` and a
 * DestinationRule no `spec.hosts`, so one list serves both kinds.
 */
const ROUTING_HOST_TEMPLATES: readonly ((host: string) => JsonObject)[] = [
  (host) => ({ spec: { hosts: [host] } }),
  (host) => ({ spec: { host } }),
  (host) => ({ spec: { http: [{ route: [{ destination: { host } }] }] } }),
  (host) => ({ spec: { tcp: [{ route: [{ destination: { host } }] }] } }),
  (host) => ({ spec: { tls: [{ route: [{ destination: { host } }] }] } }),
  (host) => ({ spec: { http: [{ mirror: { host } }] } }),
  (host) => ({ spec: { http: [{ mirrors: [{ destination: { host } }] }] } }),
];

/** The same places as jsonpath, for the one query containment cannot express (see below). */
const ROUTING_HOST_PATHS = [
  '$.spec.hosts[*]',
  '$.spec.host',
  '$.spec.http[*].route[*].destination.host',
  '$.spec.tcp[*].route[*].destination.host',
  '$.spec.tls[*].route[*].destination.host',
  '$.spec.http[*].mirror.host',
  '$.spec.http[*].mirrors[*].destination.host',
];

const HOST_NAME = /^[a-z0-9*_]([a-z0-9*._-]{0,251}[a-z0-9_])?$/;
const NAMESPACE = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

/**
 * How to find the objects that name a host. Containment documents (`body @> doc`) are served by
 * a GIN `jsonb_path_ops` index on `blob.body`. Object-level only: a wildcard VirtualService host
 * (`*.example.com`) is not matched against a concrete host; effective routing is the impact
 * analysis's job.
 */
export interface HostMatcher {
  /** A VirtualService/DestinationRule body containing one of these names the host from any namespace. */
  readonly routingDocs: readonly JsonObject[];
  /** Containing one of these names it by short name: only valid in `shortNamespace` (null: any). */
  readonly shortRoutingDocs: readonly JsonObject[];
  readonly shortNamespace: string | null;
  /** A ServiceEntry body containing one of these lists the host (ServiceEntry hosts are literal, R2). */
  readonly serviceEntryDocs: readonly JsonObject[];
  /**
   * For a short name without a namespace: jsonpath predicates matching `<name>.<any ns>.svc.<domain>`
   * (no index serves them), for VirtualServices/DestinationRules and for ServiceEntries; else null.
   */
  readonly anyNamespacePaths: { readonly routing: string; readonly serviceEntry: string } | null;
  /** The Kubernetes Service the host is (namespace null: any namespace), or null. */
  readonly service: { readonly name: string; readonly namespace: string | null } | null;
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function routingDocs(host: string): JsonObject[] {
  return ROUTING_HOST_TEMPLATES.map((template) => template(host));
}

function serviceEntryDocs(host: string): JsonObject[] {
  return [{ spec: { hosts: [host] } }];
}

/** `exists(path ? (@ like_regex "…")) || …`; the pattern is built from validated host characters. */
function patternPredicate(paths: readonly string[], pattern: string): string {
  return paths
    .map((path) => `exists(${path} ? (@ like_regex ${JSON.stringify(pattern)}))`)
    .join(' || ');
}

function validate(query: HostQuery): { host: string; namespace: string | null } {
  const host = query.host.trim().toLowerCase();
  if (!HOST_NAME.test(host)) {
    throw new DomainError('INVALID_ARGUMENT', `"${query.host}" is not a host name`);
  }
  const namespace =
    query.namespace === undefined || query.namespace === '' ? null : query.namespace;
  if (namespace !== null && !NAMESPACE.test(namespace)) {
    throw new DomainError('INVALID_ARGUMENT', `"${namespace}" is not a namespace name`);
  }
  return { host, namespace };
}

/** The Kubernetes service a host names: a short name (+ namespace) or `<name>.<ns>.svc.<domain>`. */
function kubernetesService(
  host: string,
  namespace: string | null,
  suffix: string,
): { name: string; namespace: string | null } | null {
  if (!host.includes('.') && !host.includes('*')) {
    return { name: host, namespace };
  }
  const labels = host.endsWith(suffix) ? host.slice(0, -suffix.length).split('.') : [];
  const [name, serviceNamespace] = labels;
  return labels.length === 2 && name !== undefined && serviceNamespace !== undefined
    ? { name, namespace: serviceNamespace }
    : null;
}

/**
 * Builds the matcher for a host query; `clusterDomain` as istiod's (default cluster.local).
 * `reviews` + namespace and `reviews.<ns>.svc.<domain>` mean the same Kubernetes service;
 * `reviews` alone means that service name in any namespace; any other name (`reviews.prod`,
 * `api.example.com`, `*.example.com`) is matched literally.
 */
export function hostMatcher(query: HostQuery, clusterDomain: string): HostMatcher {
  const { host, namespace } = validate(query);
  const suffix = `.svc.${clusterDomain}`;
  const service = kubernetesService(host, namespace, suffix);
  if (service === null) {
    return {
      routingDocs: routingDocs(host),
      shortRoutingDocs: [],
      shortNamespace: null,
      serviceEntryDocs: serviceEntryDocs(host),
      anyNamespacePaths: null,
      service: null,
    };
  }
  const { name: serviceName, namespace: serviceNamespace } = service;
  const fqdn = serviceNamespace === null ? null : `${serviceName}.${serviceNamespace}${suffix}`;
  const pattern = `^${escapeRegex(serviceName)}\\.[^.]+${escapeRegex(suffix)}$`;
  return {
    routingDocs: fqdn === null ? [] : routingDocs(fqdn),
    shortRoutingDocs: routingDocs(serviceName),
    shortNamespace: serviceNamespace,
    serviceEntryDocs: serviceEntryDocs(fqdn ?? host),
    anyNamespacePaths:
      fqdn === null
        ? {
            routing: patternPredicate(ROUTING_HOST_PATHS, pattern),
            serviceEntry: patternPredicate(['$.spec.hosts[*]'], pattern),
          }
        : null,
    service: { name: serviceName, namespace: serviceNamespace },
  };
}
