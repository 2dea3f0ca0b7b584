import { Injectable } from '@nestjs/common';
import {
  ENGINE_VERSION,
  resolveSide,
  type MeshGraph,
  type Reachability,
} from '../../engine/index.js';
import { AppMetrics } from '../../platform/metrics/app-metrics.js';
import { SnapshotContentService } from '../snapshots/snapshot-content.service.js';

export interface ResolvedVersion {
  readonly environment: string;
  readonly version: number;
  readonly digest: string;
  readonly graph: MeshGraph;
  readonly reach: Reachability;
}

const CAPACITY = 8;

/**
 * The resolved graph and reachability per stored version, computed once and shared by every
 * field of every query (the "DataLoader" of this module): in-flight loads are de-duplicated and
 * the most recently used versions are kept (versions are immutable, so entries never go stale;
 * the key carries the engine version).
 */
@Injectable()
export class ResolvedGraphCache {
  private readonly entries = new Map<string, Promise<ResolvedVersion>>();

  constructor(
    private readonly content: SnapshotContentService,
    private readonly metrics: AppMetrics,
  ) {}

  async get(environment: string, version: number | 'latest'): Promise<ResolvedVersion> {
    const content = await this.content.loadVersionHead(environment, version);
    const key = `${environment}\u0000${String(content.version)}\u0000${content.digest}\u0000${ENGINE_VERSION}`;
    let entry = this.entries.get(key);
    this.metrics.countCacheLookup('graph', entry !== undefined);
    if (entry === undefined) {
      entry = this.resolve(environment, content.version);
      this.entries.set(key, entry);
      entry.catch(() => this.entries.delete(key));
      while (this.entries.size > CAPACITY) {
        const oldest = this.entries.keys().next().value;
        if (oldest === undefined) {
          break;
        }
        this.entries.delete(oldest);
      }
    } else {
      this.entries.delete(key);
      this.entries.set(key, entry);
    }
    return entry;
  }

  private async resolve(environment: string, version: number): Promise<ResolvedVersion> {
    const content = await this.content.loadVersion(environment, version);
    const { graph, reach } = this.metrics.timeAnalysis('graph', () =>
      resolveSide(content.resources, {}),
    );
    return { environment, version: content.version, digest: content.digest, graph, reach };
  }
}
