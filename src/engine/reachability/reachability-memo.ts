import type { EdgeList, Reachability } from './reachability-types.js';

/**
 * What an incremental update needs from a computed reachability besides its public fields: the
 * route-table notes per evaluated host (so the notes of re-evaluated hosts can be replaced
 * exactly) and whether some Sidecar scope carried notes of its own (then no update is tried).
 * Kept beside the result (a WeakMap), so the result's shape and serialisation do not change.
 */
export interface ReachabilityMemo {
  readonly hostNotes: ReadonlyMap<string, readonly string[]>;
  readonly scopeNotes: boolean;
}

const memos = new WeakMap<Reachability, ReachabilityMemo>();
const listHashes = new WeakMap<EdgeList, Uint32Array>();

export function rememberReachability(reach: Reachability, memo: ReachabilityMemo): Reachability {
  memos.set(reach, memo);
  return reach;
}

export function reachabilityMemo(reach: Reachability): ReachabilityMemo | undefined {
  return memos.get(reach);
}

/** The per-edge digests a list was interned with (see EdgeListStore). */
export function rememberListHashes(list: EdgeList, hashes: Uint32Array): void {
  listHashes.set(list, hashes);
}

export function listHashesOf(list: EdgeList): Uint32Array | undefined {
  return listHashes.get(list);
}
