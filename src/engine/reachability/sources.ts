import type { MeshGraph } from '../graph/types/mesh-graph.js';
import type { Admission } from './admission.js';
import {
  buildHitTable,
  compareHits,
  type EdgeListStore,
  type HitRank,
  type HitTable,
} from './edge-lists.js';
import { gatewayHits } from './external-sources.js';
import { GroupEvaluator } from './group-hits.js';
import { HitCache } from './hit-cache.js';
import type { EdgeList, ReachSource } from './reachability-types.js';
import type { TargetHit } from './route-hits.js';
import { groupSidecarSources } from './sidecar-sources.js';

/** What every source builder shares during one computation. */
export interface ReachContext {
  readonly graph: MeshGraph;
  readonly admission: Admission;
  readonly store: EdgeListStore;
  /** Assumptions met along the way (R5/R12 decisions of evaluated routes). */
  readonly notes: Set<string>;
}

/** Sidecar sources, the group count, and the route-table notes per host (for incremental updates). */
export interface SidecarSources {
  readonly sources: ReachSource[];
  readonly groups: number;
  readonly hostNotes: ReadonlyMap<string, ReadonlySet<string>>;
  readonly scopeNotes: boolean;
}

/** A global rank of every hit, so that each table sorts numbers instead of strings. */
function rankHits(all: Iterable<readonly (readonly TargetHit[])[]>): HitRank {
  const distinct = new Set<TargetHit>();
  for (const parts of all) {
    for (const part of parts) {
      part.forEach((hit) => distinct.add(hit));
    }
  }
  const ranks = new Map<TargetHit, number>();
  [...distinct].sort(compareHits).forEach((hit, i) => ranks.set(hit, i));
  return (hit) => ranks.get(hit) ?? 0;
}

/** In-mesh, non-gateway workloads: evaluated per group, then per identity (authorization). */
export function sidecarSources(context: ReachContext, share: boolean): SidecarSources {
  const { graph, admission, store } = context;
  const groups = groupSidecarSources(graph);
  const cache = new HitCache(graph);
  const evaluator = new GroupEvaluator(graph, cache, share);
  const evaluated = groups.map((group) => ({ group, hits: evaluator.evaluate(group) }));
  cache.notes.forEach((n) => context.notes.add(n));
  const rank = rankHits(new Map(evaluated.map((e) => [e.hits.signature, e.hits.parts])).values());
  const tables = new Map<string, HitTable>();
  const sources: ReachSource[] = [];
  for (const { group, hits } of evaluated) {
    let table = tables.get(hits.signature);
    if (table === undefined) {
      table = buildHitTable(hits.parts.flat(), { inMesh: true }, admission, rank);
      tables.set(hits.signature, table);
    }
    for (const [principal, members] of group.byIdentity) {
      const edges = store.listFor(
        hits.signature,
        table,
        { namespace: group.namespace, principal },
        admission,
      );
      for (const member of members) {
        sources.push({ id: member.id, kind: 'sidecar', namespace: member.namespace, edges });
      }
    }
  }
  return {
    sources,
    groups: groups.length,
    hostNotes: cache.hostNotes,
    scopeNotes: cache.scopeNotes,
  };
}

/** Plain clients all reach the same: every Service endpoint through kube-proxy, plaintext, no identity. */
export function plainSources({ graph, admission, store }: ReachContext): ReachSource[] {
  const members = graph.workloads.filter((w) => !w.inMesh && !w.isGatewayProxy);
  if (members.length === 0) {
    return [];
  }
  const cache = new HitCache(graph);
  const hits = graph.services.all
    .filter((s) => s.kind === 'Service')
    .flatMap((s) => cache.kubeProxy(s, 'kube-proxy').hits);
  const table = buildHitTable(hits, { inMesh: false }, admission);
  const edges = store.listFor('plain', table, { namespace: '', principal: null }, admission);
  return members.map((m) => ({ id: m.id, kind: 'plain', namespace: m.namespace, edges }));
}

/** `external:<gw>` for each Gateway some proxy serves; targets see the proxy's identity. */
export function externalSources(context: ReachContext): ReachSource[] {
  const { graph, admission, store } = context;
  const out: ReachSource[] = [];
  for (const gateway of graph.gateways) {
    const lists: EdgeList[] = [];
    for (const proxyId of gateway.proxies) {
      const proxy = graph.workloadsById.get(proxyId);
      if (proxy !== undefined) {
        const table = buildHitTable(
          gatewayHits(graph, gateway, proxy, context.notes),
          { inMesh: true },
          admission,
        );
        const identity = { namespace: proxy.namespace, principal: proxy.identity };
        lists.push(store.listFor(`external|${gateway.id}|${proxy.id}`, table, identity, admission));
      }
    }
    const first = lists[0];
    if (first !== undefined) {
      const edges = lists.length === 1 ? first : store.merge(lists);
      out.push({
        id: `external:${gateway.id}`,
        kind: 'external',
        namespace: gateway.namespace,
        edges,
      });
    }
  }
  return out;
}
