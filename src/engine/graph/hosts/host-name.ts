import { compareStrings } from '../util/compare.js';

/**
 * R1 — host names (istio/istio:pkg/config/host/name.go@86c9f01f, names.go). Hosts are compared
 * lower-cased; `*` is the wildcard for everything, `*.foo.com` for strict sub-domains of foo.com.
 */

export function normalizeHost(host: string): string {
  return host.trim().toLowerCase();
}

export function isWildcardHost(host: string): boolean {
  return host.startsWith('*');
}

/** Bidirectional overlap (`Name.Matches`): `*.foo.com` matches `a.foo.com` but not `foo.com`. */
export function hostsMatch(a: string, b: string): boolean {
  if (a === b) {
    return true;
  }
  const aWild = isWildcardHost(a);
  const bWild = isWildcardHost(b);
  if (aWild && bWild) {
    const aSuffix = a.slice(1);
    const bSuffix = b.slice(1);
    return aSuffix.length > bSuffix.length ? aSuffix.endsWith(bSuffix) : bSuffix.endsWith(aSuffix);
  }
  if (aWild) {
    return b.endsWith(a.slice(1));
  }
  if (bWild) {
    return a.endsWith(b.slice(1));
  }
  return false;
}

/** One-directional containment (`Name.SubsetOf`): every name matched by `a` is matched by `b`. */
export function hostSubsetOf(a: string, b: string): boolean {
  if (a === b) {
    return true;
  }
  if (!isWildcardHost(b)) {
    return false;
  }
  const suffix = b.slice(1);
  if (isWildcardHost(a)) {
    return a.slice(1).endsWith(suffix);
  }
  return a.endsWith(suffix);
}

/**
 * Specificity order (`MoreSpecific`): non-wildcard before wildcard, then longer before shorter,
 * then alphabetical. Negative when `a` is more specific.
 */
export function compareSpecificity(a: string, b: string): number {
  const aWild = isWildcardHost(a);
  if (aWild !== isWildcardHost(b)) {
    return aWild ? 1 : -1;
  }
  if (a.length !== b.length) {
    return b.length - a.length;
  }
  return compareStrings(a, b);
}

/**
 * `MostSpecificHostMatch` (P/model/config.go): the exact key first, else the most specific
 * wildcard key overlapping `needle`. `wildcardKeys` must be sorted by {@link compareSpecificity}.
 */
export function mostSpecificHostMatch(
  needle: string,
  exactKeys: ReadonlySet<string>,
  wildcardKeys: readonly string[],
): string | null {
  if (exactKeys.has(needle)) {
    return needle;
  }
  for (const key of wildcardKeys) {
    if (hostsMatch(needle, key)) {
      return key;
    }
  }
  return null;
}

/**
 * `Names.Intersection`: for every overlapping pair the narrower name (used to bind Gateway server
 * hosts to VirtualService hosts, R4). Server `*.example.com` does not bind VS host `example.com`.
 */
export function intersectHosts(left: readonly string[], right: readonly string[]): string[] {
  const out: string[] = [];
  for (const a of left) {
    for (const b of right) {
      const narrower = hostSubsetOf(a, b) ? a : hostSubsetOf(b, a) ? b : null;
      if (narrower !== null && !out.includes(narrower)) {
        out.push(narrower);
      }
    }
  }
  return out;
}
