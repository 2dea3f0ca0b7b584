import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  createImpactFieldLocator,
  ENGINE_VERSION,
  impactOfChange,
  parseSnapshot,
  type ImpactReport,
  type Resource,
  type SnapshotImpactOptions,
  type SourceFile,
  type ValidationSettings,
} from '../../engine/index.js';
import { ValidationSettingsRepository } from '../validations/validation-settings.repository.js';
import { GraphService } from '../graph/graph.service.js';
import { inputErrorToDomain } from '../../platform/errors/domain-error.js';
import { snapshotDigest, toObjectsToStore } from '../snapshots/content-hash.js';
import {
  SnapshotContentService,
  type VersionContent,
} from '../snapshots/snapshot-content.service.js';
import { SnapshotsService } from '../snapshots/snapshots.service.js';
import { BaseFindingsCache } from './base-findings.cache.js';
import { ImpactCacheRepository } from './impact-cache.repository.js';
import { ProposalRepository, type ProposalRecord } from './proposal.repository.js';
import { APP_CONFIG, type AppConfig } from '../../platform/config/app-config.js';
import { AppMetrics } from '../../platform/metrics/app-metrics.js';

export type VersionRef = number | 'latest';

interface SettingsOf {
  readonly analyze: ValidationSettings;
  /** '' for the defaults, else a digest of the settings (report and findings cache keys). */
  readonly keySuffix: string;
}
/**
 * `previous`: the newest stored version before the target. Retention may have pruned the ones
 * right before it, so that is not always `target - 1`; with none left, the empty snapshot.
 */
export type BaseRef = VersionRef | 'previous';

export interface ImpactRequest {
  readonly environment: string;
  readonly base: VersionRef;
  readonly files: readonly SourceFile[];
  readonly defaultNamespace: string;
  /** Store the proposed manifests as a proposal (not a version), e.g. for PR `pr:812`. */
  readonly proposal: {
    readonly source: string | null;
    readonly commit: string | null;
    readonly author: string | null;
  } | null;
}

export interface ImpactResult {
  readonly report: ImpactReport;
  readonly proposal: ProposalRecord | null;
  readonly cached: boolean;
}

/** Diff of two stored versions, and impact of proposed manifests against a stored base. */
@Injectable()
export class ImpactService {
  constructor(
    private readonly content: SnapshotContentService,
    private readonly snapshots: SnapshotsService,
    private readonly cache: ImpactCacheRepository,
    private readonly proposals: ProposalRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly graphs: GraphService,
    private readonly metrics: AppMetrics,
    private readonly validationSettings: ValidationSettingsRepository,
    private readonly baseFindings: BaseFindingsCache,
  ) {}

  /**
   * The environment's validation settings for the findings part of a report, and the suffix they
   * add to its cache key (none when the environment has the defaults, so existing keys stay).
   */
  private async settingsOf(environment: string): Promise<SettingsOf> {
    const { disabledCodes, levelOverrides } = await this.validationSettings.get(environment);
    const analyze = { disabledCodes, levelOverrides };
    if (disabledCodes.length === 0 && Object.keys(levelOverrides).length === 0) {
      return { analyze, keySuffix: '' };
    }
    const digest = createHash('sha256').update(JSON.stringify(analyze)).digest('hex');
    return { analyze, keySuffix: `:settings=${digest.slice(0, 16)}` };
  }

  /**
   * The base version's resolved graph and reachability from the graph module's per-version
   * cache, so an impact does not resolve a stored version again (none for the empty version 0).
   */
  private async resolvedBase(
    environment: string,
    version: number,
    settings: SettingsOf,
  ): Promise<Pick<SnapshotImpactOptions, 'baseResolved' | 'baseFindings'>> {
    if (version === 0) {
      return {};
    }
    // The very graph and reach objects of the cache: the engine keeps what it needs to update
    // them incrementally on those objects (pipeline.ts, compute-impact.ts).
    const { graph, reach } = await this.graphs.resolve(environment, version);
    return {
      baseResolved: { graph, reach },
      baseFindings: this.baseFindings.get(graph, settings.analyze, settings.keySuffix),
    };
  }

