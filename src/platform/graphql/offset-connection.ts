import { DomainError } from '../errors/domain-error.js';

export interface OffsetConnection<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
}

/** Relay-style page over an in-memory, stably ordered list; the cursor is the item's position. */
export function offsetConnection<T>(
  items: readonly T[],
  first: number,
  after: string | null | undefined,
): OffsetConnection<T> {
  const start = after === null || after === undefined ? 0 : Number(after) + 1;
  if (!Number.isInteger(start) || start < 0) {
    throw new DomainError('INVALID_ARGUMENT', `invalid cursor "${String(after)}"`);
  }
  const size = Math.max(1, Math.min(500, first));
  const edges = items
    .slice(start, start + size)
    .map((node, i) => ({ cursor: String(start + i), node }));
  return {
    edges,
    pageInfo: { hasNextPage: start + size < items.length, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount: items.length,
  };
}
