import type { Resource } from '../../model/resource.js';
import type { GatewaySpec } from '../gateways/read-gateways.js';
import { workloadsSelectedByGateways } from '../gateways/read-gateways.js';
import type { MeshConfigView } from '../mesh-config/mesh-config.js';
import type { ResolvedGraphOptions } from '../options.js';
import type { ServiceInfo } from '../types/service.js';
import type { WorkloadInfo, WorkloadSource } from '../types/workload.js';
import { compareStrings, uniqueSorted } from '../util/compare.js';
import { LabelIndex } from '../util/labels.js';
import { classifyWorkload } from './classify-workloads.js';
import { assumedIngressGateway, DEFAULT_INGRESS_NOTE } from './default-ingress.js';
import { extractWorkloads as extractSources } from './extract-workloads.js';
import { type NamespaceInfo, readNamespaces } from './namespaces.js';

export interface ResolvedWorkloads {
  readonly namespaces: ReadonlyMap<string, NamespaceInfo>;
  /** Sorted by id. */
  readonly all: readonly WorkloadInfo[];
  readonly byNamespace: ReadonlyMap<string, LabelIndex<WorkloadInfo>>;
  readonly gatewayProxies: LabelIndex<WorkloadInfo>;
  readonly assumedServices: readonly ServiceInfo[];
  readonly notes: readonly string[];
}

function absentNamespaceNotes(workloads: readonly WorkloadInfo[]): string[] {
  const namespaces = uniqueSorted(workloads.filter((w) => w.inMeshAssumed).map((w) => w.namespace));
  return namespaces.map(
    (ns) =>
      `namespace ${ns} is not in the snapshot: its workloads are assumed ${workloads.find((w) => w.namespace === ns)?.inMesh === true ? 'in' : 'out of'} the mesh`,
  );
}

/** Workloads, their mesh membership and gateway-proxy role (SEMANTICS §0), plus the assumed ingress gateway. */
export function resolveWorkloads(
  resources: readonly Resource[],
  gatewaySpecs: readonly GatewaySpec[],
  mesh: MeshConfigView,
  options: ResolvedGraphOptions,
): ResolvedWorkloads {
  const namespaces = readNamespaces(resources);
  const extracted = extractSources(resources);
  const everything = new LabelIndex<WorkloadSource>();
  extracted.workloads.forEach((w) => {
    everything.add(w);
  });
  const selectedByGateway = workloadsSelectedByGateways(gatewaySpecs, everything);
  const context = { namespaces, options, trustDomain: mesh.trustDomain, selectedByGateway };
  const all = extracted.workloads.map((w) => classifyWorkload(w, context));
  const notes = [...extracted.duplicates, ...absentNamespaceNotes(all)];
  const assumedServices: ServiceInfo[] = [];
  if (
    options.assumeDefaultIngressGateway &&
    !all.some((w) => w.labels['istio'] === 'ingressgateway')
  ) {
    const assumed = assumedIngressGateway(
      mesh.rootNamespace,
      mesh.trustDomain,
      options.clusterDomain,
    );
    all.push(assumed.workload);
    assumedServices.push(assumed.service);
    notes.push(DEFAULT_INGRESS_NOTE);
  }
  all.sort((a, b) => compareStrings(a.id, b.id));
  const byNamespace = new Map<string, LabelIndex<WorkloadInfo>>();
  const gatewayProxies = new LabelIndex<WorkloadInfo>();
  for (const workload of all) {
    let index = byNamespace.get(workload.namespace);
    if (index === undefined) {
      index = new LabelIndex<WorkloadInfo>();
      byNamespace.set(workload.namespace, index);
    }
    index.add(workload);
    if (workload.isGatewayProxy) {
      gatewayProxies.add(workload);
    }
  }
  return { namespaces, all, byNamespace, gatewayProxies, assumedServices, notes };
}
