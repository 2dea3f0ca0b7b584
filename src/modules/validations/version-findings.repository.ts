import { Injectable } from '@nestjs/common';
import type { ReportFinding } from '../../engine/index.js';
import { PrismaService } from '../../platform/database/prisma.service.js';

/** Findings of a version per engine version: computed once, read many times (versions are immutable). */
@Injectable()
export class VersionFindingsRepository {
  constructor(private readonly prisma: PrismaService) {}

  async versionId(environment: string, number: number): Promise<bigint | null> {
    const row = await this.prisma.version.findFirst({
      where: { number, environment: { name: environment } },
      select: { id: true },
    });
    return row?.id ?? null;
  }

  async find(versionId: bigint, engineVersion: string): Promise<ReportFinding[] | null> {
    const row = await this.prisma.versionFindings.findUnique({
      where: { versionId_engineVersion: { versionId, engineVersion } },
    });
    return row === null ? null : (row.findings as unknown as ReportFinding[]);
  }

  async save(
    versionId: bigint,
    engineVersion: string,
    findings: readonly ReportFinding[],
  ): Promise<void> {
    await this.prisma.versionFindings.upsert({
      where: { versionId_engineVersion: { versionId, engineVersion } },
      create: { versionId, engineVersion, findings: findings as never },
      update: {},
    });
  }
}
