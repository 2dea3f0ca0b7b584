import { Injectable } from '@nestjs/common';
import type { ImpactReport } from '../../engine/index.js';
import { PrismaService } from '../../platform/database/prisma.service.js';

/**
 * Computed reports keyed by (kind, base digest, target digest, engine version). The column is
 * `json`, which keeps the report's text as written: a report read back has the computed one's key
 * order, so serving it gives the same bytes (a `jsonb` column would reorder the keys).
 */
@Injectable()
export class ImpactCacheRepository {
  constructor(private readonly prisma: PrismaService) {}

  async find(key: string): Promise<ImpactReport | null> {
    const row = await this.prisma.reportCache.findUnique({ where: { key } });
    return row === null ? null : (row.report as unknown as ImpactReport);
  }

  async save(
    key: string,
    kind: string,
    engineVersion: string,
    report: ImpactReport,
  ): Promise<void> {
    await this.prisma.reportCache.upsert({
      where: { key },
      create: { key, kind, engineVersion, report: report as never },
      update: {},
    });
  }
}
