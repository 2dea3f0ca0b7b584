import type {
  Exposure,
  HostChange,
  ReachabilityEdgeChange,
  ReportFinding,
  ReportResourceChange,
  RouteChange,
  WeightShift,
  WorkloadChange,
} from '../impact/impact-report.js';

/**
 * Comparators for every list the renderer prints. The contract already sorts its lists; the
 * renderer sorts again so that its output never depends on how a report was assembled.
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareBy<T>(...keys: ((item: T) => string | number)[]): (a: T, b: T) => number {
  return (a, b) => {
    for (const key of keys) {
      const x = key(a);
      const y = key(b);
      if (x !== y) {
        return x < y ? -1 : 1;
      }
    }
    return 0;
  };
}

export function sorted<T>(items: readonly T[], compare: (a: T, b: T) => number): T[] {
  return [...items].sort(compare);
}

const LEVEL_ORDER: Readonly<Record<ReportFinding['level'], number>> = {
  Error: 0,
  Warning: 1,
  Info: 2,
};

export const byWorkload = compareBy<WorkloadChange>(
  (w) => w.workload,
  (w) => w.kind,
);
export const byEdgeTarget = compareBy<ReachabilityEdgeChange>(
  (e) => e.to,
  (e) => e.reason,
  (e) => e.from,
);
export const byExposure = compareBy<Exposure>(
  (e) => e.gateway,
  (e) => e.host,
  (e) => e.port,
  (e) => e.protocol,
);
export const byHost = compareBy<HostChange>(
  (h) => h.host,
  (h) => h.gateway,
  (h) => h.change,
);
export const byRoute = compareBy<RouteChange>(
  (r) => r.host,
  (r) => r.gateway,
  (r) => r.route,
);
export const byShift = compareBy<WeightShift>(
  (s) => s.destination,
  (s) => s.subset ?? '',
  (s) => s.port ?? -1,
);
export const byFinding = compareBy<ReportFinding>(
  (f) => LEVEL_ORDER[f.level],
  (f) => f.code,
  (f) => f.resource.kind,
  (f) => f.resource.namespace,
  (f) => f.resource.name,
  (f) => f.path,
  (f) => f.message,
);
export const byResource = compareBy<ReportResourceChange>(
  (r) => r.namespace,
  (r) => r.kind,
  (r) => r.name,
  (r) => r.apiVersion,
);
