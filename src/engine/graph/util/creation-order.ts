import type { ResourceKey } from '../../model/resource.js';
import { compareStrings } from './compare.js';

/**
 * R12 — "oldest wins" ordering (`configCompareByCreationTime`, P/model/config.go): creation time,
 * then name, then namespace. Rendered manifests have no `creationTimestamp`, so callers can pass
 * an explicit rank (in a diff: objects of the base version are older than added ones).
 */
export type CreationRank = (key: ResourceKey) => number;

export interface CreationOrdered {
  readonly key: ResourceKey;
  /** `metadata.creationTimestamp` when the input carried one. */
  readonly createdAt: string | null;
}

export type CreationComparator = (a: CreationOrdered, b: CreationOrdered) => number;

export function makeCreationComparator(rank: CreationRank | undefined): CreationComparator {
  return (a, b) => {
    if (rank !== undefined) {
      const byRank = rank(a.key) - rank(b.key);
      if (byRank !== 0) {
        return byRank;
      }
    }
    if (a.createdAt !== null && b.createdAt !== null && a.createdAt !== b.createdAt) {
      return compareStrings(a.createdAt, b.createdAt);
    }
    return (
      compareStrings(a.key.name, b.key.name) || compareStrings(a.key.namespace, b.key.namespace)
    );
  };
}

/** True when the order of these objects was decided by the R12 fallback, not by real timestamps. */
export function orderIsAssumed(items: readonly CreationOrdered[]): boolean {
  return items.length > 1 && items.some((item) => item.createdAt === null);
}

export function creationNote(what: string, items: readonly CreationOrdered[]): string {
  const names = items.map((i) => `${i.key.namespace}/${i.key.name}`).join(', ');
  return `${what} depends on creation order (R12: base objects before added ones, else name then namespace): ${names}`;
}
