import type { FieldChange as EngineFieldChange } from '../../engine/index.js';
import type {
  AuditPage,
  ObjectChangeKind,
  ObjectHistoryEntry as HistoryEntry,
  VersionMatch as Match,
} from './audit.types.js';
import {
  FieldChange,
  FieldChangeType,
  ObjectChange,
  type ObjectHistoryConnection,
  type VersionMatchConnection,
} from './models/audit.model.js';

const CHANGE: Record<ObjectChangeKind, ObjectChange> = {
  added: ObjectChange.ADDED,
  modified: ObjectChange.MODIFIED,
  removed: ObjectChange.REMOVED,
};

function toFieldChange(change: EngineFieldChange): FieldChange {
  const hasBefore = 'before' in change;
  const hasAfter = 'after' in change;
  const type = !hasBefore ? FieldChangeType.ADDED : !hasAfter ? FieldChangeType.REMOVED : FieldChangeType.CHANGED;
  return { path: change.path, type, before: change.before ?? null, after: change.after ?? null };
}

function pageInfo<T>(page: AuditPage<T>, endCursor: string | null): { hasNextPage: boolean; endCursor: string | null } {
  return { hasNextPage: page.nextCursor !== null, endCursor };
}

/**
 * Object history as a Relay connection. Each edge's cursor is what the next page would start
 * after; the last edge's cursor equals the page's next cursor when there is one.
 */
export function toHistoryConnection(
  page: AuditPage<HistoryEntry>,
  cursorOf: (entry: HistoryEntry) => string,
): ObjectHistoryConnection {
  const edges = page.items.map((entry) => ({
    cursor: cursorOf(entry),
    node: {
      ...entry,
      object: { ...entry.object },
      change: CHANGE[entry.change],
      fields: entry.fields.map(toFieldChange),
    },
  }));
  return { edges, totalCount: page.totalCount, pageInfo: pageInfo(page, edges.at(-1)?.cursor ?? null) };
}

/** Version matches as a Relay connection; cursors are version numbers. */
export function toMatchConnection(page: AuditPage<Match>): VersionMatchConnection {
  const edges = page.items.map((match) => ({
    cursor: String(match.version.number),
    node: {
      version: match.version,
      objects: match.objects.map((o) => ({ ...o, change: CHANGE[o.change] })),
      matchedObjectCount: match.matchedObjectCount,
    },
  }));
  return { edges, totalCount: page.totalCount, pageInfo: pageInfo(page, edges.at(-1)?.cursor ?? null) };
}
