import type { InputError } from '../model/input-error.js';
import type { Resource } from '../model/resource.js';
import { err, ok, type Result } from '../model/result.js';
import type { SourceFile } from '../model/source-file.js';
import { INPUT_CODES } from './input-codes.js';
import type { InputWarning } from './input-warning.js';
import { resolveLimits, type ParseOptions } from './parse-options.js';
import { documentStartsWithin } from './document-count.js';
import { parseSnapshot } from './parse-snapshot.js';
import { unknownKindMessage } from './unknown-kind-message.js';
import { parseUnit, unitObjectOf, type UnitObject } from './parse-unit.js';
import {
  newlinesIn,
  type ParseUnit,
  placeUnits,
  type RawUnit,
  unitRuns,
  unitsOf,
} from './parse-units.js';

export { parseUnit, unitObjectOf, type UnitObject } from './parse-unit.js';

export interface UnitOutcome {
  readonly objects: readonly UnitObject[];
  /** Newlines in the unit's text, so the units after it are placed without counting. */
  readonly newlines: number;
}

/**
 * The caller's cache of outcomes of runs of units (parse-units.ts), all parsed with the options of
 * this parse. `keyOf` must be injective in practice (a keyed cryptographic hash of tag and text):
 * a key hit stands for the text. Caching whole runs (about 16 documents) rather than documents
 * hashes the snapshot once and keeps no per-document index; a changed document costs the re-parse
 * of its run.
 */
export interface UnitMemo<T extends UnitOutcome> {
  keyOf(tag: string, text: string): string;
  /** The outcomes of a run's units, in order, by the run's key. */
  run(key: string): readonly T[] | undefined;
}

/** A run of this snapshot: its key and its units (`units[first]` to `units[end - 1]`). */
export interface ParsedRun {
  readonly key: string;
  readonly first: number;
  readonly end: number;
}

interface PlacedUnit {
  readonly unit: ParseUnit;
  readonly newlines: number;
}

export type ParsedUnit<T> =
  | (PlacedUnit & { readonly cached: T; readonly fresh: null })
  | (PlacedUnit & { readonly cached: null; readonly fresh: readonly Resource[] });

export interface IncrementalSnapshot<T> {
  /** Every unit in input order: its cached outcome, or the resources parsed now. */
  readonly units: readonly ParsedUnit<T>[];
  /** The runs of this snapshot, for the caller's next memo. */
  readonly runs: readonly ParsedRun[];
  readonly warnings: readonly InputWarning[];
  readonly objectCount: number;
}

/** Looks every run up in the memo: the cached outcome of each unit of a known run, else undefined. */
function lookUpRuns<T extends UnitOutcome>(units: readonly RawUnit[], memo: UnitMemo<T>) {
  const cached = new Array<T | undefined>(units.length);
  const runs: ParsedRun[] = [];
  for (const { first, end, text } of unitRuns(units)) {
    const head = units[first];
    const key = head?.span === null ? memo.keyOf(head.tag, head.text) : memo.keyOf('r', text);
    const known = memo.run(key);
    if (known?.length === end - first) {
      for (let index = first; index < end; index += 1) {
        cached[index] = known[index - first];
      }
    }
    runs.push({ key, first, end });
  }
  return { cached, runs };
}

function unknownKindWarning(unit: ParseUnit, object: UnitObject): InputWarning {
  return {
    code: INPUT_CODES.unknownKind.code,
    file: unit.file.name,
    document: unit.startDocument + object.documentOffset,
    line: unit.startLine + object.lineOffset,
    kind: object.key.kind,
    name: object.key.name,
    message: unknownKindMessage(object.apiVersion, object.key.kind),
  };
}

function objectsOf<T extends UnitOutcome>(entry: ParsedUnit<T>): readonly UnitObject[] {
  if (entry.fresh === null) {
    return entry.cached.objects;
  }
  return entry.fresh.map((resource) => unitObjectOf(resource, entry.unit));
}

/** Checks across units (object limit, duplicates) and collects warnings; null when a check fails. */
function checkAcrossUnits<T extends UnitOutcome>(
  parsed: readonly ParsedUnit<T>[],
  maxObjects: number,
): { warnings: InputWarning[]; objectCount: number } | null {
  const seen = new Set<string>();
  const warnings: InputWarning[] = [];
  for (const entry of parsed) {
    const objects = objectsOf(entry);
    for (const object of objects) {
      if (seen.size >= maxObjects || seen.has(object.id)) {
        return null;
      }
      seen.add(object.id);
      if (!object.known) {
        warnings.push(unknownKindWarning(entry.unit, object));
      }
    }
  }
  return { warnings, objectCount: seen.size };
}

