import type { ImpactReport, ReportResourceChange, WeightShift } from '../impact/impact-report.js';
import { formatPercent } from './markdown-text.js';
import type { GraphBuilder, PathStatus } from './traffic-graph.js';

const CHANGE_STATUS: Readonly<Record<ReportResourceChange['change'], PathStatus>> = {
  added: 'gained',
  removed: 'lost',
  modified: 'changed',
};

export const gatewayKey = (gateway: string): string => `gateway|${gateway}`;
/** A host is routed per gateway (and `mesh`): one node per pair. */
export const hostKey = (gateway: string, host: string): string => `host|${gateway}|${host}`;

export function destinationKey(shift: WeightShift): string {
  return `destination|${shift.destination}|${shift.subset ?? ''}|${String(shift.port ?? '')}`;
}

function destinationLabel(shift: WeightShift): string {
  const service = shift.destination.split('.')[0] ?? shift.destination;
  const port = shift.port === null ? '' : `:${String(shift.port)}`;
  return `${service}${port} ${shift.subset ?? '(all)'}`;
}

/** A subset that loses all its share is lost, one that had none is new; others shifted. */
function shiftStatus(shift: WeightShift): PathStatus {
  if (shift.before > 0 && shift.after === 0) {
    return 'lost';
  }
  return shift.before === 0 && shift.after > 0 ? 'gained' : 'changed';
}

function hostNode(
  builder: GraphBuilder,
  gateway: string,
  host: string,
  status?: PathStatus,
): string {
  const from = builder.node(gatewayKey(gateway), 'gateway', gateway);
  const to = builder.node(hostKey(gateway, host), 'host', host, status);
  builder.edge(from, to, status ?? 'unchanged');
  return to;
}

/** gateway → host (changed hosts, exposures) → route → destination subset (weight shifts). */
export function addRoutingPaths(builder: GraphBuilder, report: ImpactReport): void {
  for (const host of report.hosts) {
    hostNode(builder, host.gateway, host.host, CHANGE_STATUS[host.change]);
  }
  for (const [exposures, status] of [
    [report.exposures.lost, 'lost'],
    [report.exposures.gained, 'gained'],
  ] as const) {
    for (const exposure of exposures) {
      const host = hostNode(builder, exposure.gateway, exposure.host);
      builder.edge(gatewayKey(exposure.gateway), host, status, `:${String(exposure.port)}`);
    }
  }
  for (const route of report.routes) {
    const status = CHANGE_STATUS[route.change];
    const host = hostNode(builder, route.gateway, route.host);
    const node = builder.node(`route|${route.route}`, 'route', route.route, status);
    builder.edge(host, node, status);
    for (const shift of route.weightShifts) {
      const moved = shiftStatus(shift);
      const label = destinationLabel(shift);
      const destination = builder.node(destinationKey(shift), 'destination', label, moved);
      const percent = `${formatPercent(shift.before)} → ${formatPercent(shift.after)}`;
      builder.edge(node, destination, moved, percent);
    }
  }
}
