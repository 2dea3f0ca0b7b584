import { compareStrings } from '../graph/util/compare.js';
import { type Admission, type AuthzClass, type ClientSide, OPEN_CLASS } from './admission.js';
import type { EdgeList, ReachEdge } from './reachability-types.js';
import { hashEdge } from './edge-hash.js';
import { listHashesOf, rememberListHashes } from './reachability-memo.js';
import type { TargetHit } from './route-hits.js';

/** Hits the server side treats alike: same policy set, identity visibility, protocol and port. */
export interface Bucket {
  readonly id: number;
  readonly authz: AuthzClass;
  readonly mtls: boolean;
  /** One hit of the bucket: authorization is decided once for all of them. */
  readonly sample: TargetHit;
}

/** The admitted hits of a source group, sorted, each tagged with its bucket. */
export interface HitTable {
  readonly hits: readonly TargetHit[];
  readonly bucketOf: Int32Array;
  readonly buckets: readonly Bucket[];
  /** Some bucket's decision depends on the principal, not only the namespace. */
  readonly principalSensitive: boolean;
}

export function compareHits(a: TargetHit, b: TargetHit): number {
  return (
    compareStrings(a.workload.id, b.workload.id) ||
    compareStrings(a.host, b.host) ||
    a.port - b.port ||
    compareStrings(a.route, b.route) ||
    compareStrings(a.subset ?? '', b.subset ?? '')
  );
}

/** Global order of hits (sorting by a precomputed rank is much cheaper than by strings). */
export type HitRank = (hit: TargetHit) => number;

/**
 * Drops TLS-refused hits (R9), buckets the rest for per-identity authorization (R10) and sorts
 * them (by `rank` when given, else by target, host, port, route).
 */
export function buildHitTable(
  hits: readonly TargetHit[],
  client: ClientSide,
  admission: Admission,
  rank?: HitRank,
): HitTable {
  const byKey = new Map<string, Bucket>();
  const kept: { hit: TargetHit; bucket: number; rank: number }[] = [];
  for (const hit of hits) {
    const { tls, authz } = admission.admit(hit, client);
    if (tls === 'refused') {
      continue;
    }
    const key =
      authz === OPEN_CLASS
        ? 'open'
        : `${authz.key}|${tls}|${hit.protocol}|${String(hit.workloadPort)}`;
    let bucket = byKey.get(key);
    if (bucket === undefined) {
      bucket = { id: byKey.size, authz, mtls: tls === 'mtls', sample: hit };
      byKey.set(key, bucket);
    }
    kept.push({ hit, bucket: bucket.id, rank: rank === undefined ? 0 : rank(hit) });
  }
  kept.sort(rank === undefined ? (a, b) => compareHits(a.hit, b.hit) : (a, b) => a.rank - b.rank);
  const buckets = [...byKey.values()];
  return {
    hits: kept.map((k) => k.hit),
    bucketOf: Int32Array.from(kept, (k) => k.bucket),
    buckets,
    principalSensitive: buckets.some((b) => b.authz.principalSensitive),
  };
}

/** Identity as the server sees it: a principal only over Istio mTLS. */
export interface SourceIdentity {
  readonly namespace: string;
  readonly principal: string | null;
}

function compareEdges(a: ReachEdge, b: ReachEdge): number {
  return (
    compareStrings(a.to, b.to) ||
    compareStrings(a.host, b.host) ||
    a.port - b.port ||
    compareStrings(a.route, b.route) ||
    compareStrings(a.subset ?? '', b.subset ?? '')
  );
}

/** Builds and shares edge lists: one per distinct (hit table, allowed buckets), deduplicated by content. */
export class EdgeListStore {
  private readonly byTable = new Map<string, EdgeList>();
  private readonly byIdentity = new Map<string, EdgeList>();
  private readonly byDigest = new Map<string, EdgeList>();

  listFor(
    tableKey: string,
    table: HitTable,
    identity: SourceIdentity,
    admission: Admission,
  ): EdgeList {
    const who = table.principalSensitive
      ? `p:${identity.principal ?? ''}`
      : `n:${identity.namespace}`;
    const byIdentity = this.byIdentity.get(`${tableKey}|${who}`);
    if (byIdentity !== undefined) {
      return byIdentity;
    }
    const allowed = table.buckets.map((bucket) => {
      const source = bucket.mtls ? identity : { namespace: null, principal: null };
      return admission.allows(bucket.sample, bucket.authz, source);
    });
    const key = `${tableKey}#${allowed.map((a) => (a ? '1' : '0')).join('')}`;
    let list = this.byTable.get(key);
    if (list === undefined) {
      const collected = this.collect(
        table,
        Uint8Array.from(allowed, (a) => (a ? 1 : 0)),
      );
      list = this.intern(collected.edges, collected.hashes);
      this.byTable.set(key, list);
    }
    this.byIdentity.set(`${tableKey}|${who}`, list);
    return list;
  }

  /** Union of lists (a Gateway served by several proxies): the first edge per target. */
  merge(lists: readonly EdgeList[]): EdgeList {
    const byTarget = new Map<string, ReachEdge>();
    for (const edge of lists.flatMap((l) => l.edges)) {
      const kept = byTarget.get(edge.to);
      if (kept === undefined || compareEdges(edge, kept) < 0) {
        byTarget.set(edge.to, edge);
      }
    }
    const edges = [...byTarget.values()].sort(compareEdges);
    return this.intern(edges);
  }

  /** One entry per target: the first allowed hit in table order. */
  private collect(table: HitTable, allowed: Uint8Array): { edges: ReachEdge[]; hashes: number[] } {
    const edges: ReachEdge[] = [];
    const hashes: number[] = [];
    const { hits, bucketOf } = table;
    let lastTo = '';
    for (let i = 0; i < hits.length; i += 1) {
      const hit = hits[i];
      if (hit !== undefined && allowed[bucketOf[i] ?? 0] === 1 && hit.workload.id !== lastTo) {
        lastTo = hit.workload.id;
        edges.push(hit.edge);
        hashes.push(hit.edgeHash);
      }
    }
    return { edges, hashes };
  }

  /** Shares lists by content: equal digests of the edge hashes give the same list object. */
  intern(edges: readonly ReachEdge[], hashes?: ArrayLike<number>): EdgeList {
    const digests =
      hashes instanceof Uint32Array && hashes.length === edges.length
        ? hashes
        : Uint32Array.from(edges, (edge, i) => hashes?.[i] ?? hashEdge(edge));
    const key = listKey(digests);
    const existing = this.byDigest.get(key);
    if (existing !== undefined) {
      return existing;
    }
    const list: EdgeList = { key, edges };
    rememberListHashes(list, digests);
    this.byDigest.set(key, list);
    return list;
  }
}

/** The content key of a list from its edges' digests (equal keys across graphs mean equal lists). */
export function listKey(digests: Uint32Array): string {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  for (const hash of digests) {
    a = Math.imul(a ^ hash, 0x01000193) >>> 0;
    b = (Math.imul(b, 31) + hash) >>> 0;
  }
  return `${String(digests.length)}-${a.toString(16)}-${b.toString(16)}`;
}

/** The edge digests of a list (remembered when it was interned, else computed). */
export function edgeDigests(list: EdgeList): Uint32Array {
  return listHashesOf(list) ?? Uint32Array.from(list.edges, (edge) => hashEdge(edge));
}