/** Any problem: the full parse reports it, so errors are exactly parseSnapshot's. */
export function fullParseError(files: readonly SourceFile[], options: ParseOptions): InputError {
  const full = parseSnapshot(files, options);
  if (full.ok) {
    throw new Error('incremental parse failed where the full parse succeeds');
  }
  return full.error;
}

/**
 * The first step of an incremental parse: the snapshot cut into units and runs, every unit placed
 * (file line), and the memo's outcome of each unit of a known run. `parseSnapshotIncrementally`
 * is plan, then `parsePlannedUnit` for each unit in order, then `finishIncrementalParse`; a caller
 * may run these steps itself to interleave other work (the service streams blobs meanwhile).
 */
export interface IncrementalPlan<T extends UnitOutcome> {
  readonly units: readonly ParseUnit[];
  /** The memo's outcome of each unit, or undefined (the unit must be parsed). */
  readonly cached: readonly (T | undefined)[];
  readonly newlines: readonly number[];
  readonly runs: readonly ParsedRun[];
  /** Units the memo does not know (to be parsed). */
  readonly freshUnits: number;
}

export function planIncrementalParse<T extends UnitOutcome>(
  files: readonly SourceFile[],
  options: ParseOptions,
  memo: UnitMemo<T>,
): Result<IncrementalPlan<T>, InputError> {
  const { maxDocuments } = resolveLimits(options.limits);
  const starts = documentStartsWithin(files, maxDocuments);
  if (!starts.ok) {
    return starts;
  }
  const raw = files.flatMap((file, index) => unitsOf(file, starts.value[index]));
  const { cached, runs } = lookUpRuns(raw, memo);
  const newlines = raw.map((unit, index) => cached[index]?.newlines ?? newlinesIn(unit));
  const units = placeUnits(raw, (index) => newlines[index] ?? 0);
  let freshUnits = 0;
  for (let index = 0; index < units.length; index += 1) {
    freshUnits += cached[index] === undefined ? 1 : 0;
  }
  return ok({ units, cached, newlines, runs, freshUnits });
}

/** Unit `index` of the plan: its cached outcome, or parsed now; null when it does not parse. */
export function parsePlannedUnit<T extends UnitOutcome>(
  plan: IncrementalPlan<T>,
  index: number,
  options: ParseOptions,
): ParsedUnit<T> | null {
  const unit = plan.units[index];
  if (unit === undefined) {
    throw new RangeError(`no unit ${index} in the plan`);
  }
  const hit = plan.cached[index];
  const lines = plan.newlines[index] ?? 0;
  if (hit !== undefined) {
    return { unit, newlines: lines, cached: hit, fresh: null };
  }
  const fresh = parseUnit(unit, options);
  return fresh.ok ? { unit, newlines: lines, cached: null, fresh: fresh.value } : null;
}

/** The last step: checks across units (object limit, duplicates) and the snapshot's warnings. */
export function finishIncrementalParse<T extends UnitOutcome>(
  files: readonly SourceFile[],
  options: ParseOptions,
  plan: IncrementalPlan<T>,
  parsed: readonly ParsedUnit<T>[],
): Result<IncrementalSnapshot<T>, InputError> {
  const checked = checkAcrossUnits(parsed, resolveLimits(options.limits).maxDocuments);
  if (checked === null) {
    return err(fullParseError(files, options));
  }
  return ok({ units: parsed, runs: plan.runs, ...checked });
}

/**
 * parseSnapshot, reusing the outcomes of runs of units (YAML documents, whole JSON files) whose
 * text the memo has seen under the same options: only new or changed runs are parsed and validated. The
 * checks across units (object limit, duplicate objects) and the warnings cover the whole
 * snapshot. On any problem the full parse runs and its error is returned, so errors are exactly
 * those of parseSnapshot; with an empty memo, the fresh resources are exactly its resources.
 */
export function parseSnapshotIncrementally<T extends UnitOutcome>(
  files: readonly SourceFile[],
  options: ParseOptions,
  memo: UnitMemo<T>,
): Result<IncrementalSnapshot<T>, InputError> {
  const plan = planIncrementalParse(files, options, memo);
  if (!plan.ok) {
    return plan;
  }
  const parsed: ParsedUnit<T>[] = [];
  for (let index = 0; index < plan.value.units.length; index += 1) {
    const entry = parsePlannedUnit(plan.value, index, options);
    if (entry === null) {
      return err(fullParseError(files, options));
    }
    parsed.push(entry);
  }
  return finishIncrementalParse(files, options, plan.value, parsed);
}
