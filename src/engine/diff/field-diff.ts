import { isJsonObject, type JsonObject, type JsonValue } from '../model/json.js';
import { canonicalJson, jsonEqual } from './canonical-json.js';
import { sortOrderInsensitive } from './canonical-form.js';
import { childPattern, compareFieldPaths, type PathSegment } from './field-path.js';
import { alignByKey } from './list-alignment.js';
import { orderInsensitiveKey } from './order-insensitive-paths.js';

/** A field change before formatting: the path is still a list of segments. */
export interface RawFieldChange {
  readonly segments: readonly PathSegment[];
  readonly before?: JsonValue;
  readonly after?: JsonValue;
}

/** One side of the comparison at some path: the normalised value and the original one. */
export interface DiffSide {
  readonly norm: JsonValue | undefined;
  readonly orig: JsonValue | undefined;
}

interface WalkContext {
  readonly kind: string;
  readonly out: RawFieldChange[];
}

function child(side: DiffSide, segment: PathSegment): DiffSide {
  const pick = (value: JsonValue | undefined): JsonValue | undefined => {
    if (typeof segment === 'number') {
      return Array.isArray(value) ? value[segment] : undefined;
    }
    return isJsonObject(value) ? value[segment] : undefined;
  };
  return { norm: pick(side.norm), orig: pick(side.orig) };
}

function emit(ctx: WalkContext, segments: readonly PathSegment[], b: DiffSide, a: DiffSide): void {
  ctx.out.push({
    segments,
    ...(b.orig === undefined ? {} : { before: b.orig }),
    ...(a.orig === undefined ? {} : { after: a.orig }),
  });
}

/**
 * A map that normalisation removed (e.g. annotations left empty once server-managed ones are
 * stripped) is walked as `{}` when the other side has one, so the report names the keys that
 * really changed instead of printing the stripped original.
 */
function objectOrEmpty(side: DiffSide, other: JsonValue | undefined): JsonObject | undefined {
  if (isJsonObject(side.norm)) {
    return side.norm;
  }
  return side.norm === undefined && isJsonObject(side.orig) && isJsonObject(other) ? {} : undefined;
}

function walk(
  ctx: WalkContext,
  b: DiffSide,
  a: DiffSide,
  segments: PathSegment[],
  pattern: string,
): void {
  const bObject = objectOrEmpty(b, a.norm);
  const aObject = objectOrEmpty(a, b.norm);
  if (bObject !== undefined && aObject !== undefined) {
    const keys = [...new Set([...Object.keys(bObject), ...Object.keys(aObject)])].sort();
    const bSide = { norm: bObject, orig: b.orig };
    const aSide = { norm: aObject, orig: a.orig };
    for (const key of keys) {
      walk(
        ctx,
        child(bSide, key),
        child(aSide, key),
        [...segments, key],
        childPattern(pattern, key),
      );
    }
  } else if (Array.isArray(b.norm) && Array.isArray(a.norm)) {
    walkArray(ctx, b, a, segments, pattern);
  } else if (!jsonEqual(b.norm, a.norm)) {
    emit(ctx, segments, b, a);
  }
}

function walkArray(
  ctx: WalkContext,
  b: DiffSide,
  a: DiffSide,
  segments: PathSegment[],
  pattern: string,
): void {
  const bList = b.norm as JsonValue[];
  const aList = a.norm as JsonValue[];
  const itemPattern = childPattern(pattern, 0);
  const keyName = orderInsensitiveKey(ctx.kind, pattern);
  if (keyName === undefined) {
    for (let i = 0; i < Math.max(bList.length, aList.length); i += 1) {
      walk(ctx, child(b, i), child(a, i), [...segments, i], itemPattern);
    }
    return;
  }
  const contentOf = (item: JsonValue): string =>
    canonicalJson(sortOrderInsensitive(ctx.kind, item, itemPattern));
  const alignment = alignByKey(bList, aList, keyName, contentOf);
  for (const [i, j] of alignment.pairs) {
    walk(ctx, child(b, i), child(a, j), [...segments, j], itemPattern);
  }
  const absent: DiffSide = { norm: undefined, orig: undefined };
  for (const i of alignment.removed) {
    emit(ctx, [...segments, i], child(b, i), absent);
  }
  for (const j of alignment.added) {
    emit(ctx, [...segments, j], absent, child(a, j));
  }
}

function byPath(x: RawFieldChange, y: RawFieldChange): number {
  const order = compareFieldPaths(x.segments, y.segments);
  // Same path: a removal (before index) sorts before an addition (after index).
  return order !== 0 ? order : Number(x.before === undefined) - Number(y.before === undefined);
}

/** A removal and an addition that land on the same path read as one modification. */
function mergeSamePath(sorted: readonly RawFieldChange[]): RawFieldChange[] {
  const out: RawFieldChange[] = [];
  for (const change of sorted) {
    const last = out[out.length - 1];
    const isPair =
      last !== undefined &&
      compareFieldPaths(last.segments, change.segments) === 0 &&
      last.after === undefined &&
      change.before === undefined &&
      last.before !== undefined &&
      change.after !== undefined;
    if (isPair) {
      out[out.length - 1] = { segments: last.segments, before: last.before, after: change.after };
    } else {
      out.push(change);
    }
  }
  return out;
}

/**
 * Field changes between two versions of one object of `kind`, sorted by path. Compares the
 * normalised values (order-insensitive lists paired by key, others index by index) and reports
 * the original values found at each changed path.
 */
export function diffFields(kind: string, before: DiffSide, after: DiffSide): RawFieldChange[] {
  const ctx: WalkContext = { kind, out: [] };
  walk(ctx, before, after, [], '');
  return mergeSamePath([...ctx.out].sort(byPath));
}
