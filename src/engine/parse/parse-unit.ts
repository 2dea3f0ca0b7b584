import type { InputError } from '../model/input-error.js';
import { resourceId, type Resource, type ResourceKey } from '../model/resource.js';
import { err, ok, type Result } from '../model/result.js';
import { loadDocuments, type LoadedDocument } from './load-documents.js';
import { resolveLimits, type ParseOptions } from './parse-options.js';
import { type ParseUnit, segmentOf } from './parse-units.js';
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