  async diff(environment: string, from: BaseRef, to: VersionRef): Promise<ImpactResult> {
    const target = await this.content.loadVersion(environment, to);
    const base = await this.loadBase(environment, from, target.version);
    const settings = await this.settingsOf(environment);
    const key = `diff:${base.digest}:${target.digest}:${ENGINE_VERSION}${settings.keySuffix}`;
    const refs = {
      base: { environment, version: base.version },
      target: { environment, version: target.version },
    };
    const cached = await this.cache.find(key);
    this.metrics.countCacheLookup('report', cached !== null);
    if (cached !== null) {
      return { report: withRefs(cached, refs), proposal: null, cached: true };
    }
    const cachedBase = await this.resolvedBase(environment, base.version, settings);
    const report = this.metrics.timeAnalysis('diff', () =>
      impactOfChange(
        { resources: base.resources, ref: refs.base },
        { resources: target.resources, ref: refs.target },
        { hashOf: hashLookup(base, target), ...cachedBase, analyze: settings.analyze },
      ),
    );
    await this.cache.save(key, 'diff', ENGINE_VERSION, report);
    return { report, proposal: null, cached: false };
  }

  private async loadBase(
    environment: string,
    from: BaseRef,
    targetVersion: number,
  ): Promise<VersionContent> {
    if (from !== 'previous') {
      return this.content.loadVersion(environment, from);
    }
    // Pruned versions have no `version` row: the newest row numbered below the target is the
    // newest kept version before it (the versions listing, with the target as its cursor).
    const previous =
      targetVersion <= 1
        ? undefined
        : (await this.snapshots.listVersions(environment, 1, String(targetVersion))).items[0];
    if (previous === undefined) {
      return { environment, version: 0, digest: EMPTY_DIGEST, resources: [], hashes: new Map() };
    }
    return this.content.loadVersion(environment, previous.number);
  }

  async impact(request: ImpactRequest): Promise<ImpactResult> {
    const parsed = parseSnapshot(request.files, {
      defaultNamespace: request.defaultNamespace,
      limits: this.config.parseLimits,
    });
    if (!parsed.ok) {
      throw inputErrorToDomain(parsed.error);
    }
    const base = await this.content.loadVersion(request.environment, request.base);
    const objects = toObjectsToStore(parsed.value.resources);
    const digest = snapshotDigest(objects);
    const label = request.proposal?.source ?? 'proposed';
    const refs = {
      base: { environment: request.environment, version: base.version },
      target: { source: label },
    };
    const settings = await this.settingsOf(request.environment);
    const key = `impact:${base.digest}:${digest}:${ENGINE_VERSION}${settings.keySuffix}`;
    const proposal =
      request.proposal === null
        ? null
        : await this.proposals.save({
            environment: request.environment,
            baseVersion: base.version,
            digest,
            objects,
            ...request.proposal,
          });
    const cached = await this.cache.find(key);
    this.metrics.countCacheLookup('report', cached !== null);
    if (cached !== null) {
      return { report: withRefs(cached, refs), proposal, cached: true };
    }
    const targetHashes = new Map<Resource, string>(
      parsed.value.resources.map((r, i) => [r, objects[i]?.hash ?? '']),
    );
    const cachedBase = await this.resolvedBase(request.environment, base.version, settings);
    const report = this.metrics.timeAnalysis('impact', () =>
      impactOfChange(
        { resources: base.resources, ref: refs.base },
        { resources: parsed.value.resources, ref: refs.target },
        {
          hashOf: (r) => base.hashes.get(r) ?? targetHashes.get(r) ?? '',
          ...cachedBase,
          // Introduced findings carry their field's line in the proposed files (base versions
          // come from the store, without file text: their findings keep the object's line).
          analyze: {
            ...settings.analyze,
            locate: createImpactFieldLocator(
              { files: [] },
              { files: request.files, resources: parsed.value.resources },
            ),
          },
        },
      ),
    );
    await this.cache.save(key, 'impact', ENGINE_VERSION, report);
    return { report, proposal, cached: false };
  }
}

const EMPTY_DIGEST = 'empty';

/**
 * A cached report with this request's refs (the cache key has content digests, not version
 * numbers or names). The cache keeps the report's text as written (`json`, not `jsonb`), and
 * spreading onto keys the report already has keeps their places, so the answer is byte for byte
 * what computing it again would give.
 */
function withRefs(cached: ImpactReport, refs: Pick<ImpactReport, 'base' | 'target'>): ImpactReport {
  return { ...cached, base: refs.base, target: refs.target };
}

function hashLookup(a: VersionContent, b: VersionContent): (r: Resource) => string {
  return (r) => a.hashes.get(r) ?? b.hashes.get(r) ?? '';
}
