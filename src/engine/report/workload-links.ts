import type { ImpactReport, WeightShift } from '../impact/impact-report.js';

export interface WorkloadLink {
  readonly shift: WeightShift;
  readonly workload: string;
  readonly status: 'lost' | 'gained';
}

interface ServiceName {
  readonly service: string;
  readonly namespace: string;
}

/** `reviews.default.svc.cluster.local` → reviews in default; other hosts are not Services. */
function serviceOf(host: string): ServiceName | null {
  const [service, namespace, svc] = host.split('.');
  if (service === undefined || namespace === undefined || svc !== 'svc') {
    return null;
  }
  return { service, namespace };
}

function matches(shift: WeightShift, workload: string): boolean {
  const target = serviceOf(shift.destination);
  const slash = workload.indexOf('/');
  if (target === null || slash < 0 || workload.slice(0, slash) !== target.namespace) {
    return false;
  }
  const name = workload.slice(slash + 1);
  if (!name.startsWith(`${target.service}-`)) {
    return false;
  }
  return (
    shift.subset === null ||
    name
      .slice(target.service.length + 1)
      .split('-')
      .includes(shift.subset)
  );
}

interface Affected {
  readonly workload: string;
  readonly status: 'lost' | 'gained';
}

/** `ns/reviews-api-v1` is filed under `ns/reviews` and `ns/reviews-api` (every dash prefix). */
function indexByServicePrefix(affected: readonly Affected[]): Map<string, Affected[]> {
  const index = new Map<string, Affected[]>();
  for (const entry of affected) {
    const slash = entry.workload.indexOf('/');
    const parts = entry.workload.slice(slash + 1).split('-');
    for (let i = 1; i < parts.length; i += 1) {
      const key = `${entry.workload.slice(0, slash)}/${parts.slice(0, i).join('-')}`;
      const list = index.get(key);
      if (list === undefined) {
        index.set(key, [entry]);
      } else {
        list.push(entry);
      }
    }
  }
  return index;
}

/**
 * The report names the subsets whose share of traffic moved and the workloads that lost or
 * gained all traffic, but not which pods a subset selects. The chart links them when the
 * workload follows the Kubernetes naming convention `<service>-<subset>` (Bookinfo's
 * `reviews-v2` for subset `v2` of `reviews`), and draws such links dotted: a hint, not a fact.
 */
export function inferredWorkloadLinks(report: ImpactReport): WorkloadLink[] {
  const index = indexByServicePrefix([
    ...report.unreachableWorkloads.map((w) => ({ workload: w.workload, status: 'lost' as const })),
    ...report.newlyReachableWorkloads.map((w) => ({
      workload: w.workload,
      status: 'gained' as const,
    })),
  ]);
  const links: WorkloadLink[] = [];
  for (const shift of report.routes.flatMap((route) => route.weightShifts)) {
    const target = serviceOf(shift.destination);
    const candidates =
      target === null ? [] : (index.get(`${target.namespace}/${target.service}`) ?? []);
    for (const { workload, status } of candidates) {
      if (matches(shift, workload)) {
        links.push({ shift, workload, status });
      }
    }
  }
  return links;
}
