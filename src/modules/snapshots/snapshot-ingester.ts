import { Injectable } from '@nestjs/common';
import { performance } from 'node:perf_hooks';
import {
  type InputError,
  type InputWarning,
  ok,
  type ParsedUnit,
  type ParseOptions,
  resolveLimits,
  type Result,
  type SourceFile,
  type IncrementalPlan,
  type IncrementalSnapshot,
  planIncrementalParse,
} from '../../engine/index.js';
import { type CachedUnit, type EnvironmentCacheEntry, IngestCache } from './ingest-cache.js';
import { candidatesOf, digestOf, materialize, memoOf } from './ingest-store-input.js';
import type { DigestState } from './snapshot-digest.js';
import { earlyWriteBatch } from './early-writes.js';
import { refuseEmpty } from './empty-snapshot.js';
import { parsePlan, parsePlanInSlices } from './planned-parse.js';
import { prepare, prepareFresh, type Prepared, type PreparedUnit } from './prepare-records.js';
import { SnapshotStoreRepository } from './snapshot-store.repository.js';
import type { StoreVersionInput, StoreVersionResult, VersionMetadata } from './snapshots.types.js';

export interface IngestFilesRequest {
  readonly environment: string;
  readonly files: readonly SourceFile[];
  readonly options: ParseOptions;
  readonly metadata: VersionMetadata;
  /** Store a snapshot with no object (a version that removes everything); else MESH0008. */
  readonly allowEmpty?: boolean;
}

export interface IngestFilesResult {
  readonly stored: StoreVersionResult;
  readonly objectCount: number;
  readonly warnings: readonly InputWarning[];
  /**
   * Parse (and validation) time; store time includes hashing, the digest and the transaction.
   * When the parse runs inside the transaction (many fresh units, SnapshotIngester.streamed), the
   * parse time also covers the fresh objects' hashing and the rows written meanwhile, and the
   * store time is what remains after the parse.
   */
  readonly timings: { readonly parseMs: number; readonly storeMs: number };
}

/**
 * Fresh units from which the parse runs inside the store transaction (SnapshotIngester.streamed):
 * two of the smallest batches (earlyWriteBatch). Below, the rows are few and written at once.
 * Was 1,000 with fixed batches of 4,000; with batches of 250 streaming measured faster at S too
 * (959 new documents: 264 -> 219 ms, medians of 14 interleaved runs).
 */
const STREAM_MIN_UNITS = 500;

interface IngestContext {
  readonly request: IngestFilesRequest;
  readonly optionsKey: string;
  readonly usable: EnvironmentCacheEntry | undefined;
  readonly plan: IncrementalPlan<CachedUnit>;
  readonly started: number;
}

/** A stored snapshot and what the cache keeps of it. */
interface IngestDone {
  readonly input: StoreVersionInput;
  readonly prepared: Prepared;
  readonly state: DigestState | null;
  readonly warnings: readonly InputWarning[];
  readonly stored: StoreVersionResult;
  readonly parseMs: number;
}

/**
 * Ingest of a snapshot's files: incremental parse (only new or changed documents are parsed and
 * validated, see parseSnapshotIncrementally), then a store transaction that compares against the
 * cached latest version when the database confirms it is still the latest, so a small change
 * costs O(changes) in the database. Whatever the cache holds, what is stored is what a full
 * parse of the files would store.
 */
@Injectable()
export class SnapshotIngester {
  constructor(
    private readonly store: SnapshotStoreRepository,
    private readonly cache: IngestCache,
  ) {}

  async ingest(request: IngestFilesRequest): Promise<Result<IngestFilesResult, InputError>> {
    const { environment, options } = request;
    const started = performance.now();
    const optionsKey = JSON.stringify([options.defaultNamespace, resolveLimits(options.limits)]);
    const entry = this.cache.get(environment);
    const usable = entry?.optionsKey === optionsKey ? entry : undefined;
    const plan = planIncrementalParse(request.files, options, memoOf(usable));
    if (!plan.ok) {
      return plan;
    }
    const context: IngestContext = { request, optionsKey, usable, plan: plan.value, started };
    const run =
      plan.value.freshUnits >= STREAM_MIN_UNITS ? this.streamed(context) : this.sequential(context);
    let done: Result<IngestDone, InputError>;
    try {
      done = await run;
    } catch (error: unknown) {
      this.cache.delete(environment);
      throw error;
    }
    if (!done.ok) {
      return done;
    }
    return ok(this.finish(context, done.value));
  }

