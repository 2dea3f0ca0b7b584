import { Injectable } from '@nestjs/common';
import {
  impactFindings,
  type MeshGraph,
  type ReportFinding,
  type ValidationSettings,
} from '../../engine/index.js';
import { AppMetrics } from '../../platform/metrics/app-metrics.js';

const CAPACITY = 8;

/**
 * The findings of a stored version as impact reports compare them, per validation settings,
 * computed once on the version's cached graph (so the engine can also reuse the per-rule results
 * it keeps on that graph for the target side) and passed to impactOfChange as `baseFindings`.
 * Keyed by the graph object itself: it is evicted with the graph cache's entry.
 */
@Injectable()
export class BaseFindingsCache {
  private readonly byGraph = new WeakMap<MeshGraph, Map<string, ReportFinding[]>>();

  constructor(private readonly metrics: AppMetrics) {}

  get(graph: MeshGraph, settings: ValidationSettings, settingsKey: string): ReportFinding[] {
    let perSettings = this.byGraph.get(graph);
    if (perSettings === undefined) {
      perSettings = new Map();
      this.byGraph.set(graph, perSettings);
    }
    const known = perSettings.get(settingsKey);
    this.metrics.countCacheLookup('impact-findings', known !== undefined);
    if (known !== undefined) {
      return known;
    }
    const findings = this.metrics.timeAnalysis('validations', () =>
      impactFindings(graph.resources, graph, { analyze: settings }),
    );
    if (perSettings.size >= CAPACITY) {
      perSettings.clear();
    }
    perSettings.set(settingsKey, findings);
    return findings;
  }
}
