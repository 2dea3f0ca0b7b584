import type { InputError } from '../model/input-error.js';
import { resourceId, type Resource, type ResourceKey } from '../model/resource.js';
import { err, ok, type Result } from '../model/result.js';
import type { SourceFile } from '../model/source-file.js';
import { INPUT_CODES } from './input-codes.js';
import type { InputWarning } from './input-warning.js';
import { loadDocuments, type LoadedDocument } from './load-documents.js';
import { resolveLimits, type ParseOptions } from './parse-options.js';
import { tooManyDocuments } from './document-count.js';
import { parseSnapshot } from './parse-snapshot.js';
import {
  newlinesIn,
  type ParseUnit,
  placeUnits,
  type RawUnit,
  segmentOf,
  unitRuns,
  unitsOf,
} from './parse-units.js';
import { SnapshotBuilder } from './snapshot-builder.js';

/** One object of a unit, as a cache keeps it: identity only, placed relative to the unit's start. */
export interface UnitObject {
  readonly id: string;
  readonly key: ResourceKey;
  readonly apiVersion: string;
  readonly known: boolean;
  /** Document index and line (1-based) relative to the unit's startDocument and startLine. */
  readonly documentOffset: number;
  readonly lineOffset: number;
}

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

/** A YAML document parsed on its own, exactly as loadDocuments parses it inside its file. */
function loadSegmentUnit(unit: ParseUnit): Result<LoadedDocument[], InputError> {
  // A document starting with `{` or `[` would be taken for a JSON file; a comment line in front
  // keeps it YAML (it only shifts lines, and errors are reported by the full parse anyway).
  const text = /^\s*[[{]/.test(unit.text) ? `#\n${unit.text}` : unit.text;
  const loaded = loadDocuments({ name: unit.file.name, text });
  const segment = segmentOf(unit);
  if (!loaded.ok || segment === null) {
    return loaded;
  }
  return ok(loaded.value.map((document) => ({ ...document, segment })));
}

/** Parses and validates one unit on its own (no check across units). */
export function parseUnit(unit: ParseUnit, options: ParseOptions): Result<Resource[], InputError> {
  const builder = new SnapshotBuilder(options.defaultNamespace, resolveLimits(options.limits));
  const loaded = unit.span === null ? loadDocuments(unit.file) : loadSegmentUnit(unit);
  if (!loaded.ok) {
    return loaded;
  }
  for (const document of loaded.value) {
    const error = builder.addDocument(document);
    if (error !== null) {
      return err(error);
    }
  }
  return ok(builder.resources);
}

/** A freshly parsed resource as a cache keeps it. */
export function unitObjectOf(resource: Resource, unit: ParseUnit): UnitObject {
  return {
    id: resourceId(resource.key),
    key: resource.key,
    apiVersion: resource.apiVersion,
    known: resource.known,
    documentOffset: (resource.source?.document ?? unit.startDocument) - unit.startDocument,
    lineOffset: (resource.source?.line ?? unit.startLine + 1) - unit.startLine,
  };
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
    message: `no schema is known for ${object.apiVersion} ${object.key.kind}: stored without validation`,
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
function fullParseError(files: readonly SourceFile[], options: ParseOptions): InputError {
  const full = parseSnapshot(files, options);
  if (full.ok) {
    throw new Error('incremental parse failed where the full parse succeeds');
  }
  return full.error;
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
  const tooMany = tooManyDocuments(files, resolveLimits(options.limits).maxDocuments);
  if (tooMany !== null) {
    return err(tooMany);
  }
  const raw = files.flatMap(unitsOf);
  const { cached, runs } = lookUpRuns(raw, memo);
  const newlines = raw.map((unit, index) => cached[index]?.newlines ?? newlinesIn(unit));
  const units = placeUnits(raw, (index) => newlines[index] ?? 0);
  const parsed: ParsedUnit<T>[] = [];
  for (const [index, unit] of units.entries()) {
    const hit = cached[index];
    const lines = newlines[index] ?? 0;
    if (hit !== undefined) {
      parsed.push({ unit, newlines: lines, cached: hit, fresh: null });
      continue;
    }
    const fresh = parseUnit(unit, options);
    if (!fresh.ok) {
      return err(fullParseError(files, options));
    }
    parsed.push({ unit, newlines: lines, cached: null, fresh: fresh.value });
  }
  const checked = checkAcrossUnits(parsed, resolveLimits(options.limits).maxDocuments);
  if (checked === null) {
    return err(fullParseError(files, options));
  }
  return ok({ units: parsed, runs, ...checked });
}
