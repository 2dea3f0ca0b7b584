import type { WorkloadInfo } from '../../../graph/types/workload.js';
import type { Resource } from '../../../model/resource.js';
import { kindNameOf } from '../../kinds.js';
import type { RuleContext } from '../../rule.js';
import { labelsOf } from '../../shared/resource-fields.js';

/** Waypoint proxies are Deployments managed by istiod (`isWaypointDeployment`). */
export function isWaypoint(resource: Resource): boolean {
  return labelsOf(resource)['gateway.istio.io/managed'] === 'istio.io-mesh-controller';
}

/** The snapshot object a workload comes from (null for the assumed ingress gateway). */
export function workloadResource(ctx: RuleContext, workload: WorkloadInfo): Resource | null {
  const kind = kindNameOf(workload.key.group, workload.key.kind);
  if (workload.isAssumed || kind === null) {
    return null;
  }
  return ctx.find(kind, workload.key.namespace, workload.key.name) ?? null;
}
