import { Injectable } from '@nestjs/common';
import { DEFAULT_CLUSTER_DOMAIN } from '../../engine/index.js';
import { DomainError } from '../../platform/errors/domain-error.js';
import { clampAuditLimit, parseVersionCursor } from './audit-paging.js';
import { AuditRepository } from './audit.repository.js';
import type {
  AuditPage,
  LabelQuery,
  ObjectCriteria,
  PageRequest,
  TimelineBucket,
  TimelineRequest,
  TimelineRow,
  VersionCriteria,
  VersionMatch,
} from './audit.types.js';
import { OBJECTS_PER_VERSION } from './history.service.js';
import { hostMatcher } from './host-reference.js';
import { type RevisionCriteria, SearchRepository } from './search.repository.js';
import { TimelineRepository } from './timeline.repository.js';

const BUCKET_MS: Record<TimelineBucket, number> = {
  hour: 3_600_000,
  day: 86_400_000,
  week: 604_800_000,
};

/** At most this many rows in one timeline answer. */
export const MAX_TIMELINE_BUCKETS = 5_000;

// Kubernetes label syntax: optional DNS-subdomain prefix and '/', a name of at most 63 chars.
const LABEL_KEY =
  /^(?:[a-z0-9](?:[-a-z0-9.]{0,251}[a-z0-9])?\/)?[A-Za-z0-9](?:[-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;
const LABEL_VALUE = /^(?:[A-Za-z0-9](?:[-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?$/;

/** `key` or `key=value` (e.g. `backstage.io/kubernetes-id=reviews`). */
export function parseLabelSelector(text: string): LabelQuery {
  const equals = text.indexOf('=');
  const key = (equals < 0 ? text : text.slice(0, equals)).trim();
  const value = equals < 0 ? undefined : text.slice(equals + 1).trim();
  if (!LABEL_KEY.test(key) || (value !== undefined && !LABEL_VALUE.test(value))) {
    throw new DomainError(
      'INVALID_ARGUMENT',
      `"${text}" is not a label selector (key or key=value)`,
    );
  }
  return value === undefined ? { key } : { key, value };
}

function hasObjectCriteria(criteria: ObjectCriteria): boolean {
  return (
    criteria.kind !== undefined ||
    criteria.namespace !== undefined ||
    criteria.name !== undefined ||
    criteria.host !== undefined ||
    (criteria.labels?.length ?? 0) > 0
  );
}

function checkRange(from: Date | undefined, to: Date | undefined): void {
  if (from !== undefined && to !== undefined && from.getTime() > to.getTime()) {
    throw new DomainError('INVALID_ARGUMENT', '"from" is after "to"');
  }
}

/** Search over the temporal rows, and the per-environment timeline. */
@Injectable()
export class SearchService {
  constructor(
    private readonly audit: AuditRepository,
    private readonly search: SearchRepository,
    private readonly timelines: TimelineRepository,
  ) {}

  /**
   * Versions whose change touched objects matching every given object criterion (kind,
   * namespace, name, host, labels — on the same object, before or after the change), filtered by
   * author (case-insensitive), source (exact, e.g. `pr:812`) and creation time; newest first.
   * With no object criterion, the versions matching the version filters.
   */
  async searchVersions(
    environment: string,
    objects: ObjectCriteria,
    versions: VersionCriteria,
    page: PageRequest,
  ): Promise<AuditPage<VersionMatch>> {
    checkRange(versions.from, versions.to);
    const criteria: RevisionCriteria | null = hasObjectCriteria(objects)
      ? {
          ...objects,
          host:
            objects.host === undefined
              ? undefined
              : hostMatcher(objects.host, DEFAULT_CLUSTER_DOMAIN),
        }
      : null;
    const environmentId = await this.audit.environmentId(environment);
    return this.search.findMatches({
      environmentId,
      objects: criteria,
      versions,
      limit: clampAuditLimit(page.limit),
      before: parseVersionCursor(page.after),
      objectsPerVersion: OBJECTS_PER_VERSION,
    });
  }

  /**
   * One flat row per UTC time bucket between `from` (default: the first version) and `to`
   * (default: now), both inclusive, with version and change counts; empty buckets are zero rows
   * unless `fillEmpty` is false. `risk` stays null until impact reports are computed per version.
   */
  async timeline(environment: string, request: TimelineRequest): Promise<TimelineRow[]> {
    checkRange(request.from, request.to);
    const environmentId = await this.audit.environmentId(environment);
    const to = request.to ?? new Date();
    const from = request.from ?? (await this.timelines.firstVersionAt(environmentId)) ?? to;
    if (from.getTime() > to.getTime()) {
      return [];
    }
    const fillEmpty = request.fillEmpty ?? true;
    const buckets = Math.floor((to.getTime() - from.getTime()) / BUCKET_MS[request.bucket]) + 2;
    if (fillEmpty && buckets > MAX_TIMELINE_BUCKETS) {
      throw new DomainError(
        'INVALID_ARGUMENT',
        `the range holds more than ${MAX_TIMELINE_BUCKETS} ${request.bucket} buckets: narrow it or use a coarser bucket`,
      );
    }
    return this.timelines.timeline({ environmentId, bucket: request.bucket, from, to, fillEmpty });
  }
}
