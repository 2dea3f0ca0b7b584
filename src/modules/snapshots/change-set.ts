import type { CurrentObject } from './ingest-cache.js';
import type { ObjectRecord } from './snapshots.types.js';

/** A current revision row to close, by its unique key (environment, object, valid_from). */
export interface RowToClose {
  readonly objectId: string;
  readonly validFrom: number;
}

export interface ChangeSet {
  readonly toInsert: ObjectRecord[];
  readonly toClose: RowToClose[];
  readonly removedIds: string[];
  readonly added: number;
  readonly modified: number;
  readonly removed: number;
}

/** What differs between the latest version's objects and a snapshot: O(snapshot), no I/O. */
export function computeChangeSet(
  current: ReadonlyMap<string, CurrentObject>,
  objects: readonly ObjectRecord[],
): ChangeSet {
  const toInsert: ObjectRecord[] = [];
  const toClose: RowToClose[] = [];
  let added = 0;
  let modified = 0;
  let matched = 0;
  for (const object of objects) {
    const previous = current.get(object.id);
    if (previous === undefined) {
      added += 1;
      toInsert.push(object);
      continue;
    }
    matched += 1;
    if (previous.hash !== object.hash) {
      modified += 1;
      toInsert.push(object);
      toClose.push({ objectId: object.id, validFrom: previous.validFrom });
    }
  }
  const removedIds: string[] = [];
  if (matched < current.size) {
    const ids = new Set(objects.map((object) => object.id));
    for (const [objectId, previous] of current) {
      if (!ids.has(objectId)) {
        removedIds.push(objectId);
        toClose.push({ objectId, validFrom: previous.validFrom });
      }
    }
  }
  return { toInsert, toClose, removedIds, added, modified, removed: removedIds.length };
}

/**
 * The change set when all but `fresh` objects are known to be as in `current` (they come from
 * parse units cached with it): O(fresh). Null when objects are gone (then use computeChangeSet).
 */
export function computeChangeSetOfFresh(
  current: ReadonlyMap<string, CurrentObject>,
  unchanged: number,
  fresh: readonly ObjectRecord[],
): ChangeSet | null {
  const toInsert: ObjectRecord[] = [];
  const toClose: RowToClose[] = [];
  let added = 0;
  let matched = unchanged;
  for (const object of fresh) {
    const previous = current.get(object.id);
    if (previous === undefined) {
      added += 1;
      toInsert.push(object);
      continue;
    }
    matched += 1;
    if (previous.hash !== object.hash) {
      toInsert.push(object);
      toClose.push({ objectId: object.id, validFrom: previous.validFrom });
    }
  }
  if (matched !== current.size) {
    return null;
  }
  const modified = toClose.length;
  return { toInsert, toClose, removedIds: [], added, modified, removed: 0 };
}

/**
 * The latest objects once the change set is written as version `number`. Updates `current` in
 * place when the caller owns it (`reuse`: a cached state, used only under the environment's lock
 * and replaced or dropped once the transaction ends), else copies it.
 */
export function applyChangeSet(
  current: Map<string, CurrentObject>,
  changes: ChangeSet,
  number: number,
  reuse: boolean,
): Map<string, CurrentObject> {
  const next = reuse ? current : new Map(current);
  for (const objectId of changes.removedIds) {
    next.delete(objectId);
  }
  for (const object of changes.toInsert) {
    next.set(object.id, { hash: object.hash, validFrom: number });
  }
  return next;
}
