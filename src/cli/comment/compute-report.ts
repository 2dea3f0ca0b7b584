import {
  type FieldLocator,
  impactOfChange,
  type ImpactReport,
  type ImpactSnapshot,
} from '../../engine/index.js';

/** The two snapshots of an offline run. */
export interface LocalImpactInput {
  readonly base: ImpactSnapshot;
  readonly target: ImpactSnapshot;
  /** Finds each finding's field line in its side's files (createImpactFieldLocator). */
  readonly locate?: FieldLocator;
}

/**
 * WIRING POINT: the offline report, computed the way `meshlens impact --before --after` does —
 * `computeImpact` (routing, reachability, exposures) plus the validation findings introduced
 * and resolved (`impactOfChange` in src/engine/pipeline.ts). Everything else in the bot takes
 * a finished ImpactReport, so this is the only call into the impact engine.
 */
export function computeLocalImpact(input: LocalImpactInput): Promise<ImpactReport> {
  const options = input.locate === undefined ? {} : { analyze: { locate: input.locate } };
  return Promise.resolve(impactOfChange(input.base, input.target, options));
}
