import { isExportedTo } from '../../graph/hosts/export-to.js';
import { compareSpecificity, hostSubsetOf, isWildcardHost } from '../../graph/hosts/host-name.js';
import { pickService, type ServiceRegistry } from '../../graph/services/service-registry.js';
import type { ServiceInfo } from '../../graph/types/service.js';
import type { RuleContext } from '../rule.js';

function wildcardServices(ctx: RuleContext): readonly ServiceInfo[] {
  return ctx.memo('wildcardServices', (c) =>
    c.graph.services.all
      .filter((s) => isWildcardHost(s.hostname))
      .sort((a, b) => compareSpecificity(a.hostname, b.hostname)),
  );
}

/**
 * Answers by registry: the registry is immutable, and a routing-only change shares it between the
 * base graph and the target graph, whose rules then reuse the base run's answers.
 */
const found = new WeakMap<ServiceRegistry, Map<string, ServiceInfo | null>>();

/**
 * The registry entry a client in `clientNamespace` reaches for `fqdn` (SEMANTICS R3, R8): an exact
 * host visible to it, else the most specific visible wildcard ServiceEntry host covering it.
 * Unlike istioctl, visibility is the client namespace, not the VirtualService exportTo
 * (SEMANTICS §2 "gaps").
 */
export function findService(
  ctx: RuleContext,
  fqdn: string,
  clientNamespace: string,
): ServiceInfo | null {
  const registry = ctx.graph.services;
  let answers = found.get(registry);
  if (answers === undefined) {
    answers = new Map();
    found.set(registry, answers);
  }
  const key = `${clientNamespace}\u0000${fqdn}`;
  const known = answers.get(key);
  if (known !== undefined) {
    return known;
  }
  const service = lookUp(ctx, fqdn, clientNamespace);
  answers.set(key, service);
  return service;
}

function lookUp(ctx: RuleContext, fqdn: string, clientNamespace: string): ServiceInfo | null {
  const exact = ctx.graph.services.byHost.get(fqdn.toLowerCase());
  const picked = exact === undefined ? null : pickService(exact, clientNamespace);
  if (picked !== null) {
    return picked;
  }
  for (const service of wildcardServices(ctx)) {
    if (
      hostSubsetOf(fqdn.toLowerCase(), service.hostname) &&
      isExportedTo(service.exportTo, clientNamespace)
    ) {
      return service;
    }
  }
  return null;
}

/** True when some registry host visible to `clientNamespace` falls under the wildcard `host`. */
export function wildcardCoversService(
  ctx: RuleContext,
  host: string,
  clientNamespace: string,
): boolean {
  return ctx.graph.services.all.some(
    (s) => hostSubsetOf(s.hostname, host) && isExportedTo(s.exportTo, clientNamespace),
  );
}
