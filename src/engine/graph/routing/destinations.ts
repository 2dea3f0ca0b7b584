import type { ServiceInfo } from '../types/service.js';
import type { RouteDestination } from '../types/virtual-service.js';
import type { EffectiveDestination } from './route-types.js';

/** How a proxy resolves a destination host to a registry entry (R3/R8 visibility applied). */
export type ServiceResolver = (host: string) => ServiceInfo | null;

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/**
 * R11 — one destination gets 100 % whatever its weight; with several, weight 0 (or omitted)
 * drops a destination and the rest share `weight / sum` (`P/networking/core/route/route.go`;
 * istio/istio#39544). Port: explicit, else the service's only port, else the request port
 * (`GetDestinationCluster`).
 */
export function effectiveDestinations(
  destinations: readonly RouteDestination[],
  resolve: ServiceResolver,
  listenPort: number | null,
): EffectiveDestination[] {
  const total = destinations.reduce((sum, d) => sum + Math.max(d.weight ?? 0, 0), 0);
  return destinations.map((d) => {
    const service = resolve(d.host);
    const only =
      service !== null && service.ports.length === 1 ? (service.ports[0]?.number ?? null) : null;
    let weight = 100;
    if (destinations.length > 1) {
      weight = total > 0 ? round((Math.max(d.weight ?? 0, 0) * 100) / total) : 0;
    }
    return {
      host: d.host,
      subset: d.subset,
      port: d.port ?? only ?? listenPort,
      weight,
      writtenWeight: d.weight,
      service,
    };
  });
}

/** The synthetic route of a host without VirtualService: 100 % to the service (R11 "No VirtualService"). */
export function defaultDestination(service: ServiceInfo, port: number): EffectiveDestination {
  return { host: service.hostname, subset: null, port, weight: 100, writtenWeight: null, service };
}
