import type {
  Exposure,
  HostChange,
  ReportFinding,
  RouteChange,
  WeightShift,
  WorkloadChange,
} from '../impact/impact-report.js';
import { escapeText, formatPercent, inlineCode, truncate } from './markdown-text.js';
import { byShift, sorted } from './report-order.js';
import { isSecretKind } from './secret-guard.js';

/** Longest reason or message printed in the Impact section. */
const MAX_PROSE = 300;

function prose(text: string): string {
  return escapeText(truncate(text, MAX_PROSE));
}

export function workloadItem(workload: WorkloadChange): string {
  const reason =
    workload.reason === undefined || workload.reason === '' ? '' : `: ${prose(workload.reason)}`;
  return `${inlineCode(workload.workload)} (${escapeText(workload.kind)})${reason}`;
}

/** Callers named per connection group; the rest are counted. */
const MAX_CALLERS = 5;

/** Connections to one workload that changed for one reason, as a single line. */
export interface EdgeGroup {
  readonly to: string;
  readonly reason: string;
  readonly from: readonly string[];
}

export function edgeGroupItem(group: EdgeGroup): string {
  const shown = group.from.slice(0, MAX_CALLERS).map(inlineCode);
  const rest = group.from.length - shown.length;
  const callers = rest > 0 ? `${shown.join(', ')} and ${String(rest)} more` : shown.join(', ');
  const reason = group.reason === '' ? '' : `: ${prose(group.reason)}`;
  return `${callers} → ${inlineCode(group.to)}${reason}`;
}

export function exposureItem(exposure: Exposure): string {
  return `${inlineCode(exposure.gateway)} serves ${inlineCode(exposure.host)} on port ${String(exposure.port)} (${escapeText(exposure.protocol)})`;
}

export function hostItem(host: HostChange): string {
  return `${inlineCode(host.host)} via ${inlineCode(host.gateway)}: ${host.change}`;
}

function destinationLabel(shift: WeightShift, routeHost: string): string {
  const port = shift.port === null ? '' : `:${String(shift.port)}`;
  const host = shift.destination === routeHost ? '' : shift.destination + port;
  const subset = shift.subset ?? (host === '' ? `(all)${port}` : '');
  return inlineCode([host, subset].filter((part) => part !== '').join(' '));
}

/** `v1` 100% → 90% */
export function weightShiftText(shift: WeightShift, routeHost: string): string {
  return `${destinationLabel(shift, routeHost)} ${formatPercent(shift.before)} → ${formatPercent(shift.after)}`;
}

export function routeItem(route: RouteChange): string {
  // `default` is the route of a host no VirtualService routes; said so, it is not a namespace.
  const name =
    route.route === 'default' ? 'default routing (no VirtualService)' : inlineCode(route.route);
  const head = `${name} for ${inlineCode(route.host)} via ${inlineCode(route.gateway)} (${route.change})`;
  const shifts = sorted(route.weightShifts, byShift).map((shift) =>
    weightShiftText(shift, route.host),
  );
  return shifts.length === 0 ? head : `${head}: ${shifts.join(', ')}`;
}

export function findingItem(finding: ReportFinding): string {
  const known = [finding.istioCode, finding.kialiCode].filter(
    (code): code is string => code !== undefined && code !== '',
  );
  const aliases = known.length === 0 ? '' : ` (${known.map(escapeText).join(', ')})`;
  const { kind, namespace, name } = finding.resource;
  const target = namespace === '' ? name : `${namespace}/${name}`;
  // A Secret is named, nothing more: not even the key a finding points at.
  const path = finding.path === '' || isSecretKind(kind) ? '' : ` at ${inlineCode(finding.path)}`;
  return `**${finding.level}** ${inlineCode(finding.code)}${aliases} ${escapeText(kind)} ${inlineCode(target)}${path}: ${prose(finding.message)}`;
}

export function noteItem(note: string): string {
  return prose(note);
}
