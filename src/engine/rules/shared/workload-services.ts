import type { ServiceInfo } from '../../graph/types/service.js';
import type { WorkloadInfo } from '../../graph/types/workload.js';
import { LabelIndex } from '../../graph/util/labels.js';
import type { RuleContext } from '../rule.js';

/** Workload id → the Kubernetes Services / ServiceEntries that select it (inverse of endpoints). */
export function servicesByWorkload(ctx: RuleContext): ReadonlyMap<string, readonly ServiceInfo[]> {
  return ctx.memo('servicesByWorkload', (c) => {
    const out = new Map<string, ServiceInfo[]>();
    for (const service of c.graph.services.all) {
      for (const workload of c.graph.services.endpoints.get(service.uid) ?? []) {
        const list = out.get(workload.id);
        if (list === undefined) {
          out.set(workload.id, [service]);
        } else {
          list.push(service);
        }
      }
    }
    return out;
  });
}

/** Every workload of the mesh in one label index (selectors that span namespaces). */
export function allWorkloads(ctx: RuleContext): LabelIndex<WorkloadInfo> {
  return ctx.memo('allWorkloads', (c) => {
    const index = new LabelIndex<WorkloadInfo>();
    for (const workload of c.graph.workloads) {
      index.add(workload);
    }
    return index;
  });
}
