import type { TcpRouteRule, VirtualServiceInfo } from '../types/virtual-service.js';
import { effectiveDestinations, type ServiceResolver } from './destinations.js';
import { matchApplies, type RouteSource } from './http-routes.js';
import type { EffectiveStreamRoute } from './route-types.js';

/**
 * TCP / TLS rules of a VirtualService for one proxy and port (`buildSidecarOutboundTCPListenerOpts`,
 * `P/networking/core/networkfilter.go`): rules whose matches do not apply are skipped; a rule
 * without match ends the list (every connection takes it).
 */
export function buildStreamRoutes(
  vs: VirtualServiceInfo,
  kind: 'tcp' | 'tls',
  source: RouteSource,
  listenPort: number | null,
  resolve: ServiceResolver,
): EffectiveStreamRoute[] {
  const out: EffectiveStreamRoute[] = [];
  const rules: readonly TcpRouteRule[] = kind === 'tcp' ? vs.tcp : vs.tls;
  for (const rule of rules) {
    const matches = rule.matches.filter((m) => matchApplies(m, source, listenPort));
    if (rule.matches.length > 0 && matches.length === 0) {
      continue;
    }
    out.push({
      ref: rule.ref,
      rule: rule.rule,
      virtualService: rule.virtualService,
      matches,
      destinations: effectiveDestinations(rule.destinations, resolve, listenPort),
    });
    if (rule.matches.length === 0) {
      break;
    }
  }
  return out;
}
