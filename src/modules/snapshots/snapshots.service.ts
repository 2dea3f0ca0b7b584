import { Injectable } from '@nestjs/common';
import type { Resource } from '../../engine/index.js';
import { snapshotDigest, toObjectsToStore } from './content-hash.js';
import { SnapshotReadRepository } from './snapshot-read.repository.js';
import { SnapshotStoreRepository } from './snapshot-store.repository.js';
import type {
  EnvironmentInfo,
  ObjectFilter,
  Page,
  StoredObject,
  StoreVersionResult,
  VersionInfo,
  VersionMetadata,
} from './snapshots.types.js';
import { DomainError } from '../../platform/errors/domain-error.js';

export const MAX_PAGE_SIZE = 500;

@Injectable()
export class SnapshotsService {
  constructor(
    private readonly store: SnapshotStoreRepository,
    private readonly reads: SnapshotReadRepository,
  ) {}

  /** Stores a parsed snapshot as the next version, or reports that the latest already holds it. */
  storeSnapshot(
    environment: string,
    resources: readonly Resource[],
    metadata: VersionMetadata,
  ): Promise<StoreVersionResult> {
    const objects = toObjectsToStore(resources);
    return this.store.storeVersion({ environment, metadata, digest: snapshotDigest(objects), objects });
  }

  listEnvironments(): Promise<EnvironmentInfo[]> {
    return this.reads.listEnvironments();
  }

  async getEnvironment(name: string): Promise<EnvironmentInfo> {
    return (await this.reads.findEnvironment(name)).info;
  }

  listVersions(environment: string, limit: number, cursor: string | null): Promise<Page<VersionInfo>> {
    return this.reads.listVersions(environment, clampLimit(limit), parseVersionCursor(cursor));
  }

  getVersion(environment: string, version: number | 'latest'): Promise<VersionInfo> {
    return this.reads.findVersion(environment, version);
  }

  async listObjects(
    environment: string,
    version: number | 'latest',
    filter: ObjectFilter,
    page: { limit: number; after: string | null },
  ): Promise<Page<StoredObject>> {
    const info = await this.reads.findVersion(environment, version);
    return this.reads.listObjects(environment, info.number, filter, { limit: clampLimit(page.limit), after: page.after });
  }

  async getObject(
    environment: string,
    version: number | 'latest',
    key: { kind: string; namespace: string; name: string },
  ): Promise<StoredObject> {
    const page = await this.listObjects(environment, version, key, { limit: 2, after: null });
    const found = page.items[0];
    if (found === undefined) {
      throw new DomainError(
        'OBJECT_NOT_FOUND',
        `no ${key.kind} ${key.namespace === '' ? '' : key.namespace + '/'}${key.name} in version ${String(version)} of "${environment}"`,
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
    throw new DomainError('INVALID_ARGUMENT', `version must be a positive integer or "latest", got "${value}"`);
  }
  return n;
}
