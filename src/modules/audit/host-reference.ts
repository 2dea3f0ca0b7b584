import { DomainError } from '../../platform/errors/domain-error.js';
import type { HostQuery } from './audit.types.js';

/**
 * Where VirtualServices and DestinationRules name hosts. Short names there are expanded with the
 * namespace of the object holding them (SEMANTICS R2: `ResolveVirtualServiceShortnames`,
 * `P/model/virtualservice.go`; DestinationRule `host`, `setDestinationRules`,
 * `P/model/push_context.go`). A VirtualService has no `spec.host` and a DestinationRule no
 * `spec.hosts`, so one path list serves both kinds.
 */
const ROUTING_HOST_PATHS = [
  '$.spec.hosts[*]',
  '$.spec.http[*].route[*].destination.host',
  '$.spec.tcp[*].route[*].destination.host',
  '$.spec.tls[*].route[*].destination.host',
  '$.spec.http[*].mirror.host',
  '$.spec.http[*].mirrors[*].destination.host',
  '$.spec.host',
];

/** ServiceEntry hosts are taken literally, never expanded (SEMANTICS R2). */
const SERVICE_ENTRY_HOST_PATHS = ['$.spec.hosts[*]'];

const HOST_NAME = /^[a-z0-9*_]([a-z0-9*._-]{0,251}[a-z0-9_])?$/;
const NAMESPACE = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

/**
 * How to find the objects that name a host, as SQL/jsonpath inputs. Object-level only: a wildcard
 * VirtualService host (`*.example.com`) is not matched against a concrete host here; effective
 * routing is the impact issue's job.
 */
export interface HostMatcher {
  /** jsonpath predicate: a VirtualService/DestinationRule names the host in a form valid in any namespace. */
  readonly routingPath: string;
  /** jsonpath predicate for the short name, valid only in `shortNamespace` (null: in any namespace). */
  readonly shortRoutingPath: string | null;
  readonly shortNamespace: string | null;
  /** jsonpath predicate: a ServiceEntry lists the host. */
  readonly serviceEntryPath: string;
  /** The Kubernetes Service the host is (namespace null: any namespace), or null. */
  readonly service: { readonly name: string; readonly namespace: string | null } | null;
}

interface HostParts {
  readonly literals: readonly string[];
  readonly patterns: readonly string[];
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** `exists(path ? (@ == "a" || @ like_regex "b")) || …` over the given paths. */
function jsonPathPredicate(paths: readonly string[], parts: HostParts): string {
  const tests = [
    ...parts.literals.map((literal) => `@ == ${JSON.stringify(literal)}`),
    ...parts.patterns.map((pattern) => `@ like_regex ${JSON.stringify(pattern)}`),
  ].join(' || ');
  return paths.map((path) => `exists(${path} ? (${tests}))`).join(' || ');
}

function validate(query: HostQuery): { host: string; namespace: string | null } {
  const host = query.host.trim().toLowerCase();
  if (!HOST_NAME.test(host)) {
    throw new DomainError('INVALID_ARGUMENT', `"${query.host}" is not a host name`);
  }
  const namespace = query.namespace === undefined || query.namespace === '' ? null : query.namespace;
  if (namespace !== null && !NAMESPACE.test(namespace)) {
    throw new DomainError('INVALID_ARGUMENT', `"${namespace}" is not a namespace name`);
  }
  return { host, namespace };
}

/** Builds the matcher for a host query; `clusterDomain` as istiod's (default cluster.local). */
export function hostMatcher(query: HostQuery, clusterDomain: string): HostMatcher {
  const { host, namespace } = validate(query);
  const suffix = `.svc.${clusterDomain}`;
  const qualified = host.endsWith(suffix) ? host.slice(0, -suffix.length).split('.') : null;
  const isShort = !host.includes('.') && !host.includes('*');
  const serviceName = isShort ? host : qualified?.length === 2 ? qualified[0] : undefined;
  if (serviceName === undefined) {
    const literal = { literals: [host], patterns: [] };
    return {
      routingPath: jsonPathPredicate(ROUTING_HOST_PATHS, literal),
      shortRoutingPath: null,
      shortNamespace: null,
      serviceEntryPath: jsonPathPredicate(SERVICE_ENTRY_HOST_PATHS, literal),
      service: null,
    };
  }
  const serviceNamespace = isShort ? namespace : (qualified?.[1] ?? null);
  const fqdn: HostParts =
    serviceNamespace === null
      ? { literals: [], patterns: [`^${escapeRegex(serviceName)}\\.[^.]+${escapeRegex(suffix)}$`] }
      : { literals: [`${serviceName}.${serviceNamespace}${suffix}`], patterns: [] };
  return {
    routingPath: jsonPathPredicate(ROUTING_HOST_PATHS, fqdn),
    shortRoutingPath: jsonPathPredicate(ROUTING_HOST_PATHS, { literals: [serviceName], patterns: [] }),
    shortNamespace: serviceNamespace,
    serviceEntryPath: jsonPathPredicate(SERVICE_ENTRY_HOST_PATHS, {
      literals: [...fqdn.literals, host],
      patterns: fqdn.patterns,
    }),
    service: { name: serviceName, namespace: serviceNamespace },
  };
}
