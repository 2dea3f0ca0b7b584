import type { GraphOptions } from '../graph/options.js';
import type { MeshGraph } from '../graph/types/mesh-graph.js';
import type { JsonObject } from '../model/json.js';
import type { Resource } from '../model/resource.js';
import type { FindingLevel } from '../rules/finding.js';
import type { Rule } from '../rules/rule.js';
import type { RuleReuse } from './rule-reuse.js';

/** `--suppress CODE=Kind ns/name`: one code (MESH, IST or KIA) on one object. */
export interface Suppression {
  readonly code: string;
  readonly kind: string;
  /** '' for cluster-scoped objects. */
  readonly namespace: string;
  readonly name: string;
}

/** Returns the 1-based line of a field of a resource, or null when it cannot tell. */
export type FieldLocator = (resource: Resource, path: string) => number | null;

/**
 * How one analysis runs. Per-environment settings (disabled codes, level overrides) are applied
 * centrally after the rules ran; rules never see them (STYLE §5).
 */
export interface AnalyzeOptions {
  /** How the graph is resolved (cluster domain, root namespace, assumptions). */
  readonly graphOptions?: GraphOptions;
  /** A graph already resolved for these resources (the pipeline builds it once per snapshot). */
  readonly graph?: MeshGraph;
  /** Mesh config given explicitly (`--mesh-config`), as a MeshConfig object. */
  readonly meshConfig?: JsonObject;
  /** The Istio control-plane namespace. Default: the root namespace, `istio-system`. */
  readonly istioNamespace?: string;
  /** Codes (MESH, IST or KIA) never reported — Kiali's `validations.ignore` works this way. */
  readonly disabledCodes?: readonly string[];
  /** Level per code (MESH, IST or KIA); a MESH code wins over an IST/KIA one. */
  readonly levelOverrides?: Readonly<Record<string, FindingLevel>>;
  readonly suppressions?: readonly Suppression[];
  /** The rules to run. Default: every registered rule. */
  readonly rules?: readonly Rule[];
  /** Finds exact field lines; without it a finding carries its document's first line. */
  readonly locate?: FieldLocator;
  /**
   * A previous analysis of a snapshot this one differs from by `changed` objects: rules the
   * change cannot affect keep that run's findings instead of running again (see rule-reuse).
   */
  readonly reuse?: RuleReuse;
}
