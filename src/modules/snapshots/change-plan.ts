import type { ChangeSet } from './change-set.js';
import { computeChangeSet, computeChangeSetOfFresh } from './change-set.js';
import type { EarlyWrites } from './early-writes.js';
import type { CurrentObject, LatestState } from './ingest-cache.js';
import type { ObjectRecord, ObjectToStore, StoreVersionInput } from './snapshots.types.js';

/** The environment's locked row, as far as checking a caller's state goes. */
export interface LockedLatest {
  readonly id: number;
  readonly latest_version: number;
  readonly latest: { readonly version_id: string; readonly digest: string } | undefined;
}

/** The change set: from the fresh objects alone when `known` is the candidates' state. */
export function changesOf(
  current: ReadonlyMap<string, CurrentObject>,
  known: LatestState | null,
  input: StoreVersionInput,
): ChangeSet {
  const candidates = input.candidates;
  const ofFresh =
    known !== null && candidates?.state === known
      ? computeChangeSetOfFresh(current, candidates.unchanged, candidates.fresh)
      : null;
  return ofFresh ?? computeChangeSet(current, input.objects);
}

/** Revision rows and blobs still to write: those the sink has not written. */
export function remainingWrites(toInsert: readonly ObjectToStore[], sink: EarlyWrites | undefined) {
  if (sink === undefined) {
    return { revisions: toInsert, blobs: toInsert };
  }
  const revisions = toInsert.filter((o) => !sink.inserted.has(o.id));
  if (toInsert.length - revisions.length !== sink.inserted.size) {
    throw new Error('rows were written early for objects the change set does not insert');
  }
  return { revisions, blobs: revisions.filter((o) => !sink.handled.has(o.hash)) };
}

/** The caller's state, if it names the environment's latest version (checked under the lock). */
export function checkedState(state: LatestState | null, env: LockedLatest): LatestState | null {
  if (state === null || env.latest === undefined) {
    return null;
  }
  const same =
    state.environmentId === env.id &&
    state.number === env.latest_version &&
    state.versionId === env.latest.version_id &&
    state.digest === env.latest.digest;
  return same ? state : null;
}

/** Fills in canonical JSON left out by the caller (objects from cached parse units). */
export function withCanonicalJson(
  objects: readonly ObjectRecord[],
  canonicalJsonOf: StoreVersionInput['canonicalJsonOf'],
): ObjectToStore[] {
  const missing = objects.filter((o) => o.canonicalJson === null).map((o) => o.id);
  const found =
    missing.length > 0 && canonicalJsonOf !== undefined ? canonicalJsonOf(missing) : null;
  return objects.map((object) => {
    if (object.canonicalJson !== null) {
      return object as ObjectToStore;
    }
    const canonicalJson = found?.get(object.id);
    if (canonicalJson === undefined) {
      throw new Error(`no canonical JSON for ${object.id}`);
    }
    return { ...object, canonicalJson };
  });
}
