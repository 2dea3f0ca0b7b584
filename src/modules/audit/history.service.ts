import { Injectable } from '@nestjs/common';
import { DEFAULT_CLUSTER_DOMAIN, diffResourcePair, type Resource } from '../../engine/index.js';
import { prunedVersion } from './audit.mapper.js';
import {
  clampAuditLimit,
  decodeHistoryCursor,
  encodeHistoryCursor,
  parseVersionCursor,
} from './audit-paging.js';
import { AuditRepository, type ObjectKeyQuery } from './audit.repository.js';
import type {
  AuditPage,
  HostQuery,
  ObjectHistoryEntry,
  PageRequest,
  VersionMatch,
} from './audit.types.js';
import {
  historyEvents,
  rangesToCheck,
  type RawHistoryEvent,
  type RevisionRow,
} from './history-events.js';
import { hostMatcher } from './host-reference.js';
import { SearchRepository } from './search.repository.js';

/** Matched objects listed per version in host history and search. */
export const OBJECTS_PER_VERSION = 100;

function toResource(row: RevisionRow): Resource {
  return {
    key: { group: row.apiGroup, kind: row.kind, namespace: row.namespace, name: row.name },
    apiVersion: row.apiVersion,
    body: row.body,
    known: row.known,
  };
}

/** Newest first; within a version by object id. */
function compareEvents(a: RawHistoryEvent, b: RawHistoryEvent): number {
  return b.version - a.version || (a.objectId < b.objectId ? -1 : a.objectId > b.objectId ? 1 : 0);
}

function isAfterCursor(
  event: RawHistoryEvent,
  cursor: { version: number; objectId: string },
): boolean {
  return (
    event.version < cursor.version ||
    (event.version === cursor.version && event.objectId > cursor.objectId)
  );
}

/** Object and host history over the temporal rows (no extra tables: history is the rows). */
@Injectable()
export class HistoryService {
  constructor(
    private readonly audit: AuditRepository,
    private readonly search: SearchRepository,
  ) {}

  /**
   * The versions where one object (kind/namespace/name, optionally an API group) was added,
   * modified or removed, newest first, each with its version metadata and the field-level diff
   * against the previous content (the engine's semantic diff: cosmetic differences such as the
   * order of order-insensitive lists give no fields).
   */
  async objectHistory(
    environment: string,
    key: ObjectKeyQuery,
    page: PageRequest,
  ): Promise<AuditPage<ObjectHistoryEntry>> {
    const limit = clampAuditLimit(page.limit);
    const cursor = decodeHistoryCursor(page.after);
    const environmentId = await this.audit.environmentId(environment);
    const rows = await this.audit.objectRevisions(environmentId, key);
    const ranges = await this.audit.rangesWithVersions(environmentId, rangesToCheck(rows));
    const events = historyEvents(rows, ranges).sort(compareEvents);
    const remaining = cursor === null ? events : events.filter((e) => isAfterCursor(e, cursor));
    const slice = remaining.slice(0, limit);
    const versions = await this.audit.versionsByNumber(
      environmentId,
      slice.map((e) => e.version),
    );
    const items = slice.map((event) => ({
      version: versions.get(event.version) ?? prunedVersion(event.version),
      object: { id: event.objectId, kind: key.kind, namespace: key.namespace, name: key.name },
      apiVersion: (event.after ?? event.before)?.apiVersion ?? '',
      change: event.change,
      hashBefore: event.before?.hash ?? null,
      hashAfter: event.after?.hash ?? null,
      fields:
        event.before !== null && event.after !== null
          ? diffResourcePair(toResource(event.before), toResource(event.after), {
              clusterDomain: DEFAULT_CLUSTER_DOMAIN,
            })
          : [],
      spansPrunedVersions: event.spansPrunedVersions,
    }));
    const last = slice.at(-1);
    return {
      items,
      totalCount: events.length,
      nextCursor:
        remaining.length > limit && last !== undefined
          ? encodeHistoryCursor(last.version, last.objectId)
          : null,
    };
  }

  /**
   * The versions where objects naming a host changed: VirtualServices (hosts, route, mirror
   * destinations), DestinationRules (host), with short names expanded in the object's namespace
   * (SEMANTICS R2), ServiceEntries (hosts, literal) and the Kubernetes Service itself.
   * Object-level: a change of such an object is listed even when it leaves effective routing
   * as it was, and a wildcard host is not matched against a concrete one; the impact issue
   * refines this to effective routing.
   */
  async hostHistory(
    environment: string,
    host: HostQuery,
    page: PageRequest,
  ): Promise<AuditPage<VersionMatch>> {
    const matcher = hostMatcher(host, DEFAULT_CLUSTER_DOMAIN);
    const environmentId = await this.audit.environmentId(environment);
    return this.search.findMatches({
      environmentId,
      objects: { host: matcher },
      versions: {},
      limit: clampAuditLimit(page.limit),
      before: parseVersionCursor(page.after),
      objectsPerVersion: OBJECTS_PER_VERSION,
    });
  }
}
