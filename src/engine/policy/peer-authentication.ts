import type { MtlsMode, PolicyWorkload } from './policy-types.js';
import type { PeerAuthIndex, PeerAuthPolicy } from './peer-authentication-index.js';
import { selectorMatches } from './resource-order.js';

export { indexPeerAuthentications } from './peer-authentication-index.js';
export type { PeerAuthIndex, PeerAuthPolicy } from './peer-authentication-index.js';

export interface EffectiveMtls {
  readonly mode: MtlsMode;
  /** `<ns>/<name>` of the policy whose (non-UNSET) mode won; null = nothing set (PERMISSIVE). */
  readonly decidedBy: string | null;
  readonly notes: string[];
}

type Level = 'mesh' | 'namespace' | 'workload';
const RANK: Record<Level | 'default', number> = { default: -1, mesh: 0, namespace: 1, workload: 2 };

interface Candidates {
  readonly level: Level;
  readonly list: readonly PeerAuthPolicy[];
}

function candidatesFor(index: PeerAuthIndex, workload: PolicyWorkload): Candidates[] {
  const ns = workload.namespace;
  const isRoot = ns === index.rootNamespace;
  const selected = isRoot
    ? []
    : (index.workloadLevel.get(ns) ?? []).filter(
        (p) => p.selector !== null && selectorMatches(p.selector, workload.labels),
      );
  return [
    { level: 'mesh', list: index.mesh },
    { level: 'namespace', list: isRoot ? [] : (index.namespaceLevel.get(ns) ?? []) },
    { level: 'workload', list: selected },
  ];
}

function explainOldest(c: Candidates, chosen: PeerAuthPolicy): string {
  const all = c.list.map((p) => p.id).join(', ');
  return (
    `${String(c.list.length)} ${c.level}-level PeerAuthentications apply (${all}); ${chosen.id} wins as the oldest ` +
    '(R9/R12: creation order inferred — base version first, else name then namespace)'
  );
}

function ignoredRootNotes(index: PeerAuthIndex, workload: PolicyWorkload): string[] {
  return index.ignoredRootSelector
    .filter((p) => p.selector !== null && selectorMatches(p.selector, workload.labels))
    .map(
      (p) => `PeerAuthentication ${p.id} has a selector in the root namespace and is ignored (R9)`,
    );
}

interface Decision {
  mode: MtlsMode;
  decidedBy: string | null;
  deciding: Level | 'default';
}

function levelDecision(levels: readonly Candidates[]): Decision {
  const decision: Decision = { mode: 'PERMISSIVE', decidedBy: null, deciding: 'default' };
  for (const c of levels) {
    const chosen = c.list[0];
    if (chosen !== undefined && chosen.mode !== null) {
      decision.mode = chosen.mode;
      decision.decidedBy = chosen.id;
      decision.deciding = c.level;
    }
  }
  return decision;
}

/** `portLevelMtls` of the chosen workload policy; an UNSET port inherits the workload mode. */
function applyPort(
  decision: Decision,
  policy: PeerAuthPolicy | undefined,
  port: number | null,
  notes: string[],
): void {
  if (port === null || policy?.portLevel.has(port) !== true) {
    return;
  }
  const portMode = policy.portLevel.get(port) ?? null;
  if (portMode === null) {
    notes.push(`port ${String(port)} is UNSET in ${policy.id} and inherits ${decision.mode}`);
    return;
  }
  decision.mode = portMode;
  decision.decidedBy = policy.id;
  decision.deciding = 'workload';
}

/**
 * Effective mTLS mode of a workload (and port) — `ComposePeerAuthentication`
 * (istio/istio:pilot/pkg/security/authn/policy_applier.go): mesh < namespace < workload, the
 * oldest policy per level, UNSET inherits, nothing = PERMISSIVE; `portLevelMtls` of the chosen
 * workload policy is keyed by the workload (container) port and UNSET there inherits (SEMANTICS R9).
 * A note is added when several policies competed at a level that shaped the result.
 */
export function effectiveMtlsMode(
  index: PeerAuthIndex,
  workload: PolicyWorkload,
  port: number | null,
): EffectiveMtls {
  const levels = candidatesFor(index, workload);
  const notes = ignoredRootNotes(index, workload);
  const decision = levelDecision(levels);
  applyPort(decision, levels[2]?.list[0], port, notes);
  for (const c of levels) {
    const chosen = c.list[0];
    if (chosen !== undefined && c.list.length > 1 && RANK[c.level] >= RANK[decision.deciding]) {
      notes.push(explainOldest(c, chosen));
    }
  }
  return { mode: decision.mode, decidedBy: decision.decidedBy, notes };
}
