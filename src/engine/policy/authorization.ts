import type { CompiledPolicy } from './authz-compile.js';
import type { ConditionContext } from './authz-condition.js';
import { applicablePolicies, type AuthzIndex } from './authz-index.js';
import { matchPolicy } from './authz-rule.js';
import type { AuthzRequest, PolicySource, PolicyWorkload } from './policy-types.js';

export { indexAuthorizationPolicies } from './authz-index.js';
export type { AuthzIndex } from './authz-index.js';

export interface AuthzDecision {
  readonly allowed: boolean;
  /** `<ns>/<name>` of the deciding policy; null when no policy applies (allowed by default). */
  readonly decidedBy: string | null;
  /** Present when dry-run policies apply: whether their shadow evaluation would deny. */
  readonly dryRunWouldDeny?: boolean;
  readonly notes: string[];
}

/** Notes in first-seen order without repeats (rule notes recur across evaluations). */
export function uniqueNotes(notes: readonly string[]): string[] {
  return [...new Set(notes)];
}

export function fullPrincipal(source: PolicySource): string | null {
  const p = source.principal;
  if (p === null || p === '') {
    return null;
  }
  return p.startsWith('spiffe://') ? p : `spiffe://${p}`;
}

function contextFor(
  source: PolicySource,
  request: AuthzRequest,
): (policy: CompiledPolicy) => ConditionContext {
  const principal = fullPrincipal(source);
  return (policy) => ({
    source,
    principal,
    request,
    port: request.port,
    reach: null,
    policyNamespace: policy.key.namespace,
  });
}

/**
 * First policy of the list whose rules match. Unknown attributes resolve per action: an ALLOW
 * condition that cannot be evaluated is not satisfied; a DENY/CUSTOM one possibly is (both noted).
 * A definite match is preferred over a possible one.
 */
function firstMatch(
  policies: readonly CompiledPolicy[],
  request: AuthzRequest,
  context: (policy: CompiledPolicy) => ConditionContext,
  notes: string[],
): CompiledPolicy | null {
  let possible: { readonly policy: CompiledPolicy; readonly keys: string } | null = null;
  for (const policy of policies) {
    const m = matchPolicy(policy, request.protocol, context(policy));
    notes.push(...m.notes);
    if (m.result === 'yes') {
      return policy;
    }
    const keys = m.unknownKeys.join(', ');
    if (m.result === 'unknown' && policy.action === 'ALLOW') {
      notes.push(
        `ALLOW ${policy.id} could match only if ${keys} held; meshlens cannot evaluate it and assumes not`,
      );
    } else if (m.result === 'unknown' && possible === null) {
      possible = { policy, keys };
    }
  }
  if (possible !== null) {
    notes.push(
      `${possible.policy.action} ${possible.policy.id} matches if ${possible.keys} holds; meshlens cannot evaluate it and assumes it does`,
    );
  }
  return possible?.policy ?? null;
}

function dryRunVerdict(
  deny: readonly CompiledPolicy[],
  allow: readonly CompiledPolicy[],
  request: AuthzRequest,
  context: (policy: CompiledPolicy) => ConditionContext,
  notes: string[],
): boolean {
  const scratch: string[] = [];
  const denied = firstMatch(deny, request, context, scratch);
  const allowed = allow.length === 0 || firstMatch(allow, request, context, scratch) !== null;
  const wouldDeny = denied !== null || !allowed;
  const by = denied !== null ? ` by ${denied.id}` : '';
  notes.push(
    `dry-run policies ${wouldDeny ? `would deny this request${by}` : 'would allow this request'}`,
  );
  return wouldDeny;
}

/**
 * Authorization of one concrete request at the target's sidecar (SEMANTICS R10): CUSTOM (the
 * external authorizer is unknown: assumed to allow, noted), then DENY, then ALLOW; dry-run policies
 * do not count (`isDryRun`, istio/istio:pilot/pkg/security/authz/builder/builder.go).
 */
export function evaluateRequest(
  index: AuthzIndex,
  target: PolicyWorkload,
  source: PolicySource,
  request: AuthzRequest,
): AuthzDecision {
  const applicable = applicablePolicies(index, target);
  const notes = [...applicable.notes];
  const context = contextFor(source, request);
  const extra =
    applicable.dryRunDeny.length + applicable.dryRunAllow.length > 0
      ? {
          dryRunWouldDeny: dryRunVerdict(
            applicable.dryRunDeny,
            applicable.dryRunAllow,
            request,
            context,
            notes,
          ),
        }
      : {};
  const custom = firstMatch(applicable.custom, request, context, notes);
  if (custom !== null) {
    notes.push(
      `CUSTOM ${custom.id} applies: the external authorizer "${custom.provider ?? ''}" decides; assumed to allow`,
    );
  }
  const deny = firstMatch(applicable.deny, request, context, notes);
  if (deny !== null) {
    return { allowed: false, decidedBy: deny.id, ...extra, notes: uniqueNotes(notes) };
  }
  if (applicable.allow.length === 0) {
    return { allowed: true, decidedBy: null, ...extra, notes: uniqueNotes(notes) };
  }
  const allow = firstMatch(applicable.allow, request, context, notes);
  if (allow !== null) {
    return { allowed: true, decidedBy: allow.id, ...extra, notes: uniqueNotes(notes) };
  }
  const ids = applicable.allow.map((p) => p.id);
  notes.push(`no ALLOW policy matches (${ids.join(', ')}): denied (R10)`);
  return { allowed: false, decidedBy: ids[0] ?? null, ...extra, notes: uniqueNotes(notes) };
}
