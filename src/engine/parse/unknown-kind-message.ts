import { ISTIO_CRDS, ISTIO_GROUPS } from '../schema/istio-crd-catalog.js';

/** Levenshtein distance, stopping early above `limit` (kinds are short). */
function distance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) {
    return limit + 1;
  }
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      );
    }
    previous = current;
  }
  return previous[b.length] ?? limit + 1;
}

/** The kind of `group`'s CRDs closest to `kind` (case aside, or at most two edits), if any. */
function nearestIstioKind(group: string, kind: string): string | null {
  let best: { kind: string; distance: number } | null = null;
  for (const crd of ISTIO_CRDS.kinds) {
    if (crd.group !== group) {
      continue;
    }
    const d = crd.kind.toLowerCase() === kind.toLowerCase() ? 0 : distance(crd.kind, kind, 2);
    if (d <= 2 && (best === null || d < best.distance)) {
      best = { kind: crd.kind, distance: d };
    }
  }
  return best?.kind ?? null;
}

/**
 * MESH0007's message. A kind in one of Istio's own API groups that no Istio CRD defines is most
 * likely a typo (`VirtualServce`): an API server would refuse it (no such CRD), so the warning says
 * so and names the nearest kind. The object is still stored, as every unknown kind is.
 */
export function unknownKindMessage(apiVersion: string, kind: string): string {
  const base = `no schema is known for ${apiVersion} ${kind}: stored without validation`;
  const group = apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '';
  if (!ISTIO_GROUPS.has(group)) {
    return base;
  }
  const nearest = nearestIstioKind(group, kind);
  const hint = nearest === null ? '' : `; did you mean ${nearest}?`;
  return `${base}. No Istio CRD defines ${kind} in ${group}, so an API server refuses it${hint}`;
}
