import type { EffectiveHttpRoute } from '../graph/routing/route-types.js';
import type { JsonValue } from '../model/json.js';
import type {
  EvaluatedRule,
  SimulateAuthorization,
  SimulateDestination,
  SimulateMatch,
  SimulateMirror,
  SimulateOutcome,
  SimulateTls,
} from './simulate-types.js';

/** What the simulation decided, before it is laid out as the contract JSON. */
export interface SimulationDecision {
  readonly outcome: SimulateOutcome;
  readonly match: SimulateMatch | null;
  /** The HTTP rule whose fields (rewrite, fault…) are reported; null for TCP/TLS or no rule. */
  readonly route: EffectiveHttpRoute | null;
  readonly destinations: readonly SimulateDestination[];
  readonly mirrors: readonly SimulateMirror[];
  readonly tls: SimulateTls | null;
  readonly authorization: SimulateAuthorization | null;
  readonly evaluated: readonly EvaluatedRule[];
  readonly notes: readonly string[];
}

export function emptyDecision(
  outcome: SimulateOutcome,
  notes: readonly string[],
  evaluated: readonly EvaluatedRule[] = [],
): SimulationDecision {
  return {
    outcome,
    match: null,
    route: null,
    destinations: [],
    mirrors: [],
    tls: null,
    authorization: null,
    evaluated,
    notes,
  };
}

/** A rule's own field, exactly as written (after delegate merge); null for stream/default routes. */
export function routeField(
  route: EffectiveHttpRoute | null,
  field:
    | 'redirect'
    | 'rewrite'
    | 'fault'
    | 'headers'
    | 'directResponse'
    | 'timeout'
    | 'retries'
    | 'corsPolicy',
): JsonValue | null {
  return route === null ? null : route[field];
}
