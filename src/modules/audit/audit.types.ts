import type { FieldChange } from '../../engine/index.js';

export type ObjectChangeKind = 'added' | 'modified' | 'removed';

/**
 * A version as audit answers show it. Retention may have removed the version row while a change
 * made in it is still visible in the temporal rows of kept versions: then `isPruned` is true and
 * the metadata is null.
 */
export interface AuditVersion {
  readonly number: number;
  readonly isPruned: boolean;
  readonly createdAt: Date | null;
  readonly commit: string | null;
  readonly branch: string | null;
  readonly author: string | null;
  readonly message: string | null;
  readonly source: string | null;
  readonly digest: string | null;
  readonly objectCount: number | null;
  readonly added: number | null;
  readonly modified: number | null;
  readonly removed: number | null;
}

/** Identity of a stored object (`id` is `<group or core>/<Kind>/<namespace>/<name>`). */
export interface ObjectIdentity {
  readonly id: string;
  readonly kind: string;
  readonly namespace: string;
  readonly name: string;
}

/** One change of one object, with the field-level diff against its previous content. */
export interface ObjectHistoryEntry {
  readonly version: AuditVersion;
  readonly object: ObjectIdentity;
  readonly apiVersion: string;
  readonly change: ObjectChangeKind;
  readonly hashBefore: string | null;
  readonly hashAfter: string | null;
  /** Empty for added and removed objects, and for purely cosmetic differences. */
  readonly fields: readonly FieldChange[];
  /** Versions between the previous known content and this change were pruned by retention. */
  readonly spansPrunedVersions: boolean;
}

/** An object a version added, modified or removed, that matched a search or host query. */
export interface TouchedObject extends ObjectIdentity {
  readonly change: ObjectChangeKind;
}

/** A version and the matching objects it changed. */
export interface VersionMatch {
  readonly version: AuditVersion;
  /** Sorted by id; at most a page of them (see `matchedObjectCount`). */
  readonly objects: readonly TouchedObject[];
  readonly matchedObjectCount: number;
}

/**
 * A host as users name it: a short name (`reviews`, optionally with the namespace it lives in),
 * a Kubernetes service FQDN (`reviews.default.svc.cluster.local`), or any other host name
 * (ServiceEntry hosts such as `api.example.com`).
 */
export interface HostQuery {
  readonly host: string;
  readonly namespace?: string | undefined;
}

/** `key` (the label is present) or `key=value`. */
export interface LabelQuery {
  readonly key: string;
  readonly value?: string | undefined;
}

/** What a revision must match (all given criteria, on the same object). */
export interface ObjectCriteria {
  readonly kind?: string | undefined;
  readonly namespace?: string | undefined;
  readonly name?: string | undefined;
  readonly host?: HostQuery | undefined;
  readonly labels?: readonly LabelQuery[] | undefined;
}

/** Filters on the version itself. */
export interface VersionCriteria {
  readonly author?: string | undefined;
  readonly source?: string | undefined;
  readonly from?: Date | undefined;
  readonly to?: Date | undefined;
}

export interface PageRequest {
  /** Default 50, at most 500. */
  readonly limit?: number | undefined;
  readonly after: string | null;
}

export interface AuditPage<T> {
  readonly items: readonly T[];
  readonly totalCount: number;
  readonly nextCursor: string | null;
}

export type TimelineBucket = 'hour' | 'day' | 'week';

/** One time bucket of an environment's timeline: flat, so dashboards chart it directly. */
export interface TimelineRow {
  /** Start of the bucket (UTC). */
  readonly time: Date;
  readonly versions: number;
  readonly added: number;
  readonly modified: number;
  readonly removed: number;
  /** added + modified + removed */
  readonly changed: number;
  readonly authors: number;
  readonly firstVersion: number | null;
  readonly lastVersion: number | null;
  /** Objects in the last version of the bucket; null for a bucket without versions. */
  readonly objectCount: number | null;
  /** Highest impact risk of the bucket's versions; null until impact reports are computed. */
  readonly risk: string | null;
}

export interface TimelineRequest {
  readonly bucket: TimelineBucket;
  readonly from?: Date | undefined;
  readonly to?: Date | undefined;
  /** Include buckets without versions (zeros), so a time series has no holes. Default true. */
  readonly fillEmpty?: boolean | undefined;
}

export interface VersionExport {
  readonly environment: string;
  readonly version: number;
  readonly digest: string;
  readonly objectCount: number;
  readonly yaml: string;
}
