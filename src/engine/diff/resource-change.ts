import type { JsonValue } from '../model/json.js';
import type { Resource } from '../model/resource.js';

export type ChangeKind = 'added' | 'removed' | 'modified';

/**
 * One changed field, as in contracts/impact-report.md:
 * `{ "path": "spec.http[0].route[1].weight", "before": 10, "after": 50 }`.
 *
 * Absence is encoded by omitting the key, never by `null` (which is a legitimate JSON value):
 * an added field has no `before`, a removed field has no `after`. Values are the ORIGINAL
 * (un-normalised) ones; added/removed subtrees are given whole at their path. For Secrets the
 * values under `data`/`stringData` are replaced by {@link REDACTED}.
 */
export interface FieldChange {
  readonly path: string;
  readonly before?: JsonValue;
  readonly after?: JsonValue;
}

/**
 * One changed object (`resources[]` of the impact report). `fields` is empty for added and
 * removed objects. For a kustomize hash-suffix rename the change is `modified`, `name` is the
 * new name and `renamedFrom` the old one.
 */
export interface ResourceChange {
  readonly apiVersion: string;
  readonly kind: string;
  /** '' for cluster-scoped kinds. */
  readonly namespace: string;
  readonly name: string;
  readonly change: ChangeKind;
  readonly fields: readonly FieldChange[];
  readonly renamedFrom?: string;
}

export const DEFAULT_CLUSTER_DOMAIN = 'cluster.local';

/** Placeholder printed instead of a Secret value. */
export const REDACTED = '<redacted>';

export interface DiffOptions {
  /** Used to expand short host names (SEMANTICS R2). Default `cluster.local`. */
  readonly clusterDomain?: string;
  /**
   * Content hash of a stored object (e.g. the service's per-document sha256). When both sides
   * have equal hashes the pair is unchanged without looking at the bodies; unequal hashes still
   * go through the semantic comparison (the difference may be cosmetic).
   */
  readonly hashOf?: (resource: Resource) => string;
}
