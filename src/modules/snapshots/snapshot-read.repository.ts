import { Injectable } from '@nestjs/common';
import { canonicalKindName } from '../../engine/index.js';
import { PrismaService } from '../../platform/database/prisma.service.js';
import { DomainError } from '../../platform/errors/domain-error.js';
import { environmentFromRecord, objectFromRecord, versionFromRecord } from './snapshots.mapper.js';
import type {
  EnvironmentInfo,
  ObjectFilter,
  Page,
  StoredObject,
  VersionInfo,
} from './snapshots.types.js';

/** Reads through Prisma; rows leave only as domain types (snapshots.mapper.ts). */
@Injectable()
export class SnapshotReadRepository {
  constructor(private readonly prisma: PrismaService) {}

  async listEnvironments(): Promise<EnvironmentInfo[]> {
    const records = await this.prisma.environment.findMany({ orderBy: { name: 'asc' } });
    return records.map(environmentFromRecord);
  }

  async findEnvironment(name: string): Promise<{ id: number; info: EnvironmentInfo }> {
    const record = await this.prisma.environment.findUnique({ where: { name } });
    if (record === null) {
      throw new DomainError('ENVIRONMENT_NOT_FOUND', `environment "${name}" does not exist`);
    }
    return { id: record.id, info: environmentFromRecord(record) };
  }

  /**
   * Newest first; `before` is the exclusive upper bound on the version number (cursor), `asOf`
   * keeps only versions created at or before that instant (its first item is the as-of version).
   */
  async listVersions(
    environment: string,
    limit: number,
    before: number | null,
    asOf: Date | null = null,
  ): Promise<Page<VersionInfo>> {
    const env = await this.findEnvironment(environment);
    const scope = { environmentId: env.id, ...(asOf === null ? {} : { createdAt: { lte: asOf } }) };
    const where = { ...scope, ...(before === null ? {} : { number: { lt: before } }) };
    const [records, totalCount] = await Promise.all([
      this.prisma.version.findMany({ where, orderBy: { number: 'desc' }, take: limit + 1 }),
      this.prisma.version.count({ where: scope }),
    ]);
    const items = records.slice(0, limit).map((r) => versionFromRecord(environment, r));
    const last = items.at(-1);
    return {
      items,
      totalCount,
      nextCursor: records.length > limit && last ? String(last.number) : null,
    };
  }

  async findVersion(environment: string, number: number | 'latest'): Promise<VersionInfo> {
    const env = await this.findEnvironment(environment);
    const target = number === 'latest' ? env.info.latestVersion : number;
    const record = await this.prisma.version.findUnique({
      where: { environmentId_number: { environmentId: env.id, number: target } },
    });
    if (record === null) {
      throw new DomainError(
        'VERSION_NOT_FOUND',
        `environment "${environment}" has no version ${String(number)}`,
      );
    }
    return versionFromRecord(environment, record);
  }

  /**
   * The newest version created at or before `asOf` (by creation time, then number). Uses the
   * (environment_id, created_at) index.
   */
  async findVersionAsOf(environment: string, asOf: Date): Promise<VersionInfo> {
    const env = await this.findEnvironment(environment);
    const record = await this.prisma.version.findFirst({
      where: { environmentId: env.id, createdAt: { lte: asOf } },
      orderBy: [{ createdAt: 'desc' }, { number: 'desc' }],
    });
    if (record === null) {
      throw new DomainError(
        'VERSION_NOT_FOUND',
        `environment "${environment}" has no version created at or before ${asOf.toISOString()}`,
      );
    }
    return versionFromRecord(environment, record);
  }

  /** The objects of one version (as-of read over the temporal rows), ordered by object id. */
  async listObjects(
    environment: string,
    version: number,
    filter: ObjectFilter,
    page: { limit: number; after: string | null },
    /** The version's object count when there is no filter: saves counting every visible row. */
    knownTotal: number | null = null,
  ): Promise<Page<StoredObject>> {
    const env = await this.findEnvironment(environment);
    const where = {
      environmentId: env.id,
      validFrom: { lte: version },
      OR: [{ validTo: null }, { validTo: { gt: version } }],
      ...(filter.kind === undefined ? {} : { kind: canonicalKindName(filter.kind) }),
      ...(filter.namespace === undefined ? {} : { namespace: filter.namespace }),
      ...(filter.name === undefined ? {} : { name: filter.name }),
    };
    const [records, totalCount] = await Promise.all([
      this.prisma.resourceRevision.findMany({
        where: page.after === null ? where : { ...where, objectId: { gt: page.after } },
        orderBy: { objectId: 'asc' },
        take: page.limit + 1,
        include: { blob: { select: { body: true } } },
      }),
      knownTotal ?? this.prisma.resourceRevision.count({ where }),
    ]);
    const items = records.slice(0, page.limit).map(objectFromRecord);
    const last = items.at(-1);
    return { items, totalCount, nextCursor: records.length > page.limit && last ? last.id : null };
  }
}
