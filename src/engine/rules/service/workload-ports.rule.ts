import type { ServiceInfo } from '../../graph/types/service.js';
import type { Resource } from '../../model/resource.js';
import type { Rule, RuleContext } from '../rule.js';
import { fieldPath } from '../shared/resource-fields.js';

/** Whether some selected workload that declares ports serves `target` (number or port name). */
function isServed(ctx: RuleContext, service: ServiceInfo, target: number | string): boolean | null {
  const declaring = (ctx.graph.services.endpoints.get(service.uid) ?? []).filter(
    (w) => w.ports.length > 0 && w.kind !== 'WorkloadEntry',
  );
  if (declaring.length === 0) {
    return null;
  }
  return declaring.some((w) =>
    w.ports.some((p) => (typeof target === 'number' ? p.number === target : p.name === target)),
  );
}

function check(ctx: RuleContext, resource: Resource, service: ServiceInfo): void {
  service.ports.forEach((port, i) => {
    const target = port.targetPort ?? port.number;
    if (isServed(ctx, service, target) === false) {
      ctx.report('serviceTargetPortNotExposed', resource, fieldPath('spec', 'ports', i), {
        port: port.number,
        targetPort: String(target),
      });
    }
  });
}

/**
 * Each Service port should reach a container port of the workloads it selects (Kiali
 * `service.deployment.port.mismatch`). Only workloads that declare container ports are checked;
 * a named target port matches a container port name.
 */
export const serviceWorkloadPortsRule: Rule = {
  id: 'service/workload-ports',
  description: 'Flags Service ports whose target port no selected workload declares.',
  inputs: ['Service', 'ServiceEntry', 'Workload'],
  messages: ['serviceTargetPortNotExposed'],
  check(ctx) {
    for (const service of ctx.graph.services.all) {
      const resource =
        service.kind === 'Service' && !service.isAssumed
          ? ctx.find('Service', service.namespace, service.name)
          : undefined;
      if (resource !== undefined) {
        check(ctx, resource, service);
      }
    }
  },
};
