import { type Resource, resourceId } from '../model/resource.js';
import { indexAuthorizationPolicies } from '../policy/authorization.js';
import { indexPeerAuthentications } from '../policy/peer-authentication.js';
import type { ResourceOrder } from '../policy/policy-types.js';
import {
  destinationRuleNotes,
  indexDestinationRules,
} from './destination-rules/destination-rule-index.js';
import { readDestinationRules } from './destination-rules/read-destination-rules.js';
import { bindGateways, readGatewaySpecs } from './gateways/read-gateways.js';
import { readMeshConfig } from './mesh-config/mesh-config.js';
import { type GraphOptions, resolveGraphOptions } from './options.js';
import { readServices } from './services/read-services.js';
import { buildServiceRegistry } from './services/service-registry.js';
import { SidecarIndex } from './sidecars/sidecar-index.js';
import { readSidecars } from './sidecars/read-sidecars.js';
import type { GatewayInfo } from './types/gateway.js';
import type { MeshGraph } from './types/mesh-graph.js';
import { compareStrings, pushTo, uniqueSorted } from './util/compare.js';
import { type CreationComparator, makeCreationComparator } from './util/creation-order.js';
import { objectAt, stringAt } from './util/json.js';
import { applyDelegation } from './virtual-services/delegation.js';
import { readVirtualServices } from './virtual-services/read-virtual-services.js';
import { VirtualServiceIndex } from './virtual-services/virtual-service-index.js';
import { resolveWorkloads } from './workloads/resolve-workloads.js';

function resourceOrder(resources: readonly Resource[], compare: CreationComparator): ResourceOrder {
  const createdAt = new Map<string, string>();
  for (const resource of resources) {
    const stamp = stringAt(objectAt(resource.body, 'metadata'), 'creationTimestamp');
    if (stamp !== null) {
      createdAt.set(resourceId(resource.key), stamp);
    }
  }
  return (a, b) =>
    compare(
      { key: a, createdAt: createdAt.get(resourceId(a)) ?? null },
      { key: b, createdAt: createdAt.get(resourceId(b)) ?? null },
    );
}

function byProxy(gateways: readonly GatewayInfo[]): Map<string, GatewayInfo[]> {
  const out = new Map<string, GatewayInfo[]>();
  for (const gateway of gateways) {
    for (const proxy of gateway.proxies) {
      pushTo(out, proxy, gateway);
    }
  }
  return out;
}

/**
 * Resolves one snapshot into the mesh graph (SEMANTICS §0–§1). Pure: the same resources and
 * options give the same graph. Indexes are built once here; queries (`routesFor`,
 * `visibleHosts`, reachability) read them.
 */
export function resolveGraph(resources: readonly Resource[], input: GraphOptions = {}): MeshGraph {
  const options = resolveGraphOptions(input);
  const meshConfig = readMeshConfig(resources, options.rootNamespace);
  const rootNamespace = meshConfig.rootNamespace;
  const clusterDomain = options.clusterDomain;
  const compareCreation = makeCreationComparator(options.creationOrder);
  const gatewaySpecs = readGatewaySpecs(resources);
  const workloads = resolveWorkloads(resources, gatewaySpecs, meshConfig, options);
  const services = buildServiceRegistry(
    [...readServices(resources, meshConfig, clusterDomain), ...workloads.assumedServices],
    workloads.byNamespace,
  );
  const destinationRules = indexDestinationRules(
    readDestinationRules(resources, meshConfig, clusterDomain),
    rootNamespace,
    compareCreation,
  );
  const gateways = bindGateways(gatewaySpecs, workloads.gatewayProxies).sort((a, b) =>
    compareStrings(a.id, b.id),
  );
  const virtualServices = new VirtualServiceIndex(
    applyDelegation(readVirtualServices(resources, meshConfig, clusterDomain)),
    compareCreation,
  );
  const order = resourceOrder(resources, compareCreation);
  return {
    options,
    resources,
    meshConfig,
    clusterDomain,
    rootNamespace,
    namespaces: workloads.namespaces,
    workloads: workloads.all,
    workloadsById: new Map(workloads.all.map((w) => [w.id, w])),
    workloadsByNamespace: workloads.byNamespace,
    services,
    destinationRules,
    gateways,
    gatewaysById: new Map(gateways.map((g) => [g.id, g])),
    gatewaysByProxy: byProxy(gateways),
    virtualServices,
    sidecars: new SidecarIndex(
      readSidecars(resources),
      rootNamespace,
      meshConfig.outboundTrafficPolicy,
      compareCreation,
    ),
    peerAuthentication: indexPeerAuthentications(resources, rootNamespace, order),
    authorization: indexAuthorizationPolicies(resources, rootNamespace, order),
    compareCreation,
    notes: uniqueSorted([
      ...meshConfig.problems,
      ...workloads.notes,
      ...destinationRuleNotes(destinationRules),
    ]),
  };
}
