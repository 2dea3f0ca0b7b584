import type { MeshGraph } from '../graph/types/mesh-graph.js';
import { compareStrings, uniqueSorted } from '../graph/util/compare.js';
import type { ChangeScope } from './change-scope.js';
import { compareExposures, gatewayExposures } from './exposures.js';
import type { HitCache } from './hit-cache.js';
import { listReaches } from './patch-lists.js';
import { rememberReachability } from './reachability-memo.js';
import type { EdgeList, Reachability, ReachSource } from './reachability-types.js';
import { externalSources, type ReachContext } from './sources.js';

/** A resolved snapshot with its reachability (the base of an update). */
export interface ResolvedSide {
  readonly graph: MeshGraph;
  readonly reach: Reachability;
}

/** Base reachability, re-decided for `candidates` only (no other target's edges changed). */
function updatedReachable(
  base: Reachability,
  sources: readonly ReachSource[],
  candidates: ReadonlySet<string>,
): Set<string> {
  const members = new Map<EdgeList, { count: number; first: string }>();
  for (const source of sources) {
    const entry = members.get(source.edges);
    members.set(source.edges, { count: (entry?.count ?? 0) + 1, first: entry?.first ?? source.id });
  }
  const reachable = new Set(base.reachable.filter((id) => !candidates.has(id)));
  for (const id of candidates) {
    for (const [list, entry] of members) {
      if ((entry.count > 1 || entry.first !== id) && listReaches(list, id)) {
        reachable.add(id);
        break;
      }
    }
  }
  return reachable;
}

function updatedNotes(
  base: ReadonlyMap<string, readonly string[]>,
  fresh: ReadonlyMap<string, ReadonlySet<string>>,
  dirty: ReadonlySet<string>,
): Map<string, readonly string[]> {
  const out = new Map([...base].filter(([host]) => !dirty.has(host)));
  fresh.forEach((notes, host) => out.set(host, [...notes]));
  return out;
}

export interface Update {
  readonly scope: ChangeScope;
  readonly context: ReachContext;
  readonly cache: HitCache;
  readonly lists: ReadonlyMap<string, EdgeList>;
  readonly memo: { readonly hostNotes: ReadonlyMap<string, readonly string[]> };
}

/** The updated reachability from the patched sidecar lists (see updateReachability). */
export function assembleUpdate(
  base: ResolvedSide,
  target: MeshGraph,
  update: Update,
): Reachability | null {
  const { scope, context, lists } = update;
  const kept: ReachSource[] = [];
  for (const source of base.reach.sources) {
    if (source.kind === 'sidecar') {
      const edges = lists.get(source.id);
      if (edges === undefined) {
        return null;
      }
      kept.push(edges === source.edges ? source : { ...source, edges });
    } else if (source.kind === 'plain') {
      kept.push(source);
    }
  }
  const external = externalSources(context);
  const sources = [...kept, ...external].sort((a, b) => compareStrings(a.id, b.id));
  const candidates = new Set(scope.targets);
  for (const source of [...external, ...base.reach.sources.filter((s) => s.kind === 'external')]) {
    source.edges.edges.forEach((e) => candidates.add(e.to));
  }
  const reachable = updatedReachable(base.reach, sources, candidates);
  const hostNotes = updatedNotes(update.memo.hostNotes, update.cache.hostNotes, scope.dirty);
  hostNotes.forEach((notes) => {
    notes.forEach((n) => context.notes.add(n));
  });
  const exposures = target.gateways
    .filter((g) => g.proxies.length > 0)
    .flatMap((g) => gatewayExposures(target, g));
  return rememberReachability(
    {
      sources,
      sourcesById: new Map(sources.map((s) => [s.id, s])),
      reachable: uniqueSorted(reachable),
      unreachable: target.workloads.filter((w) => !reachable.has(w.id)).map((w) => w.id),
      exposures: exposures.sort(compareExposures),
      notes: uniqueSorted(context.notes),
      groupCount: base.reach.groupCount,
    },
    { hostNotes, scopeNotes: false },
  );
}
