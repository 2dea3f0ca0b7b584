import { isJsonObject } from '../../engine/index.js';
import type {
  ResourceRevision as RevisionRecord,
  RetentionPolicy as RetentionPolicyRecord,
  Version as VersionRecord,
} from '../../generated/prisma/client.js';
import type { AuditVersion, ObjectChangeKind, TouchedObject } from './audit.types.js';
import type { RevisionRow } from './history-events.js';
import type { RetentionPolicyInfo } from './retention.types.js';

export function auditVersionFromRecord(record: VersionRecord): AuditVersion {
  return {
    number: record.number,
    isPruned: false,
    createdAt: record.createdAt,
    commit: record.commit,
    branch: record.branch,
    author: record.author,
    message: record.message,
    source: record.source,
    digest: record.digest,
    objectCount: record.objectCount,
    added: record.addedCount,
    modified: record.modifiedCount,
    removed: record.removedCount,
  };
}

/** A version retention removed: only its number is still known. */
export function prunedVersion(number: number): AuditVersion {
  return {
    number,
    isPruned: true,
    createdAt: null,
    commit: null,
    branch: null,
    author: null,
    message: null,
    source: null,
    digest: null,
    objectCount: null,
    added: null,
    modified: null,
    removed: null,
  };
}

/** A version-match row from SQL (postgres.js): the version columns are null when it was pruned. */
export interface VersionMatchRow {
  readonly v: number;
  readonly total: string | number;
  /** Matching objects the version changed (bigint count: a string from postgres.js). */
  readonly matched: string | number;
  readonly created_at: Date | null;
  readonly commit: string | null;
  readonly branch: string | null;
  readonly author: string | null;
  readonly message: string | null;
  readonly source: string | null;
  readonly digest: string | null;
  readonly object_count: number | null;
  readonly added_count: number | null;
  readonly modified_count: number | null;
  readonly removed_count: number | null;
  readonly objects: readonly TouchedObjectJson[] | null;
}

export interface TouchedObjectJson {
  readonly id: string;
  readonly kind: string;
  readonly namespace: string;
  readonly name: string;
  readonly change: string;
}

export function auditVersionFromRow(row: VersionMatchRow): AuditVersion {
  if (row.digest === null || row.created_at === null) {
    return prunedVersion(row.v);
  }
  return {
    number: row.v,
    isPruned: false,
    createdAt: row.created_at,
    commit: row.commit,
    branch: row.branch,
    author: row.author,
    message: row.message,
    source: row.source,
    digest: row.digest,
    objectCount: row.object_count,
    added: row.added_count,
    modified: row.modified_count,
    removed: row.removed_count,
  };
}

function toChangeKind(value: string): ObjectChangeKind {
  if (value === 'added' || value === 'modified' || value === 'removed') {
    return value;
  }
  throw new Error(`unexpected change kind ${value}`);
}

/** Sorted by object id, one entry per object (a version touches an object once). */
export function touchedObjectsFromJson(
  objects: readonly TouchedObjectJson[] | null,
): TouchedObject[] {
  const byId = new Map<string, TouchedObject>();
  for (const object of objects ?? []) {
    byId.set(object.id, { ...object, change: toChangeKind(object.change) });
  }
  return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export function revisionFromRecord(
  record: RevisionRecord & { blob: { body: unknown } },
): RevisionRow {
  const body = record.blob.body;
  if (!isJsonObject(body)) {
    throw new Error(`stored object ${record.objectId} has a non-object body`);
  }
  return {
    objectId: record.objectId,
    apiGroup: record.apiGroup,
    apiVersion: record.apiVersion,
    kind: record.kind,
    namespace: record.namespace,
    name: record.name,
    known: record.known,
    hash: record.hash,
    validFrom: record.validFrom,
    validTo: record.validTo,
    body,
  };
}

export function retentionPolicyFromRecord(
  environment: string,
  record: RetentionPolicyRecord,
): RetentionPolicyInfo {
  return {
    environment,
    keepVersions: record.keepVersions,
    keepDays: record.keepDays,
    updatedAt: record.updatedAt,
  };
}
