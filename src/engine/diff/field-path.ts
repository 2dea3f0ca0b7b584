/** One step of a field path: an object key or an array index. */
export type PathSegment = string | number;

/** Keys printed bare after a dot; anything else (dots, slashes, leading digits…) is quoted. */
const BARE_KEY = /^[A-Za-z_][A-Za-z0-9_-]*$/;

function formatKey(key: string, isFirst: boolean): string {
  if (BARE_KEY.test(key)) {
    return isFirst ? key : `.${key}`;
  }
  return `[${JSON.stringify(key)}]`;
}

/**
 * `['spec', 'http', 0, 'route', 1, 'weight']` → `spec.http[0].route[1].weight`;
 * `['metadata', 'annotations', 'sidecar.istio.io/inject']` →
 * `metadata.annotations["sidecar.istio.io/inject"]` (the InputError / Finding path style).
 */
export function formatFieldPath(segments: readonly PathSegment[]): string {
  let out = '';
  for (const segment of segments) {
    out += typeof segment === 'number' ? `[${segment}]` : formatKey(segment, out === '');
  }
  return out;
}

/** Path pattern of a child: indices become `[]` (`spec.http[].route[].weight`). */
export function childPattern(pattern: string, segment: PathSegment): string {
  return typeof segment === 'number'
    ? `${pattern}[]`
    : pattern + formatKey(segment, pattern === '');
}

function compareSegment(a: PathSegment, b: PathSegment): number {
  if (typeof a === 'number' && typeof b === 'number') {
    return a - b;
  }
  if (typeof a === 'number') {
    return -1;
  }
  if (typeof b === 'number') {
    return 1;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Orders paths segment by segment (`[2]` before `[10]`), a prefix before its extensions. */
export function compareFieldPaths(a: readonly PathSegment[], b: readonly PathSegment[]): number {
  const common = Math.min(a.length, b.length);
  for (let i = 0; i < common; i += 1) {
    const order = compareSegment(a[i] ?? 0, b[i] ?? 0);
    if (order !== 0) {
      return order;
    }
  }
  return a.length - b.length;
}
