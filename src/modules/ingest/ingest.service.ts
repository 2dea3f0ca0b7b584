import { Inject, Injectable } from '@nestjs/common';
import type { SourceFile } from '../../engine/index.js';
import { DomainError, inputErrorToDomain } from '../../platform/errors/domain-error.js';
import { RetentionService } from '../audit/retention.service.js';
import { SnapshotIngester } from '../snapshots/snapshot-ingester.js';
import type { VersionInfo, VersionMetadata } from '../snapshots/snapshots.types.js';
import { APP_CONFIG, type AppConfig } from '../../platform/config/app-config.js';

export interface IngestWarning {
  readonly code: string;
  readonly file: string;
  readonly document: number | null;
  readonly line: number | null;
  readonly kind: string;
  readonly name: string;
  readonly message: string;
}

export interface IngestResult {
  readonly created: boolean;
  readonly version: VersionInfo;
  readonly message: string;
  readonly objectCount: number;
  readonly rowsWritten: number;
  readonly warnings: readonly IngestWarning[];
}

export interface IngestRequest {
  readonly environment: string;
  readonly files: readonly SourceFile[];
  readonly defaultNamespace: string;
  readonly metadata: VersionMetadata;
  /** Store a snapshot with no object (removes every object); else refused (MESH0008). */
  readonly allowEmpty?: boolean;
}

const ENVIRONMENT_NAME = /^[a-z0-9]([a-z0-9._-]{0,126}[a-z0-9])?$/i;

/**
 * Parses and validates with the engine, then stores: one bad document stores nothing. Parsing is
 * incremental per environment (SnapshotIngester): only documents not seen in the environment's
 * last ingest are parsed and validated.
 */
@Injectable()
export class IngestService {
  constructor(
    private readonly ingester: SnapshotIngester,
    private readonly retention: RetentionService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async ingest(request: IngestRequest): Promise<IngestResult> {
    if (!ENVIRONMENT_NAME.test(request.environment)) {
      throw new DomainError(
        'INVALID_ARGUMENT',
        `environment name "${request.environment}" must be 1-128 letters, digits, '.', '_' or '-'`,
      );
    }
    if (request.files.length === 0) {
      throw new DomainError('INVALID_INPUT', 'the request holds no documents');
    }
    const ingested = await this.ingester.ingest({
      environment: request.environment,
      files: request.files,
      options: { defaultNamespace: request.defaultNamespace, limits: this.config.parseLimits },
      metadata: request.metadata,
      allowEmpty: request.allowEmpty === true,
    });
    if (!ingested.ok) {
      throw inputErrorToDomain(ingested.error);
    }
    const { stored, objectCount, warnings } = ingested.value;
    if (stored.created) {
      // The environment's retention policy, if any (docs/audit.md); a no-op without one.
      await this.retention.applyRetention(request.environment);
    }
    return {
      created: stored.created,
      version: stored.version,
      message: stored.created
        ? `stored version ${stored.version.number} (${stored.version.added} added, ${stored.version.modified} modified, ${stored.version.removed} removed)`
        : `identical to version ${stored.version.number}: no new version created`,
      objectCount,
      rowsWritten: stored.rowsWritten,
      warnings,
    };
  }
}
