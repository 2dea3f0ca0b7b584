import { HTTP_ONLY } from './authz-attributes.js';
import type { AuthzAction, AuthzCondition, CompiledPolicy, CompiledRule } from './authz-compile.js';
import { evaluateCondition, type ConditionContext, type Tri } from './authz-condition.js';

function and(values: readonly Tri[]): Tri {
  if (values.includes('no')) {
    return 'no';
  }
  return values.includes('unknown') ? 'unknown' : 'yes';
}

function or(values: readonly Tri[]): Tri {
  if (values.includes('yes')) {
    return 'yes';
  }
  return values.includes('unknown') ? 'unknown' : 'no';
}

export interface PolicyMatch {
  readonly result: Tri;
  /** Index of the first matching rule ('yes'), else null. */
  readonly rule: number | null;
  /** Keys whose value could not be known, for 'unknown' results. */
  readonly unknownKeys: readonly string[];
  readonly notes: readonly string[];
}

/**
 * One rule for a protocol (SEMANTICS R10). On TCP, HTTP-only attributes make an ALLOW rule
 * disappear and are dropped from DENY/AUDIT/CUSTOM rules (`checkError`,
 * istio/istio:pilot/pkg/security/authz/model/model.go).
 */
function evaluateRule(
  rule: CompiledRule,
  action: AuthzAction,
  tcp: boolean,
  ctx: ConditionContext,
  unknownKeys: Set<string>,
): Tri {
  const keep = (c: AuthzCondition): boolean => !(tcp && HTTP_ONLY.has(c.kind));
  const all = (conditions: readonly AuthzCondition[]): Tri =>
    and(
      conditions.filter(keep).map((c) => {
        const r = evaluateCondition(c, ctx);
        if (r === 'unknown') {
          unknownKeys.add(c.key);
        }
        return r;
      }),
    );
  if (tcp && action === 'ALLOW' && rule.usesHttpOnly) {
    return 'no';
  }
  const from = rule.from.length === 0 ? 'yes' : or(rule.from.map(all));
  const to = rule.to.length === 0 ? 'yes' : or(rule.to.map(all));
  return and([from, to, all(rule.when)]);
}

function ruleNotes(policy: CompiledPolicy, rule: CompiledRule, tcp: boolean): string[] {
  const name = `${policy.action} ${policy.id} rule[${String(rule.index)}]`;
  if (rule.invalid !== null) {
    return [`${name} is skipped by istiod: ${rule.invalid}`];
  }
  if (tcp && policy.action === 'ALLOW' && rule.usesHttpOnly) {
    return [`${name} uses HTTP-only attributes and does not apply to TCP traffic (R10)`];
  }
  return [];
}

/** First rule of the policy matching; a policy without rules never matches (`rbacPolicyMatchNever`). */
export function matchPolicy(
  policy: CompiledPolicy,
  protocol: 'http' | 'tcp',
  ctx: ConditionContext,
): PolicyMatch {
  const tcp = protocol === 'tcp';
  const notes: string[] = [];
  const unknownKeys = new Set<string>();
  let sawUnknown = false;
  for (const rule of policy.rules) {
    notes.push(...ruleNotes(policy, rule, tcp));
    if (rule.invalid !== null) {
      continue;
    }
    const ruleKeys = new Set<string>();
    const result = evaluateRule(rule, policy.action, tcp, ctx, ruleKeys);
    if (result === 'yes') {
      return { result, rule: rule.index, unknownKeys: [], notes };
    }
    if (result === 'unknown') {
      sawUnknown = true;
      ruleKeys.forEach((k) => unknownKeys.add(k));
    }
  }
  return {
    result: sawUnknown ? 'unknown' : 'no',
    rule: null,
    unknownKeys: sawUnknown ? [...unknownKeys].sort() : [],
    notes,
  };
}
