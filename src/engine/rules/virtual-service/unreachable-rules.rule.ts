import { objectsAt } from '../shared/json.js';
import { isCatchAllRoute } from '../../match/catch-all.js';
import type { JsonObject } from '../../model/json.js';
import type { Resource } from '../../model/resource.js';
import type { Rule, RuleContext } from '../rule.js';
import { fieldPath, specOf } from '../shared/resource-fields.js';
import { matchIdentity, matchLabel, routeLabel } from './shared/match-identity.js';
import { covers, type PrefixMatch, toPrefixMatch } from './shared/prefix-overlap.js';

type Field = 'http' | 'tcp' | 'tls';

interface Scan {
  readonly ctx: RuleContext;
  readonly vs: Resource;
  readonly field: Field;
  readonly routes: readonly JsonObject[];
  readonly isHttp: boolean;
}

function reportUnreachable(scan: Scan, index: number, reason: string): void {
  const route = scan.routes[index] ?? {};
  const rule = routeLabel(route, index, scan.isHttp);
  scan.ctx.report('unreachableRule', scan.vs, fieldPath('spec', scan.field, index), {
    rule,
    reason,
  });
}

function reportOverlaps(scan: Scan, prefixes: readonly PrefixMatch[]): void {
  prefixes.forEach((a, i) => {
    for (const b of prefixes.slice(i + 1)) {
      if (b.prefix !== a.prefix && covers(a, b)) {
        const path = fieldPath('spec', 'http', b.routeIndex, 'match', b.matchIndex);
        scan.ctx.report('ineffectiveMatch', scan.vs, path, {
          rule: b.route,
          match: `${b.match} of prefix ${b.prefix}`,
          duplicate: `${a.match} of prefix ${a.prefix} on ${a.route}`,
        });
      }
    }
  });
}

/** Counts the matches of route `i` already seen; records the new ones. */
function scanMatches(
  scan: Scan,
  i: number,
  seen: Map<string, number>,
  prefixes: PrefixMatch[],
): number {
  const matches = objectsAt(scan.routes[i] ?? null, 'match');
  const route = routeLabel(scan.routes[i] ?? {}, i, scan.isHttp);
  let duplicates = 0;
  matches.forEach((m, j) => {
    const id = matchIdentity(m, scan.isHttp);
    const previous = seen.get(id);
    if (previous !== undefined) {
      duplicates++;
      scan.ctx.report('ineffectiveMatch', scan.vs, fieldPath('spec', scan.field, i, 'match', j), {
        rule: route,
        match: matchLabel(m, j, scan.isHttp),
        duplicate: routeLabel(scan.routes[previous] ?? {}, previous, scan.isHttp),
      });
      return;
    }
    seen.set(id, i);
    const prefix = scan.isHttp
      ? toPrefixMatch(m, { route, match: matchLabel(m, j, true), routeIndex: i, matchIndex: j })
      : null;
    if (prefix !== null) {
      prefixes.push(prefix);
    }
  });
  return duplicates;
}

/**
 * `analyzeUnreachable{HTTP,TCP,TLS}Rules` (istio/istio:pkg/config/validation/validation.go@86c9f01f,
 * reported by istioctl as IST0130/IST0131), plus what istiod does when it builds routes: nothing
 * after the first catch-all route is emitted (`BuildHTTPRoutesForVirtualService`, SEMANTICS R5),
 * so a rule with matches after a catch-all rule is unreachable too.
 */
function scanRoutes(scan: Scan): void {
  const seen = new Map<string, number>();
  const prefixes: PrefixMatch[] = [];
  let empty = -1;
  let catchAll: number | null = null;
  scan.routes.forEach((route, i) => {
    const matches = objectsAt(route, 'match');
    if (matches.length === 0) {
      if (empty >= 0) {
        reportUnreachable(scan, i, 'only the last rule can have no matches');
      }
      empty = i;
      catchAll ??= i;
      return;
    }
    const duplicates = scanMatches(scan, i, seen, prefixes);
    if (duplicates === matches.length) {
      reportUnreachable(scan, i, 'all matches used by prior rules');
    } else if (catchAll !== null) {
      const before = routeLabel(scan.routes[catchAll] ?? {}, catchAll, scan.isHttp);
      reportUnreachable(scan, i, `rule ${before} before it matches every request`);
    }
    if (catchAll === null && scan.isHttp && isCatchAllRoute(matches)) {
      catchAll = i;
    }
  });
  reportOverlaps(scan, prefixes);
}

export const unreachableRulesRule: Rule = {
  id: 'virtual-service/unreachable-rules',
  description:
    'Flags VirtualService rules that an earlier rule always takes, and matches duplicated or covered by earlier ones.',
  inputs: ['VirtualService'],
  subject: 'VirtualService',
  messages: ['unreachableRule', 'ineffectiveMatch'],
  check(ctx) {
    for (const vs of ctx.ofKind('VirtualService')) {
      for (const field of ['http', 'tcp', 'tls'] as const) {
        const routes = objectsAt(specOf(vs), field);
        scanRoutes({ ctx, vs, field, routes, isHttp: field === 'http' });
      }
    }
  },
};
