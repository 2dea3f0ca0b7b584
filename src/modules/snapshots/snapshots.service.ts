import { Injectable } from '@nestjs/common';
import { SnapshotReadRepository } from './snapshot-read.repository.js';
import type {
  EnvironmentInfo,
  ObjectFilter,
  Page,
  StoredObject,
  VersionInfo,
} from './snapshots.types.js';
import { DomainError } from '../../platform/errors/domain-error.js';

export const MAX_PAGE_SIZE = 500;

/** Which version a read refers to: a number or `latest`, or the newest created at or before `asOf`. */
export interface VersionRef {
  readonly version?: number | 'latest' | undefined;
  readonly asOf?: Date | undefined;
}

/** A version number, `latest`, or a {@link VersionRef}. */
export type VersionSelector = number | 'latest' | VersionRef;

/** A page of objects and the version that answered (useful when the read was by `asOf`). */
export interface ObjectPage extends Page<StoredObject> {
  readonly version: VersionInfo;
}

function toVersionRef(selector: VersionSelector): VersionRef {
  return typeof selector === 'object' ? selector : { version: selector };
}

@Injectable()
export class SnapshotsService {
  constructor(private readonly reads: SnapshotReadRepository) {}

  listEnvironments(): Promise<EnvironmentInfo[]> {
    return this.reads.listEnvironments();
  }

  async getEnvironment(name: string): Promise<EnvironmentInfo> {
    return (await this.reads.findEnvironment(name)).info;
  }

  /** Newest first; with `asOf`, only versions created at or before it. */
  listVersions(
    environment: string,
    limit: number,
    cursor: string | null,
    asOf: Date | null = null,
  ): Promise<Page<VersionInfo>> {
    return this.reads.listVersions(
      environment,
      clampLimit(limit),
      parseVersionCursor(cursor),
      asOf,
    );
  }

  getVersion(environment: string, version: VersionSelector): Promise<VersionInfo> {
    return this.resolveVersionRef(environment, toVersionRef(version));
  }

  /**
   * The version a read refers to: a number, `latest`, or `asOf` (the newest version created at or
   * before that instant). Nothing given means the latest. Giving both is an INVALID_ARGUMENT.
   * Every module that reads "the mesh at some point" (objects, graph, routes, validations)
   * resolves its version through this.
   */
  async resolveVersionRef(environment: string, ref: VersionRef): Promise<VersionInfo> {
    if (ref.version !== undefined && ref.asOf !== undefined) {
      throw new DomainError('INVALID_ARGUMENT', 'give either a version or asOf, not both');
    }
    if (ref.asOf !== undefined) {
      return this.reads.findVersionAsOf(environment, ref.asOf);
    }
    return this.reads.findVersion(environment, ref.version ?? 'latest');
  }

  async listObjects(
    environment: string,
    version: VersionSelector,
    filter: ObjectFilter,
    page: { limit: number; after: string | null },
  ): Promise<ObjectPage> {
    const info = await this.resolveVersionRef(environment, toVersionRef(version));
    const isUnfiltered =
      filter.kind === undefined && filter.namespace === undefined && filter.name === undefined;
    const objects = await this.reads.listObjects(
      environment,
      info.number,
      filter,
      { limit: clampLimit(page.limit), after: page.after },
      isUnfiltered ? info.objectCount : null,
    );
    return { ...objects, version: info };
  }

  async getObject(
    environment: string,
    version: VersionSelector,
    key: { kind: string; namespace: string; name: string },
  ): Promise<StoredObject> {
    const page = await this.listObjects(environment, version, key, { limit: 2, after: null });
    const found = page.items[0];
    if (found === undefined) {
      throw new DomainError(
        'OBJECT_NOT_FOUND',
        `no ${key.kind} ${key.namespace === '' ? '' : key.namespace + '/'}${key.name} in version ${page.version.number} of "${environment}"`,
      );
    }
    return found;
  }
}

function clampLimit(limit: number): number {
  return Math.max(1, Math.min(MAX_PAGE_SIZE, Math.floor(limit)));
}

function parseVersionCursor(cursor: string | null): number | null {
  if (cursor === null) {
    return null;
  }
  const n = Number(cursor);
  if (!Number.isInteger(n) || n < 1) {
    throw new DomainError('INVALID_ARGUMENT', `invalid cursor "${cursor}"`);
  }
  return n;
}

/** `latest` or a positive integer, from a path or query parameter. */
export function parseVersionRef(value: string): number | 'latest' {
  if (value === 'latest') {
    return 'latest';
  }
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) {
    throw new DomainError(
      'INVALID_ARGUMENT',
      `version must be a positive integer or "latest", got "${value}"`,
    );
  }
  return n;
}

const ISO_TIMESTAMP =
  /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

/**
 * An ISO 8601 instant from a query parameter: `2026-03-01`, `2026-03-01T14:00`,
 * `2026-03-01T14:00:00.000Z`, `2026-03-01T14:00:00+02:00`. A date or time without a zone is UTC.
 */
export function parseTimestamp(value: string, name = 'asOf'): Date {
  const match = ISO_TIMESTAMP.exec(value.trim());
  if (match === null) {
    throw new DomainError(
      'INVALID_ARGUMENT',
      `${name} must be an ISO 8601 timestamp, got "${value}"`,
    );
  }
  const [, day = '', time = '00:00', zone = 'Z'] = match;
  const date = new Date(`${day}T${time}${isoOffset(zone)}`);
  if (Number.isNaN(date.getTime()) || !isCalendarDay(day)) {
    throw new DomainError('INVALID_ARGUMENT', `${name} is not a valid instant: "${value}"`);
  }
  return date;
}

function isCalendarDay(day: string): boolean {
  const date = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === day;
}

/** `Z`, `+HH`, `+HHMM` or `+HH:MM` as JavaScript's `Z` / `+HH:MM`. */
function isoOffset(zone: string): string {
  if (zone.toUpperCase() === 'Z') {
    return 'Z';
  }
  const digits = zone.slice(1).replace(':', '');
  return `${zone.slice(0, 1)}${digits.slice(0, 2)}:${digits.slice(2).padEnd(2, '0')}`;
}

/** `version` and `asOf` query parameters as a {@link VersionRef} (neither: the latest). */
export function parseVersionQuery(
  version: string | undefined,
  asOf: string | undefined,
): VersionRef {
  return {
    ...(version === undefined ? {} : { version: parseVersionRef(version) }),
    ...(asOf === undefined ? {} : { asOf: parseTimestamp(asOf) }),
  };
}
