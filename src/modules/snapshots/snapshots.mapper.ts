import { isJsonObject } from '../../engine/index.js';
import type {
  Environment as EnvironmentRecord,
  Version as VersionRecord,
} from '../../generated/prisma/client.js';
import type { EnvironmentInfo, StoredObject, VersionInfo } from './snapshots.types.js';

/** A `version` row as postgres.js returns it (snake_case). */
export interface VersionRow {
  readonly number: number;
  readonly created_at: Date;
  readonly commit: string | null;
  readonly branch: string | null;
  readonly author: string | null;
  readonly message: string | null;
  readonly source: string | null;
  readonly digest: string;
  readonly object_count: number;
  readonly added_count: number;
  readonly modified_count: number;
  readonly removed_count: number;
}

export function toVersionInfo(environment: string, row: VersionRow): VersionInfo {
  return {
    environment,
    number: row.number,
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

export function versionFromRecord(environment: string, record: VersionRecord): VersionInfo {
  return {
    environment,
    number: record.number,
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

export function environmentFromRecord(record: EnvironmentRecord): EnvironmentInfo {
  return {
    name: record.name,
    kind: record.kind,
    repo: record.repo,
    branch: record.branch,
    createdAt: record.createdAt,
    latestVersion: record.latestVersion,
  };
}

export interface RevisionWithBlob {
  readonly objectId: string;
  readonly apiVersion: string;
  readonly kind: string;
  readonly namespace: string;
  readonly name: string;
  readonly known: boolean;
  readonly hash: string;
  readonly validFrom: number;
  readonly validTo: number | null;
  readonly blob: { readonly body: unknown };
}

export function objectFromRecord(record: RevisionWithBlob): StoredObject {
  const body = record.blob.body;
  if (!isJsonObject(body)) {
    throw new Error(`stored object ${record.objectId} has a non-object body`);
  }
  return {
    id: record.objectId,
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
