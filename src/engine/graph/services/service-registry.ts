import { isExportedTo } from '../hosts/export-to.js';
import type { ServiceInfo, ServicePort } from '../types/service.js';
import type { WorkloadInfo } from '../types/workload.js';
import { compareStrings, pushTo } from '../util/compare.js';
import type { LabelIndex } from '../util/labels.js';

/** The service registry: every Service / ServiceEntry host, and the workloads behind each. */
export interface ServiceRegistry {
  /** Sorted by uid. */
  readonly all: readonly ServiceInfo[];
  readonly byUid: ReadonlyMap<string, ServiceInfo>;
  readonly byHost: ReadonlyMap<string, readonly ServiceInfo[]>;
  /** Service uid → workloads selected in the service's namespace, sorted by id. */
  readonly endpoints: ReadonlyMap<string, readonly WorkloadInfo[]>;
}

/**
 * Endpoints: a Kubernetes Service selector, or a ServiceEntry workloadSelector, matched against
 * the labels of workloads (pods and WorkloadEntries) in the service's own namespace.
 */
export function buildServiceRegistry(
  services: readonly ServiceInfo[],
  workloadsByNamespace: ReadonlyMap<string, LabelIndex<WorkloadInfo>>,
): ServiceRegistry {
  const all = [...services].sort((a, b) => compareStrings(a.uid, b.uid));
  const byUid = new Map<string, ServiceInfo>();
  const byHost = new Map<string, ServiceInfo[]>();
  const endpoints = new Map<string, readonly WorkloadInfo[]>();
  for (const service of all) {
    byUid.set(service.uid, service);
    pushTo(byHost, service.hostname, service);
    const index = workloadsByNamespace.get(service.namespace);
    const selected =
      service.selector === null || index === undefined ? [] : index.select(service.selector);
    endpoints.set(
      service.uid,
      [...selected].sort((a, b) => compareStrings(a.id, b.id)),
    );
  }
  return { all, byUid, byHost, endpoints };
}

/**
 * R8 — several registry entries with one hostname: the client's namespace wins, else a
 * Kubernetes Service beats a ServiceEntry (`selectServices`, P/model/sidecar.go), else uid order.
 * Only entries visible to the client namespace (R3) are candidates.
 */
export function pickService(
  candidates: readonly ServiceInfo[],
  clientNamespace: string,
): ServiceInfo | null {
  let best: ServiceInfo | null = null;
  for (const service of candidates) {
    if (!isExportedTo(service.exportTo, clientNamespace)) {
      continue;
    }
    if (best === null || rank(service, clientNamespace) < rank(best, clientNamespace)) {
      best = service;
    }
  }
  return best;
}

function rank(service: ServiceInfo, clientNamespace: string): number {
  return (service.namespace === clientNamespace ? 0 : 2) + (service.kind === 'Service' ? 0 : 1);
}

export function findPort(service: ServiceInfo, port: number): ServicePort | null {
  return service.ports.find((p) => p.number === port) ?? null;
}

/**
 * The port a workload receives a service port on: a numeric `targetPort`, a named container
 * port, else the service port itself. PeerAuthentication `portLevelMtls` keys on this (R9).
 */
export function workloadPortFor(port: ServicePort, workload: WorkloadInfo): number {
  const target = port.targetPort;
  if (typeof target === 'number') {
    return target;
  }
  const named = target ?? (workload.kind === 'WorkloadEntry' ? port.name : null);
  if (named !== null) {
    const match = workload.ports.find((p) => p.name === named);
    if (match !== undefined) {
      return match.number;
    }
  }
  if (typeof target === 'string' && /^\d+$/.test(target)) {
    return Number(target);
  }
  return port.number;
}
