import type { ImpactReport } from '../impact/impact-report.js';
import type { ReachabilityEdgeChange } from '../impact/impact-report.js';
import {
  edgeGroupItem,
  type EdgeGroup,
  exposureItem,
  findingItem,
  hostItem,
  noteItem,
  routeItem,
  workloadItem,
} from './impact-items.js';
import {
  byEdgeTarget,
  byExposure,
  byFinding,
  byHost,
  byRoute,
  byWorkload,
  compareText,
  sorted,
} from './report-order.js';
import { hasTrafficImpact } from './report-status.js';

interface ListSpec {
  /** The count shown next to the title (entries may be grouped, e.g. connections). */
  readonly count?: number;
  readonly title: string;
  readonly items: readonly string[];
}

/** `cap` null prints every entry; a number keeps that many per list (the budget's last resort). */
function renderList(spec: ListSpec, cap: number | null): string[] {
  if (spec.items.length === 0) {
    return [];
  }
  const shown = cap === null ? spec.items : spec.items.slice(0, cap);
  const rest = spec.items.length - shown.length;
  const more = rest > 0 ? [`- … and ${String(rest)} more`] : [];
  return [
    `**${spec.title}** (${String(spec.count ?? spec.items.length)})`,
    '',
    ...shown.map((item) => `- ${item}`),
    ...more,
    '',
  ];
}

/** One line per (target, reason): twenty callers losing one service read as one fact. */
function groupEdges(edges: readonly ReachabilityEdgeChange[]): EdgeGroup[] {
  const groups = new Map<string, { to: string; reason: string; from: string[] }>();
  for (const edge of sorted(edges, byEdgeTarget)) {
    const key = `${edge.to}\n${edge.reason}`;
    const group = groups.get(key);
    if (group === undefined) {
      groups.set(key, { to: edge.to, reason: edge.reason, from: [edge.from] });
    } else {
      group.from.push(edge.from);
    }
  }
  // Traffic from outside the mesh is named first: it is the caller a reviewer looks for.
  const external = (from: string): number => (from.startsWith('external:') ? 0 : 1);
  return [...groups.values()].map((group) => ({
    ...group,
    from: group.from.sort((a, b) => external(a) - external(b) || compareText(a, b)),
  }));
}

function impactLists(report: ImpactReport): ListSpec[] {
  return [
    {
      title: 'Unreachable workloads',
      items: sorted(report.unreachableWorkloads, byWorkload).map(workloadItem),
    },
    {
      title: 'Newly reachable workloads',
      items: sorted(report.newlyReachableWorkloads, byWorkload).map(workloadItem),
    },
    {
      title: 'Connections lost',
      count: report.reachability.lost.length,
      items: groupEdges(report.reachability.lost).map(edgeGroupItem),
    },
    {
      title: 'Connections gained',
      count: report.reachability.gained.length,
      items: groupEdges(report.reachability.gained).map(edgeGroupItem),
    },
    { title: 'Exposures lost', items: sorted(report.exposures.lost, byExposure).map(exposureItem) },
    {
      title: 'Exposures gained',
      items: sorted(report.exposures.gained, byExposure).map(exposureItem),
    },
    { title: 'Changed hosts', items: sorted(report.hosts, byHost).map(hostItem) },
    { title: 'Changed routes', items: sorted(report.routes, byRoute).map(routeItem) },
    {
      title: 'Findings introduced',
      items: sorted(report.findings.introduced, byFinding).map(findingItem),
    },
    {
      title: 'Findings resolved',
      items: sorted(report.findings.resolved, byFinding).map(findingItem),
    },
    { title: 'Assumptions', items: report.notes.map(noteItem) },
  ];
}

/**
 * "Impact": what the change does to traffic, in the order a reviewer triages it. Each list
 * item is built from escaped parts only (markdown-text.ts).
 */
export function renderImpactSection(report: ImpactReport, cap: number | null): string {
  const lines = ['### Impact', ''];
  if (!hasTrafficImpact(report)) {
    lines.push(
      'No effect on hosts, routes, reachability, exposures or findings: the changed objects do not alter traffic.',
      '',
    );
  }
  for (const spec of impactLists(report)) {
    lines.push(...renderList(spec, cap));
  }
  return lines.join('\n').trimEnd();
}
