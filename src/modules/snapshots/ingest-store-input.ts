import {
  type IncrementalSnapshot,
  parseUnit,
  type ParseOptions,
  type UnitMemo,
} from '../../engine/index.js';
import { toObjectsToStore } from './content-hash.js';
import type { CachedUnit, EnvironmentCacheEntry, LatestState } from './ingest-cache.js';
import type { Prepared } from './prepare-records.js';
import {
  type DigestState,
  type OrderedDigest,
  orderedSnapshotDigest,
  patchedSnapshotDigest,
  unitKey,
} from './snapshot-digest.js';
import type { StoreVersionInput } from './snapshots.types.js';

// What SnapshotIngester derives from its cache entry for the parse and the store: the parse memo,
// the snapshot digest, the fresh records of an O(changes) change set, and the canonical JSON of
// objects it did not parse this time.

export function memoOf(entry: EnvironmentCacheEntry | undefined): UnitMemo<CachedUnit> {
  return { keyOf: unitKey, run: (key) => entry?.runs.get(key) };
}

/**
 * The snapshot digest: patched from the memo's snapshot when only objects of freshly parsed units
 * can differ from it (cached units are unchanged by construction), else computed over all.
 */
export function digestOf(prepared: Prepared, previous: DigestState | null): OrderedDigest {
  const unchanged = prepared.records.length - prepared.fresh.length;
  const patched =
    previous === null ? null : patchedSnapshotDigest(previous, unchanged, prepared.fresh);
  return patched ?? orderedSnapshotDigest(prepared.records, previous);
}

/** The fresh records for an O(changes) change set, valid if the store is handed `state` itself. */
export function candidatesOf(
  state: LatestState | null,
  prepared: Prepared,
): Pick<StoreVersionInput, 'candidates'> {
  if (state === null) {
    return {};
  }
  const unchanged = prepared.records.length - prepared.fresh.length;
  return { candidates: { state, unchanged, fresh: prepared.fresh } };
}

/**
 * Canonical JSON of objects that came from cached units, by parsing those units again; only
 * needed when the store found the cached latest version stale (another writer) and must write
 * objects this process did not parse in this ingest.
 */
export function materialize(
  parsed: IncrementalSnapshot<CachedUnit>,
  ids: readonly string[],
  options: ParseOptions,
): Map<string, string> {
  const wanted = new Set(ids);
  const found = new Map<string, string>();
  for (const entry of parsed.units) {
    if (entry.fresh !== null || !entry.cached.objects.some((o) => wanted.has(o.id))) {
      continue;
    }
    const again = parseUnit(entry.unit, options);
    if (!again.ok) {
      throw new Error(`a cached unit of ${entry.unit.file.name} no longer parses`);
    }
    const expected = new Map(entry.cached.objects.map((o) => [o.id, o.hash]));
    for (const object of toObjectsToStore(again.value)) {
      if (expected.get(object.id) !== object.hash) {
        throw new Error(`a cached unit of ${entry.unit.file.name} parses differently`);
      }
      if (wanted.has(object.id)) {
        found.set(object.id, object.canonicalJson);
      }
    }
  }
  return found;
}
