import { Injectable } from '@nestjs/common';
import { isJsonObject, type JsonObject, type Resource } from '../../engine/index.js';
import { SqlService } from '../../platform/database/sql.service.js';
import { DomainError } from '../../platform/errors/domain-error.js';

interface ContentRow {
  readonly api_group: string;
  readonly api_version: string;
  readonly kind: string;
  readonly namespace: string;
  readonly name: string;
  readonly known: boolean;
  readonly hash: string;
  readonly body: unknown;
}

export interface VersionContent {
  readonly environment: string;
  readonly version: number;
  readonly digest: string;
  readonly resources: Resource[];
  /** Stored content hash per resource, so diffs skip unchanged objects without a deep compare. */
  readonly hashes: ReadonlyMap<Resource, string>;
}

/** Whole-version reads (every object with its body) for graph, diff and impact: one query. */
@Injectable()
export class SnapshotContentRepository {
  constructor(private readonly db: SqlService) {}

  /** Version number and digest only: cheap, for cache keys. */
  async loadHead(
    environment: string,
    version: number | 'latest',
  ): Promise<{ id: number; version: number; digest: string }> {
    const { sql } = this.db;
    const [head] = await sql<{ id: number; number: number; digest: string }[]>`
      SELECT e.id, v.number, v.digest FROM environment e
      JOIN version v ON v.environment_id = e.id
      WHERE e.name = ${environment}
        AND v.number = ${version === 'latest' ? sql`e.latest_version` : version}`;
    if (head === undefined) {
      const [env] = await sql`SELECT 1 FROM environment WHERE name = ${environment}`;
      throw env === undefined
        ? new DomainError('ENVIRONMENT_NOT_FOUND', `environment "${environment}" does not exist`)
        : new DomainError(
            'VERSION_NOT_FOUND',
            `environment "${environment}" has no version ${String(version)}`,
          );
    }
    return { id: head.id, version: head.number, digest: head.digest };
  }

  async loadVersion(environment: string, version: number | 'latest'): Promise<VersionContent> {
    const { sql } = this.db;
    const head = await this.loadHead(environment, version);
    const rows = await sql<ContentRow[]>`
      SELECT r.api_group, r.api_version, r.kind, r.namespace, r.name, r.known, r.hash, b.body
      FROM resource_revision r JOIN blob b ON b.hash = r.hash
      WHERE r.environment_id = ${head.id} AND r.valid_from <= ${head.version}
        AND (r.valid_to IS NULL OR r.valid_to > ${head.version})
      ORDER BY r.object_id`;
    const hashes = new Map<Resource, string>();
    const resources = rows.map((row) => {
      const resource: Resource = {
        key: { group: row.api_group, kind: row.kind, namespace: row.namespace, name: row.name },
        apiVersion: row.api_version,
        body: toBody(row.body),
        known: row.known,
      };
      hashes.set(resource, row.hash);
      return resource;
    });
    return { environment, version: head.version, digest: head.digest, resources, hashes };
  }
}

function toBody(value: unknown): JsonObject {
  if (!isJsonObject(value)) {
    throw new Error('stored object body is not a JSON object');
  }
  return value;
}
