import type { JsonObject } from '../../model/json.js';
import type { ResourceKey } from '../../model/resource.js';
import type { ExportTo } from '../hosts/export-to.js';
import type { Labels } from '../util/labels.js';

export interface SubsetInfo {
  readonly name: string;
  readonly labels: Labels;
  readonly trafficPolicy: JsonObject | null;
  /** `ns/name` of the DestinationRule that defined it. */
  readonly definedBy: string;
}

/** One DestinationRule as written, host expanded with the DR namespace (R2). */
export interface DestinationRuleInfo {
  readonly key: ResourceKey;
  readonly id: string;
  readonly namespace: string;
  readonly host: string;
  readonly exportTo: ExportTo;
  /** `workloadSelector.matchLabels`; such rules are private to their namespace (R3). */
  readonly selector: Labels | null;
  readonly subsets: readonly SubsetInfo[];
  readonly trafficPolicy: JsonObject | null;
  readonly createdAt: string | null;
}

/** A consolidated rule after the R7 same-host merge (`ConsolidatedDestRule`). */
export interface MergedDestinationRule {
  readonly host: string;
  readonly namespace: string;
  readonly exportTo: ExportTo;
  readonly selector: Labels | null;
  /** `ns/name` of every DestinationRule merged into this one, oldest first. */
  readonly from: readonly string[];
  readonly subsets: readonly SubsetInfo[];
  readonly trafficPolicy: JsonObject | null;
  /** Set when the merge outcome depended on the R12 creation-order rule. */
  readonly note: string | null;
}
