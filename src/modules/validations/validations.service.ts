import { Injectable } from '@nestjs/common';
import {
  analyze,
  applyValidationSettings,
  checkValidationSettings,
  ENGINE_VERSION,
  type FindingLevel,
  knownFindingCodes,
  toReportFinding,
  type ReportFinding,
} from '../../engine/index.js';
import { DomainError } from '../../platform/errors/domain-error.js';
import { AppMetrics } from '../../platform/metrics/app-metrics.js';
import { GraphService, type VersionRef } from '../graph/graph.service.js';
import {
  ValidationSettingsRepository,
  type StoredValidationSettings,
} from './validation-settings.repository.js';
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
  /** Findings the environment's settings hid (disabled codes), before the filter. */
  readonly disabledBySettings: number;
}

export interface ValidationSettingsInput {
  readonly disabledCodes: readonly string[];
  readonly levelOverrides: Readonly<Record<string, string>>;
}

/** The levels a finding has, spelled as findings carry them: the `level` filter accepts these. */
const FINDING_LEVELS = ['Error', 'Warning', 'Info'] as const satisfies readonly FindingLevel[];

/** An unknown level or code would silently match nothing: refused, naming what is accepted. */
function checkFilter(filter: FindingFilter): void {
  const code = filter.code;
  if (code !== undefined && !knownFindingCodes().has(code)) {
    throw new DomainError(
      'INVALID_ARGUMENT',
      `code "${code}" is not a code meshlens reports (MESHnnnn, ISTnnnn or KIAnnnn: docs/rules.md)`,
    );
  }
  const level = filter.level;
  if (level !== undefined && !(FINDING_LEVELS as readonly string[]).includes(level)) {
    throw new DomainError(
      'INVALID_ARGUMENT',
      `level must be one of ${FINDING_LEVELS.join(', ')}, not "${level}"`,
    );
  }
}

/** `kind` matches in any case (`virtualservice`), as kubectl accepts it. */
function matches(f: ReportFinding, filter: FindingFilter): boolean {
  const codes = [f.code, f.istioCode, f.kialiCode];
  return (
    (filter.code === undefined || codes.includes(filter.code)) &&
    (filter.level === undefined || f.level === filter.level) &&
    (filter.kind === undefined || f.resource.kind.toLowerCase() === filter.kind.toLowerCase()) &&
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
    private readonly settings: ValidationSettingsRepository,
  ) {}

  getSettings(environment: string): Promise<StoredValidationSettings> {
    return this.settings.get(environment);
  }

  /** Replaces the environment's settings; unknown codes or levels are refused, all listed. */
  async setSettings(
    environment: string,
    input: ValidationSettingsInput,
  ): Promise<StoredValidationSettings> {
    const checked = checkValidationSettings(input);
    if (checked.problems.length > 0) {
      throw new DomainError('INVALID_ARGUMENT', checked.problems.join('; '), {
        problems: checked.problems,
      });
    }
    return this.settings.set(environment, checked.settings);
  }

  async forVersion(
    environment: string,
    version: VersionRef,
    asOf: Date | undefined,
    filter: FindingFilter,
  ): Promise<VersionValidations> {
    checkFilter(filter);
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
    // Stored findings are computed without settings, so changing them never invalidates a cache.
    const settled = applyValidationSettings(findings, await this.settings.get(environment));
    return {
      environment,
      version: resolved.version,
      cached,
      findings: settled.filter((f) => matches(f, filter)),
      disabledBySettings: findings.length - settled.length,
    };
  }
}
