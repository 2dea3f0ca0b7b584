import type { ResourceKey } from '../model/resource.js';

/** How bad a finding is. It lives in the catalog; rules never choose it (STYLE §5). */
export type FindingLevel = 'Error' | 'Warning' | 'Info';

export const LEVEL_RANK: Readonly<Record<FindingLevel, number>> = { Error: 2, Warning: 1, Info: 0 };

/** A parameter value a message template receives (kept in the finding for tooling). */
export type ParamValue = string | number | boolean | readonly string[] | readonly number[];

export type FindingParams = Readonly<Record<string, ParamValue>>;

/** The object a finding is about, as the contract prints it. */
export interface FindingResource {
  readonly kind: string;
  readonly namespace: string;
  readonly name: string;
}

/**
 * One problem found by a rule. `code` is our stable MESH code; `istioCode` / `kialiCode` are set
 * when an `istioctl analyze` message or a Kiali validation means the same thing (STYLE §10).
 * `path` is a field path such as `spec.http[0].route[1].destination`; `line` is the 1-based
 * source line when the resource came from a file.
 */
export interface Finding {
  readonly code: string;
  readonly istioCode?: string;
  readonly kialiCode?: string;
  readonly level: FindingLevel;
  readonly ruleId: string;
  readonly resource: FindingResource;
  /** Full identity (with API group), for suppression, sorting and locating. */
  readonly resourceKey: ResourceKey;
  readonly path: string;
  readonly line?: number;
  readonly message: string;
  readonly params: FindingParams;
}
