import type { ServiceInfo } from '../../graph/types/service.js';
import { pushTo } from '../shared/json.js';
import type { Rule } from '../rule.js';
import { servicesByWorkload } from '../shared/workload-services.js';
import { isWaypoint, workloadResource } from './shared/workload-resource.js';

type Report = (
  name: 'workloadPortProtocolConflict' | 'workloadTargetPortConflict',
  params: never,
) => void;

/** Port → protocol → service names (`servicePortMap`; Kubernetes protocol, default TCP). */
function protocolConflicts(services: readonly ServiceInfo[]): Map<number, Map<string, string[]>> {
  const out = new Map<number, Map<string, string[]>>();
  for (const service of services) {
    for (const port of service.ports) {
      const byProtocol = out.get(port.number) ?? new Map<string, string[]>();
      pushTo(
        byProtocol,
        port.protocol === 'UDP' ? 'UDP' : 'TCP',
        `${service.namespace}/${service.name}`,
      );
      out.set(port.number, byProtocol);
    }
  }
  return out;
}

/** Target port → port → service name (`serviceTargetPortsMap`; target defaults to the port). */
function targetPorts(services: readonly ServiceInfo[]): Map<string, Map<number, string>> {
  const out = new Map<string, Map<number, string>>();
  for (const service of services) {
    for (const port of service.ports) {
      const target =
        port.targetPort === null || port.targetPort === 0
          ? String(port.number)
          : String(port.targetPort);
      const byPort = out.get(target) ?? new Map<number, string>();
      byPort.set(port.number, `${service.namespace}/${service.name}`);
      out.set(target, byPort);
    }
  }
  return out;
}

function checkServices(workload: string, services: readonly ServiceInfo[], report: Report): void {
  for (const [port, byProtocol] of [...protocolConflicts(services)].sort((a, b) => a[0] - b[0])) {
    if (byProtocol.size > 1) {
      const names = [...byProtocol.values()].flat().sort();
      report('workloadPortProtocolConflict', { workload, port, services: names } as never);
    }
  }
  for (const [targetPort, byPort] of [...targetPorts(services)].sort()) {
    if (byPort.size > 1) {
      const ports = [...byPort.keys()].sort((a, b) => a - b);
      const names = [...byPort.values()].sort();
      report('workloadTargetPortConflict', {
        workload,
        services: names,
        targetPort,
        ports,
      } as never);
    }
  }
}

/**
 * Services selecting one in-mesh workload must agree per port on the protocol and per target port
 * on the port (`ServiceAssociationAnalyzer`, istio/istio:pkg/config/analysis/analyzers/deployment/
 * services.go@86c9f01f). Istio reads Deployments; every pod template is read here (SEMANTICS §2).
 */
export const servicePortConflictsRule: Rule = {
  id: 'workload/service-port-conflicts',
  description:
    'Flags in-mesh workloads selected by Services that disagree on a port protocol or target port.',
  inputs: ['Workload', 'Service', 'ServiceEntry', 'Namespace'],
  messages: ['workloadPortProtocolConflict', 'workloadTargetPortConflict'],
  check(ctx) {
    const index = servicesByWorkload(ctx);
    for (const workload of ctx.graph.workloads) {
      const services = (index.get(workload.id) ?? []).filter((s) => s.kind === 'Service');
      if (services.length < 2 || !workload.inMesh || workload.kind === 'WorkloadEntry') {
        continue;
      }
      const resource = workloadResource(ctx, workload);
      if (resource === null || isWaypoint(resource)) {
        continue;
      }
      checkServices(workload.name, services, (name, params) => {
        ctx.report(name, resource, 'metadata.name', params);
      });
    }
  },
};
