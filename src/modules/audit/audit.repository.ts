import { Injectable } from '@nestjs/common';
import { environmentIdOf } from '../../platform/database/environment-id.js';
import { PrismaService } from '../../platform/database/prisma.service.js';
import { SqlService } from '../../platform/database/sql.service.js';
import { auditVersionFromRecord, revisionFromRecord } from './audit.mapper.js';
import type { AuditVersion } from './audit.types.js';
import { intArray } from './sql-arrays.js';
import { rangeKey, type RevisionRow, type VersionRange } from './history-events.js';

export interface ObjectKeyQuery {
  readonly kind: string;
  readonly namespace: string;
  readonly name: string;
  /** API group ('' for core); omitted: any group. */
  readonly group?: string | undefined;
}

/** Reads for object history: temporal rows with content, and version metadata. */
@Injectable()
export class AuditRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly db: SqlService,
  ) {}

  environmentId(name: string): Promise<number> {
    return environmentIdOf(this.prisma, name);
  }

  /** Every temporal row of the object(s) with that kind/namespace/name (uses the kind index). */
  async objectRevisions(environmentId: number, key: ObjectKeyQuery): Promise<RevisionRow[]> {
    const records = await this.prisma.resourceRevision.findMany({
      where: {
        environmentId,
        kind: key.kind,
        namespace: key.namespace,
        name: key.name,
        ...(key.group === undefined ? {} : { apiGroup: key.group }),
      },
      orderBy: [{ objectId: 'asc' }, { validFrom: 'asc' }],
      include: { blob: { select: { body: true } } },
    });
    return records.map(revisionFromRecord);
  }

  /** The keys ({@link rangeKey}) of the ranges holding at least one existing version. */
  async rangesWithVersions(
    environmentId: number,
    ranges: readonly VersionRange[],
  ): Promise<Set<string>> {
    if (ranges.length === 0) {
      return new Set();
    }
    const { sql } = this.db;
    const rows = await sql<{ lo: number; hi: number }[]>`
      SELECT g.lo, g.hi
      FROM unnest(${intArray(
        sql,
        ranges.map((r) => r.lo),
      )}::int[],
                  ${intArray(
                    sql,
                    ranges.map((r) => r.hi),
                  )}::int[]) AS g(lo, hi)
      WHERE EXISTS (SELECT 1 FROM version v
                    WHERE v.environment_id = ${environmentId}
                      AND v.number >= g.lo AND v.number < g.hi)`;
    return new Set(rows.map(rangeKey));
  }

  /** Metadata of the given versions that still exist, by number. */
  async versionsByNumber(
    environmentId: number,
    numbers: readonly number[],
  ): Promise<Map<number, AuditVersion>> {
    const records = await this.prisma.version.findMany({
      where: { environmentId, number: { in: [...new Set(numbers)] } },
    });
    return new Map(records.map((r) => [r.number, auditVersionFromRecord(r)]));
  }
}
