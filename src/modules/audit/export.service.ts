import { Injectable } from '@nestjs/common';
import { dump } from 'js-yaml';
import { SnapshotsService, type VersionRef } from '../snapshots/snapshots.service.js';
import { AuditRepository } from './audit.repository.js';
import type { VersionExport } from './audit.types.js';
import { ExportRepository } from './export.repository.js';

const BATCH = 2_000;

/**
 * Keys sorted and no line folding, so the same version always exports byte-identical text;
 * strings that YAML would read as another type are quoted by js-yaml.
 */
const DUMP_OPTIONS = { sortKeys: true, lineWidth: -1, noRefs: true } as const;

/** A version as a multi-document YAML bundle that re-ingests to the same digest. */
@Injectable()
export class ExportService {
  constructor(
    private readonly snapshots: SnapshotsService,
    private readonly audit: AuditRepository,
    private readonly exports: ExportRepository,
  ) {}

  /**
   * Objects in id order (`<group or core>/<Kind>/<namespace>/<name>`), one document each, as
   * stored: normalised, Secrets without values (their key names in the
   * `meshlens.io/redacted-keys` annotation, which the normaliser keeps), so ingesting the bundle
   * yields the same content hashes and therefore the same digest.
   */
  async exportVersion(environment: string, ref: VersionRef): Promise<VersionExport> {
    const version = await this.snapshots.resolveVersionRef(environment, ref);
    const environmentId = await this.audit.environmentId(environment);
    const header =
      `# meshlens export: environment ${environment}, version ${version.number}, ` +
      `${version.objectCount} objects, digest ${version.digest}\n`;
    const parts: string[] = [header];
    let after: string | null = null;
    let count = 0;
    for (;;) {
      const batch = await this.exports.objectsAt(environmentId, version.number, after, BATCH);
      for (const object of batch) {
        parts.push(`---\n${dump(object.body, DUMP_OPTIONS)}`);
      }
      count += batch.length;
      const last = batch.at(-1);
      if (batch.length < BATCH || last === undefined) {
        break;
      }
      after = last.id;
    }
    return {
      environment,
      version: version.number,
      digest: version.digest,
      objectCount: count,
      yaml: parts.join(''),
    };
  }
}