  /** Parse, then one store transaction (few fresh units: nothing to overlap). */
  private async sequential(context: IngestContext): Promise<Result<IngestDone, InputError>> {
    const { request, plan } = context;
    const parsed = refuseEmpty(parsePlan(request.files, request.options, plan), request);
    if (!parsed.ok) {
      return parsed;
    }
    const parseMs = performance.now() - context.started;
    const input = this.storeInput(context, parsed.value, prepare(parsed.value));
    const stored = await this.store.storeVersion(input.input);
    return ok({ ...input, stored, parseMs });
  }

  /**
   * Many fresh units: the parse runs inside the store transaction (from its start, while the
   * environment's lock is taken), and each fresh unit's rows (blobs, revisions) are handed to the
   * store as soon as they are known, so the database writes them while the parse goes on. A
   * rejected snapshot rolls the transaction back.
   */
  private async streamed(context: IngestContext): Promise<Result<IngestDone, InputError>> {
    const { request, plan } = context;
    const done = new Array<PreparedUnit | undefined>(plan.units.length);
    const kept: { prepared: Omit<IngestDone, 'stored'> | null } = { prepared: null };
    const { environment } = request;
    const latest = () => this.cache.takeLatest(environment);
    const batch = earlyWriteBatch(plan.freshUnits);
    const stored = await this.store.storeVersionStreamed(
      environment,
      latest,
      batch,
      async (sink) => {
        const onFresh = (index: number, entry: ParsedUnit<CachedUnit>) => {
          if (entry.fresh !== null) {
            const unit = prepareFresh(entry.unit, entry.fresh, entry.newlines);
            done[index] = unit;
            sink.add(unit.records);
          }
        };
        const parsed = refuseEmpty(
          await parsePlanInSlices(request.files, request.options, plan, onFresh, () => sink.busy),
          request,
        );
        if (!parsed.ok) {
          return parsed;
        }
        const parseMs = performance.now() - context.started;
        const input = this.storeInput(context, parsed.value, prepare(parsed.value, done));
        kept.prepared = { ...input, parseMs };
        return ok(input.input);
      },
    );
    if (!stored.ok) {
      return stored;
    }
    if (kept.prepared === null) {
      throw new Error('the store did not run the parse');
    }
    return ok({ ...kept.prepared, stored: stored.value });
  }

  private storeInput(
    context: IngestContext,
    parsed: IncrementalSnapshot<CachedUnit>,
    prepared: Prepared,
  ): Omit<IngestDone, 'stored' | 'parseMs'> {
    const { request, usable } = context;
    const { environment, options } = request;
    const { digest, state } = digestOf(prepared, usable?.digest ?? null);
    const input: StoreVersionInput = {
      environment,
      metadata: request.metadata,
      digest,
      objects: prepared.records,
      latest: () => this.cache.takeLatest(environment),
      ...candidatesOf(usable?.latest ?? null, prepared),
      canonicalJsonOf: (ids) => materialize(parsed, ids, options),
    };
    return { input, prepared, state, warnings: parsed.warnings };
  }

  private finish(context: IngestContext, done: IngestDone): IngestFilesResult {
    const { stored, prepared } = done;
    const objectCount = prepared.records.length;
    this.cache.set(context.request.environment, {
      optionsKey: context.optionsKey,
      runs: prepared.runs,
      digest: done.state,
      latest: stored.latest,
      objectCount,
    });
    const storeMs = performance.now() - context.started - done.parseMs;
    return {
      stored,
      objectCount,
      warnings: done.warnings,
      timings: { parseMs: done.parseMs, storeMs },
    };
  }
}
