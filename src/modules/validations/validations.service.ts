import { Injectable } from '@nestjs/common';
import {
  analyze,
  ENGINE_VERSION,
  toReportFinding,
  type ReportFinding,
} from '../../engine/index.js';
import { AppMetrics } from '../../platform/metrics/app-metrics.js';
import { GraphService, type VersionRef } from '../graph/graph.service.js';
import { VersionFindingsRepository } from './version-findings.repository.js';

export interface FindingFilter {
  readonly code?: string | undefined;
  readonly level?: string | undefined;
  readonly kind?: string | undefined;
  readonly namespace?: string | undefined;
  readonly name?: string | undefined;
}

export interface VersionValidations {
  readonly environment: string;
  readonly version: number;
  readonly cached: boolean;
  readonly findings: readonly ReportFinding[];
}

function matches(f: ReportFinding, filter: FindingFilter): boolean {
  const codes = [f.code, f.istioCode, f.kialiCode];
  return (
    (filter.code === undefined || codes.includes(filter.code)) &&
    (filter.level === undefined || f.level === filter.level) &&
    (filter.kind === undefined || f.resource.kind === filter.kind) &&
    (filter.namespace === undefined || f.resource.namespace === filter.namespace) &&
    (filter.name === undefined || f.resource.name === filter.name)
  );
}

/**
 * Validation findings of a stored version: computed lazily on first read from the version's
 * resolved graph (shared with the graph module's cache), then kept per engine version.
 */
@Injectable()
export class ValidationsService {
  constructor(
    private readonly graphs: GraphService,
    private readonly store: VersionFindingsRepository,
    private readonly metrics: AppMetrics,
  ) {}

  async forVersion(
    environment: string,
    version: VersionRef,
    asOf: Date | undefined,
    filter: FindingFilter,
  ): Promise<VersionValidations> {
    const resolved = await this.graphs.resolve(environment, version, asOf);
    const id = await this.store.versionId(environment, resolved.version);
    let findings = id === null ? null : await this.store.find(id, ENGINE_VERSION);
    const cached = findings !== null;
    this.metrics.countCacheLookup('findings', cached);
    if (findings === null) {
      findings = this.metrics.timeAnalysis('validations', () =>
        analyze(resolved.graph.resources, { graph: resolved.graph }).map(toReportFinding),
      );
      if (id !== null) {
        await this.store.save(id, ENGINE_VERSION, findings);
      }
    }
    return {
      environment,
      version: resolved.version,
      cached,
      findings: findings.filter((f) => matches(f, filter)),
    };
  }
}
