import { resolveShortName } from '../../graph/hosts/short-name.js';
import { uniqueSorted } from '../../graph/util/compare.js';
import type { Resource } from '../../model/resource.js';
import type { Rule } from '../rule.js';
import { pushTo, stringsAt } from '../shared/json.js';
import { fullName, specOf } from '../shared/resource-fields.js';
import { type DestinationRef, destinationsOf } from './shared/destinations.js';
import { gatewayRefs } from './shared/gateway-refs.js';
import { perObjectMemo } from '../shared/per-object-memo.js';

const isHttpRoute = (d: DestinationRef): boolean => !d.isMirror && d.path.startsWith('spec.http[');

interface Routes {
  /** http route destinations (mirrors excluded). */
  readonly destinations: readonly DestinationRef[];
  /** Its own hosts it splits into subsets, sorted. */
  readonly splits: readonly string[];
  readonly gatewayBound: boolean;
}

/**
 * `initVirtualServiceDestinations`: an http route destination with a subset whose host is one of
 * the VirtualService's hosts splits that host into subsets. Read once per object.
 */
const routesOf = perObjectMemo(readRoutes);

function readRoutes(vs: Resource, domain: string): Routes {
  const ns = vs.key.namespace;
  const destinations = destinationsOf(vs, domain).filter(isHttpRoute);
  const hosts = new Set(stringsAt(specOf(vs), 'hosts').map((h) => resolveShortName(h, ns, domain)));
  const routed = destinations.filter((d) => (d.subset ?? '') !== '' && hosts.has(d.fqdn));
  const splits = uniqueSorted(routed.map((d) => d.fqdn));
  return { destinations, splits, gatewayBound: gatewayRefs(vs).length > 0 };
}

/** Host → VirtualServices that split their own host into subsets. */
function subsetRouters(all: readonly Resource[], domain: string): Map<string, Resource[]> {
  const out = new Map<string, Resource[]>();
  for (const vs of all) {
    for (const fqdn of routesOf(vs, domain).splits) {
      pushTo(out, fqdn, vs);
    }
  }
  return out;
}

/**
 * A gateway-bound VirtualService that routes to a host without a subset, while another
 * VirtualService splits that host into subsets: the subset routing does not apply to the
 * gateway's requests (`DestinationHostAnalyzer.analyzeSubset`, istio/istio:pkg/config/analysis/
 * analyzers/virtualservice/destinationhosts.go). Unlike Istio, hosts are compared after short-name
 * expansion (SEMANTICS R2), a VirtualService bound only to `mesh` is not a gateway one, a
 * VirtualService is not reported against its own subsets (they do apply to its gateway), and
 * each (route, VirtualService) pair is reported once.
 */
export const ingressSubsetRoutingRule: Rule = {
  id: 'virtual-service/ingress-subset-routing',
  description:
    'Flags gateway routes to a host without subset while another VirtualService splits that host into subsets.',
  inputs: ['VirtualService'],
  messages: ['ingressSubsetRoutingIgnored'],
  check(ctx) {
    const domain = ctx.graph.clusterDomain;
    const all = ctx.ofKind('VirtualService');
    const routers = subsetRouters(all, domain);
    for (const vs of all) {
      const { destinations, gatewayBound } = routesOf(vs, domain);
      if (!gatewayBound) {
        continue;
      }
      for (const destination of destinations.filter((d) => (d.subset ?? '') === '')) {
        for (const other of routers.get(destination.fqdn) ?? []) {
          if (other !== vs) {
            ctx.report('ingressSubsetRoutingIgnored', vs, destination.path, {
              virtualService: fullName(other),
              routing: fullName(vs),
            });
          }
        }
      }
    }
  },
};
