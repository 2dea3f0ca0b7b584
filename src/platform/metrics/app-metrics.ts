import type { NextFunction, Request, Response } from 'express';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

/** Route template of a matched request (never the raw URL: label values must stay few). */
function routeOf(request: Request): string {
  const route: unknown = (request as unknown as Record<string, unknown>)['route'];
  const path: unknown =
    typeof route === 'object' && route !== null ? (route as Record<string, unknown>)['path'] : null;
  if (typeof path === 'string') {
    return `${request.baseUrl}${path}`;
  }
  return request.originalUrl.startsWith('/graphql') ? '/graphql' : 'unmatched';
}

export type AnalysisStage = 'graph' | 'validations' | 'diff' | 'impact';

const IMPACT_ROUTE = /\/environments\/:env\/(impact|diff)$/;

/**
 * Prometheus metrics of one application instance (its own registry, so tests may build several
 * apps in one process). Requests are observed from the HTTP exchange; the services that run the
 * engine report its durations and their cache lookups (timeAnalysis, countCacheLookup).
 */
export class AppMetrics {
  readonly registry = new Registry();
  private readonly requestSeconds = new Histogram({
    name: 'meshlens_http_request_duration_seconds',
    help: 'HTTP request latency by route template, method and status (REST and /graphql)',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [this.registry],
  });
  private readonly ingestBytes = new Histogram({
    name: 'meshlens_ingest_request_bytes',
    help: 'Body size of ingest requests (Content-Length), accepted or not',
    buckets: [1e3, 1e4, 1e5, 1e6, 1e7, 5e7, 1e8],
    registers: [this.registry],
  });
  private readonly cacheLookups = new Counter({
    name: 'meshlens_impact_cache_lookups_total',
    help: 'Impact/diff report cache lookups by result (hit, miss)',
    labelNames: ['result'] as const,
    registers: [this.registry],
  });

  private readonly analysisSeconds = new Histogram({
    name: 'meshlens_analysis_duration_seconds',
    help: 'Engine work by stage: graph (resolve + reachability of a stored version), validations (all rules on a version), diff and impact (one report)',
    labelNames: ['stage'] as const,
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
    registers: [this.registry],
  });
  private readonly computedCacheLookups = new Counter({
    name: 'meshlens_cache_lookups_total',
    help: "Lookups of the computed-result caches: graph (resolved versions, in memory), findings (per version, in the database), impact-findings (a base version's findings for impact reports, in memory), report (impact/diff, in the database)",
    labelNames: ['cache', 'result'] as const,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'meshlens_' });
  }

  /** Express middleware: times every request and reads the cache header of impact responses. */
  readonly middleware = (request: Request, response: Response, next: NextFunction): void => {
    const stop = this.requestSeconds.startTimer();
    response.once('finish', () => {
      const route = routeOf(request);
      stop({ method: request.method, route, status: String(response.statusCode) });
      if (request.method === 'POST' && route.endsWith('/environments/:env/versions')) {
        const length = Number(request.headers['content-length']);
        if (Number.isFinite(length)) {
          this.ingestBytes.observe(length);
        }
      }
      const cache = response.getHeader('x-meshlens-cache');
      if (IMPACT_ROUTE.test(route) && (cache === 'hit' || cache === 'miss')) {
        this.cacheLookups.inc({ result: cache });
      }
    });
    next();
  };

  /** Runs one stage of engine work and records how long it took (also when it throws). */
  timeAnalysis<T>(stage: AnalysisStage, work: () => T): T {
    const stop = this.analysisSeconds.startTimer({ stage });
    try {
      return work();
    } finally {
      stop();
    }
  }

  countCacheLookup(cache: 'graph' | 'findings' | 'impact-findings' | 'report', hit: boolean): void {
    this.computedCacheLookups.inc({ cache, result: hit ? 'hit' : 'miss' });
  }

  text(): Promise<string> {
    return this.registry.metrics();
  }
}
