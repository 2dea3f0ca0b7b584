import type { RouteChange, WeightShift } from './impact-report.js';
import type { DestinationView, RouteView, TableView } from './route-signature.js';

function routesByRef(views: ReadonlyMap<string, TableView>): Map<string, Map<string, RouteView>> {
  const byRef = new Map<string, Map<string, RouteView>>();
  for (const [key, view] of views) {
    for (const route of view.routes) {
      let perKey = byRef.get(route.ref);
      if (perKey === undefined) {
        perKey = new Map();
        byRef.set(route.ref, perKey);
      }
      perKey.set(key, route);
    }
  }
  return byRef;
}

function destinationKey(d: DestinationView): string {
  return `${d.host}|${d.subset ?? ''}|${d.port === null ? '' : String(d.port)}`;
}

/** Percent of the route's traffic per destination, before → after (R11 weights). */
export function weightShifts(
  before: readonly DestinationView[],
  after: readonly DestinationView[],
): WeightShift[] {
  const all = new Map<string, { d: DestinationView; before: number; after: number }>();
  for (const d of before) {
    const entry = all.get(destinationKey(d)) ?? { d, before: 0, after: 0 };
    all.set(destinationKey(d), { ...entry, before: entry.before + d.weight });
  }
  for (const d of after) {
    const entry = all.get(destinationKey(d)) ?? { d, before: 0, after: 0 };
    all.set(destinationKey(d), { ...entry, after: entry.after + d.weight });
  }
  return [...all.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .filter(([, e]) => e.before !== e.after)
    .map(([, e]) => ({
      destination: e.d.host,
      subset: e.d.subset,
      port: e.d.port,
      before: e.before,
      after: e.after,
    }));
}

function onlyOneSide(
  host: string,
  gateway: string,
  ref: string,
  was: RouteViews | undefined,
  now: RouteViews | undefined,
): RouteChange {
  const only = [...(was ?? now ?? new Map<string, RouteView>()).values()][0];
  const destinations = only?.destinations ?? [];
  return {
    host,
    gateway,
    route: ref,
    change: was === undefined ? 'added' : 'removed',
    weightShifts:
      was === undefined ? weightShifts([], destinations) : weightShifts(destinations, []),
  };
}

/** A route present on both sides: modified when any vantage key's signature differs. */
function modifiedRoute(
  host: string,
  gateway: string,
  ref: string,
  was: RouteViews,
  now: RouteViews,
): RouteChange | null {
  const differs = (k: string): boolean => was.get(k)?.signature !== now.get(k)?.signature;
  const changedKey = [...new Set([...was.keys(), ...now.keys()])].find(differs);
  if (changedKey === undefined) {
    return null;
  }
  const pair = [...was.keys()].find((k) => now.has(k) && differs(k)) ?? changedKey;
  const shifts = weightShifts(was.get(pair)?.destinations ?? [], now.get(pair)?.destinations ?? []);
  return { host, gateway, route: ref, change: 'modified', weightShifts: shifts };
}

type RouteViews = Map<string, RouteView>;

/** Route-level changes of one host at one vantage point, keyed by route ref (`ns/vs#http[i]`). */
export function diffRouteViews(
  host: string,
  gateway: string,
  before: ReadonlyMap<string, TableView>,
  after: ReadonlyMap<string, TableView>,
): RouteChange[] {
  const b = routesByRef(before);
  const a = routesByRef(after);
  const out: RouteChange[] = [];
  for (const ref of [...new Set([...b.keys(), ...a.keys()])].sort()) {
    const was = b.get(ref);
    const now = a.get(ref);
    const change =
      was === undefined || now === undefined
        ? onlyOneSide(host, gateway, ref, was, now)
        : modifiedRoute(host, gateway, ref, was, now);
    if (change !== null) {
      out.push(change);
    }
  }
  return out;
}
