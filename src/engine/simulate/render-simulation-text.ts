import type { JsonValue } from '../model/json.js';
import type {
  SimulateDestination,
  SimulateMirror,
  SimulateResult,
  SimulateTls,
} from './simulate-types.js';

function requestLine(result: SimulateResult): string {
  const r = result.request;
  const s = result.source;
  const headers = Object.entries(r.headers).map(([k, v]) => ` ${k}: ${v}`);
  const via = s.proxy === s.id ? '' : ` via ${s.proxy}`;
  return `${r.method} ${r.scheme}://${r.host}:${String(r.port)}${r.path}${headers.length > 0 ? ` [${headers.join(';').trim()}]` : ''} from ${s.id} (${s.kind}${via})`;
}

function destinationLine(d: SimulateDestination): string {
  const port = d.port === null ? '' : `:${String(d.port)}`;
  const subset = d.subset === null ? '' : ` subset ${d.subset}`;
  const workloads = d.workloads.length === 0 ? '(no workload)' : d.workloads.join(', ');
  const rules =
    d.destinationRules.length === 0 ? '' : ` [DestinationRule ${d.destinationRules.join(', ')}]`;
  return `  ${String(d.weight).padStart(3)}%  ${d.host}${port}${subset} -> ${workloads}${rules}`;
}

function mirrorLine(m: SimulateMirror): string {
  const port = m.port === null ? '' : `:${String(m.port)}`;
  const subset = m.subset === null ? '' : ` subset ${m.subset}`;
  const share = m.percentage === null ? '100' : String(m.percentage);
  return `  ${share}% copied to ${m.host}${port}${subset} -> ${m.workloads.join(', ') || '(no workload)'}`;
}

function tlsLine(tls: SimulateTls | null): string[] {
  if (tls === null) {
    return [];
  }
  const verdict = tls.compatible ? 'compatible' : 'REFUSED';
  return [`tls:           client ${tls.client}, server ${tls.server}: ${verdict}`];
}

function authorizationLine(result: SimulateResult): string[] {
  const authz = result.authorization;
  if (authz === null) {
    return [];
  }
  const by = authz.decidedBy === null ? 'no policy applies' : `decided by ${authz.decidedBy}`;
  return [`authorization: ${authz.allowed ? 'allowed' : 'DENIED'} (${by})`];
}

function fieldLines(result: SimulateResult): string[] {
  const fields: [string, JsonValue | null][] = [
    ['redirect', result.redirect],
    ['directResponse', result.directResponse],
    ['rewrite', result.rewrite],
    ['headers', result.headers],
    ['fault', result.fault],
    ['timeout', result.timeout],
    ['retries', result.retries],
    ['corsPolicy', result.corsPolicy],
  ];
  return fields
    .filter(([, value]) => value !== null)
    .map(([name, value]) => `${`${name}:`.padEnd(15)}${JSON.stringify(value)}`);
}

function matchLines(result: SimulateResult): string[] {
  const lines = result.evaluated.map(
    (e) =>
      `  ${e.matched ? 'match   ' : 'no match'} ${e.virtualService ?? '(default route)'} ${e.rule}: ${e.reason}`,
  );
  const m = result.match;
  if (m === null) {
    return lines.length === 0 ? [] : ['rules:', ...lines];
  }
  const delegate =
    m.delegate === null ? '' : ` (delegate ${m.delegate.namespace}/${m.delegate.name})`;
  const name = m.name === null ? '' : ` "${m.name}"`;
  return [
    `matched:       VirtualService ${m.virtualService} ${m.rule}${name}${delegate} on ${m.gateway}`,
    'rules:',
    ...lines,
  ];
}

/** Readable decision trace of one simulation (the CLI's `--format text`). */
export function renderSimulationText(result: SimulateResult): string {
  const vhost = result.virtualHost === null ? '' : ` (virtual host ${result.virtualHost})`;
  const lines = [
    requestLine(result),
    `outcome:       ${result.outcome}`,
    `host:          ${result.resolvedHost}${vhost}`,
    ...matchLines(result),
    ...(result.destinations.length > 0
      ? ['destinations:', ...result.destinations.map(destinationLine)]
      : []),
    ...fieldLines(result),
    ...(result.mirrors.length > 0 ? ['mirrors:', ...result.mirrors.map(mirrorLine)] : []),
    ...tlsLine(result.tls),
    ...authorizationLine(result),
    ...(result.notes.length > 0 ? ['notes:', ...result.notes.map((n) => `  - ${n}`)] : []),
  ];
  return `${lines.join('\n')}\n`;
}
