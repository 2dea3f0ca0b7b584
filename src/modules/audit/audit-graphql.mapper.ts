import type { FieldChange as EngineFieldChange } from '../../engine/index.js';
import type {
  AuditPage,
  ObjectChangeKind,
  ObjectHistoryEntry as HistoryEntry,
  VersionMatch as Match,
} from './audit.types.js';
import {
  type FieldChange,
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

function fieldChangeType(change: EngineFieldChange): FieldChangeType {
  if (!('before' in change)) {
    return FieldChangeType.ADDED;
  }
  return 'after' in change ? FieldChangeType.CHANGED : FieldChangeType.REMOVED;
}

function toFieldChange(change: EngineFieldChange): FieldChange {
  return {
    path: change.path,
    type: fieldChangeType(change),
    before: change.before ?? null,
    after: change.after ?? null,
  };
}

function pageInfo<T>(
  page: AuditPage<T>,
  endCursor: string | null,
): { hasNextPage: boolean; endCursor: string | null } {
  return { hasNextPage: page.nextCursor !== null, endCursor };
}

/** Object history as a Relay connection; `cursorOf` gives each edge's cursor. */
export function toHistoryConnection(
  page: AuditPage<HistoryEntry>,
  cursorOf: (entry: HistoryEntry) => string,
): ObjectHistoryConnection {
  const edges = page.items.map((entry) => ({
    cursor: cursorOf(entry),
    node: {
      version: entry.version,
      object: { ...entry.object },
      apiVersion: entry.apiVersion,
      change: CHANGE[entry.change],
      hashBefore: entry.hashBefore,
      hashAfter: entry.hashAfter,
      fields: entry.fields.map(toFieldChange),
      spansPrunedVersions: entry.spansPrunedVersions,
    },
  }));
  const endCursor = edges.at(-1)?.cursor ?? null;
  return { edges, totalCount: page.totalCount, pageInfo: pageInfo(page, endCursor) };
}

/** Version matches as a Relay connection; cursors are version numbers. */
export function toMatchConnection(page: AuditPage<Match>): VersionMatchConnection {
  const edges = page.items.map((match) => ({
    cursor: String(match.version.number),
    node: {
      version: match.version,
      objects: match.objects.map((o) => ({
        id: o.id,
        kind: o.kind,
        namespace: o.namespace,
        name: o.name,
        change: CHANGE[o.change],
      })),
      matchedObjectCount: match.matchedObjectCount,
    },
  }));
  const endCursor = edges.at(-1)?.cursor ?? null;
  return { edges, totalCount: page.totalCount, pageInfo: pageInfo(page, endCursor) };
}
