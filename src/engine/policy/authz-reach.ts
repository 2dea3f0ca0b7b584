import type { CompiledPolicy } from './authz-compile.js';
import type { ConditionContext } from './authz-condition.js';
import { applicablePolicies, type AuthzIndex } from './authz-index.js';
import { matchPolicy } from './authz-rule.js';
import { fullPrincipal, uniqueNotes } from './authorization.js';
import type { PolicySource, PolicyWorkload } from './policy-types.js';

export interface ReachDecision {
  readonly allowed: boolean;
  readonly decidedBy: string | null;
  readonly notes: string[];
}

const IP_KEYS: ReadonlySet<string> = new Set([
  'ipBlocks',
  'remoteIpBlocks',
  'source.ip',
  'remote.ip',
]);

/**
 * "Does SOME request from this source get allowed?" — reachability without enumerating requests.
 *
 * Approximation (documented, deliberate):
 * - A DENY policy blocks the source only when one of its rules matches every request from it:
 *   all its remaining conditions are about the source (principal, namespace, service account,
 *   trust domain, IP; request principals and JWT claims, always absent in our model) and hold.
 *   Any request attribute (host, method, path, header, port unless `port` is given, destination
 *   IP, SNI) means some request may escape it. On TCP, HTTP-only attributes are dropped from DENY
 *   rules first (R10), which can turn them into deny-all.
 * - If ALLOW policies apply, at least one ALLOW rule must accept the source: its source conditions
 *   hold, and its request conditions are assumed satisfiable (even contradictory ones). On TCP,
 *   rules with HTTP-only attributes vanish first (R10). ALLOW policies without rules allow nothing.
 * - An unknown source IP satisfies no ALLOW condition and does not make a DENY rule total.
 * - CUSTOM policies are assumed to allow (external decision unknown); dry-run policies are ignored.
 */
export function canSourceReach(
  index: AuthzIndex,
  target: PolicyWorkload,
  source: PolicySource,
  protocol: 'http' | 'tcp',
  port: number | null = null,
): ReachDecision {
  const applicable = applicablePolicies(index, target);
  const notes = [...applicable.notes];
  const principal = fullPrincipal(source);
  const context =
    (reach: 'allow' | 'deny') =>
    (policy: CompiledPolicy): ConditionContext => ({
      source,
      principal,
      request: null,
      port,
      reach,
      policyNamespace: policy.key.namespace,
    });
  if (applicable.custom.length > 0) {
    notes.push(
      `CUSTOM ${applicable.custom.map((p) => p.id).join(', ')}: the external authorizer decides; assumed to allow`,
    );
  }
  for (const policy of applicable.deny) {
    const m = matchPolicy(policy, protocol, context('deny')(policy));
    if (m.result === 'yes') {
      return { allowed: false, decidedBy: policy.id, notes: uniqueNotes([...notes, ...m.notes]) };
    }
    if (m.result === 'unknown' && m.unknownKeys.some((k) => IP_KEYS.has(k))) {
      notes.push(
        `DENY ${policy.id} depends on the source IP, which is unknown: assumed not to deny`,
      );
    }
  }
  if (applicable.allow.length === 0) {
    return { allowed: true, decidedBy: null, notes: uniqueNotes(notes) };
  }
  for (const policy of applicable.allow) {
    const m = matchPolicy(policy, protocol, context('allow')(policy));
    notes.push(...m.notes);
    if (m.result === 'yes') {
      return { allowed: true, decidedBy: policy.id, notes: uniqueNotes(notes) };
    }
  }
  const ids = applicable.allow.map((p) => p.id);
  notes.push(`no ALLOW rule accepts this source (${ids.join(', ')}): denied (R10)`);
  return { allowed: false, decidedBy: ids[0] ?? null, notes: uniqueNotes(notes) };
}
