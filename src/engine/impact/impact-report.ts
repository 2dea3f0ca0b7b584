import type { ChangeKind } from '../diff/resource-change.js';

export type { ChangeKind };
import type { JsonValue } from '../model/json.js';

/**
 * The impact report, `schemaVersion: 1`, exactly as /shared/contracts/impact-report.md fixes it.
 * Fields may be added, never renamed or removed. Every list is sorted (same input → same bytes).
 */
export type Risk = 'none' | 'low' | 'medium' | 'high';
export type FindingLevel = 'Error' | 'Warning' | 'Info';

export type SnapshotRef =
  { readonly environment: string; readonly version: number } | { readonly source: string };

export interface ImpactSummary {
  readonly risk: Risk;
  readonly resourcesChanged: number;
  readonly hostsChanged: number;
  readonly routesChanged: number;
  readonly workloadsUnreachable: number;
  readonly workloadsNewlyReachable: number;
  readonly exposuresLost: number;
  readonly exposuresGained: number;
  readonly findingsIntroduced: number;
  readonly findingsResolved: number;
}

export interface ReportFieldChange {
  readonly path: string;
  readonly before?: JsonValue;
  readonly after?: JsonValue;
}

export interface ReportResourceChange {
  readonly apiVersion: string;
  readonly kind: string;
  readonly namespace: string;
  readonly name: string;
  readonly change: ChangeKind;
  readonly fields: readonly ReportFieldChange[];
  readonly renamedFrom?: string;
}

export interface HostChange {
  readonly host: string;
  /** `mesh` or `<ns>/<gateway>` */
  readonly gateway: string;
  readonly change: ChangeKind;
}

export interface WeightShift {
  readonly destination: string;
  readonly subset: string | null;
  readonly port: number | null;
  /** Percent of the route's traffic. */
  readonly before: number;
  readonly after: number;
}

export interface RouteChange {
  readonly host: string;
  readonly gateway: string;
  /** `<vs-ns>/<vs-name>#http[i]` */
  readonly route: string;
  readonly change: ChangeKind;
  readonly weightShifts: readonly WeightShift[];
}

export interface ReachabilityEdgeChange {
  readonly from: string;
  readonly to: string;
  readonly reason: string;
}

export interface WorkloadChange {
  readonly workload: string;
  readonly kind: string;
  readonly reason?: string;
}

export interface Exposure {
  readonly gateway: string;
  readonly host: string;
  readonly port: number;
  readonly protocol: string;
}

export interface ReportFinding {
  readonly code: string;
  readonly istioCode?: string;
  readonly kialiCode?: string;
  readonly level: FindingLevel;
  readonly resource: { readonly kind: string; readonly namespace: string; readonly name: string };
  readonly path: string;
  readonly line?: number;
  readonly message: string;
}

export interface ImpactReport {
  readonly schemaVersion: 1;
  readonly base: SnapshotRef;
  readonly target: SnapshotRef;
  readonly summary: ImpactSummary;
  readonly resources: readonly ReportResourceChange[];
  readonly hosts: readonly HostChange[];
  readonly routes: readonly RouteChange[];
  readonly reachability: {
    readonly lost: readonly ReachabilityEdgeChange[];
    readonly gained: readonly ReachabilityEdgeChange[];
  };
  readonly unreachableWorkloads: readonly WorkloadChange[];
  readonly newlyReachableWorkloads: readonly WorkloadChange[];
  readonly exposures: { readonly lost: readonly Exposure[]; readonly gained: readonly Exposure[] };
  readonly findings: {
    readonly introduced: readonly ReportFinding[];
    readonly resolved: readonly ReportFinding[];
  };
  readonly notes: readonly string[];
}
