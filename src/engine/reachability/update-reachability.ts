import { isWildcardHost } from '../graph/hosts/host-name.js';
import type { MeshGraph } from '../graph/types/mesh-graph.js';
import { compareStrings, sortedStrings } from '../graph/util/compare.js';
import { Admission } from './admission.js';
import { assembleUpdate, type ResolvedSide } from './assemble-update.js';
import { type ChangeScope, changeScope } from './change-scope.js';
import { buildHitTable, EdgeListStore } from './edge-lists.js';
import { GroupEvaluator } from './group-hits.js';
import { HitCache, type KeyedHits } from './hit-cache.js';
import { patchList } from './patch-lists.js';
import { reachabilityMemo } from './reachability-memo.js';
import type { EdgeList, Reachability } from './reachability-types.js';
import type { TargetHit } from './route-hits.js';
import { groupSidecarSources, routingLabelValues, type SidecarGroup } from './sidecar-sources.js';
import type { ReachContext } from './sources.js';

const ROUTING_KINDS: ReadonlySet<string> = new Set(['VirtualService', 'DestinationRule']);

/** `resourceId` is `<group>/<kind>/<ns>/<name>`. */
function onlyRoutingChanges(changed: ReadonlySet<string>): boolean {
  return [...changed].every((id) => ROUTING_KINDS.has(id.split('/')[1] ?? ''));
}

const labelTexts = new WeakMap<MeshGraph, string>();

function labelValuesText(graph: MeshGraph): string {
  const known = labelTexts.get(graph);
  if (known !== undefined) {
    return known;
  }
  const text = [...routingLabelValues(graph)]
    .map(([key, values]) => `${key}=${sortedStrings(values).join(',')}`)
    .sort(compareStrings)
    .join(';');
  labelTexts.set(graph, text);
  return text;
}

/** VS hosts naming no service the group sees get a port-80 virtual host (R1; `virtualServiceOnlyHosts`). */
function isVirtualServiceOnly(group: SidecarGroup, host: string): boolean {
  return (
    !isWildcardHost(host) &&
    group.view.claim(host, false)?.vsHost === host &&
    group.view.resolveService(host) === null
  );
}

/** A group's hits from the hosts to re-evaluate, kept when they reach a target of the change. */
function targetHits(
  group: SidecarGroup,
  scope: ChangeScope,
  evaluator: GroupEvaluator,
  cache: HitCache,
  targets: ReadonlySet<string>,
): TargetHit[] {
  const keyed: KeyedHits[] = [];
  for (const host of scope.recompute) {
    evaluator.hostHits(group, host, keyed);
    if (isVirtualServiceOnly(group, host)) {
      keyed.push(cache.forHost(group, host, 80, false));
    }
  }
  return keyed.flatMap((k) => k.hits).filter((hit) => targets.has(hit.workload.id));
}

/** Source id → its new edge list: the base list with the edges to the change's targets rebuilt. */
function patchedSidecarLists(
  base: ResolvedSide,
  scope: ChangeScope,
  groups: readonly SidecarGroup[],
  context: ReachContext,
  cache: HitCache,
): Map<string, EdgeList> | null {
  const { admission, store } = context;
  const evaluator = new GroupEvaluator(context.graph, cache, false);
  const targets = new Set(scope.targets);
  const patched = new Map<string, EdgeList>();
  const out = new Map<string, EdgeList>();
  for (const group of groups) {
    const hits = targetHits(group, scope, evaluator, cache, targets);
    const table = buildHitTable(hits, { inMesh: true }, admission);
    for (const [principal, members] of group.byIdentity) {
      const old = base.reach.sourcesById.get(members[0]?.id ?? '')?.edges;
      if (old === undefined) {
        return null;
      }
      const identity = { namespace: group.namespace, principal };
      const fresh = store.listFor(`update|${group.key}`, table, identity, admission);
      const key = `${old.key}|${fresh.key}`;
      const list = patched.get(key) ?? patchList(old, fresh, scope.targets, store);
      patched.set(key, list);
      members.forEach((m) => out.set(m.id, list));
    }
  }
  return out;
}

/**
 * The target's reachability from the base's, when the change only touches VirtualServices and
 * DestinationRules (`changed`: resource ids): sidecar edge lists are the base's with the edges to
 * the change's targets rebuilt from the hosts that can reach them (see ChangeScope); plain
 * sources are reused; Gateway sources and exposures are recomputed. Exactly what
 * `computeReachability(target)` gives, or null when the change is of another kind (or the base
 * was not computed here): then compute it in full.
 */
export function updateReachability(
  base: ResolvedSide,
  target: MeshGraph,
  changed: ReadonlySet<string>,
): Reachability | null {
  const memo = reachabilityMemo(base.reach);
  if (
    memo === undefined ||
    memo.scopeNotes ||
    !onlyRoutingChanges(changed) ||
    labelValuesText(base.graph) !== labelValuesText(target)
  ) {
    return null;
  }
  const groups = groupSidecarSources(target);
  if (
    groups.length !== base.reach.groupCount ||
    groups.some((g) => g.view.scope.notes.length > 0)
  ) {
    return null;
  }
  const scope = changeScope(base.graph, target, changed);
  const context: ReachContext = {
    graph: target,
    admission: new Admission(target),
    store: new EdgeListStore(),
    notes: new Set(target.notes),
  };
  const cache = new HitCache(target);
  const lists = patchedSidecarLists(base, scope, groups, context, cache);
  return lists === null
    ? null
    : assembleUpdate(base, target, { scope, context, cache, lists, memo });
}
