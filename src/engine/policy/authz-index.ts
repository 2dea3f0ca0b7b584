import type { Resource } from '../model/resource.js';
import { compileAuthorizationPolicy, type CompiledPolicy } from './authz-compile.js';
import type { PolicyWorkload, ResourceOrder } from './policy-types.js';
import { byNameThenNamespace, selectorMatches } from './resource-order.js';

export interface AuthzIndex {
  readonly rootNamespace: string;
  /** Compiled policies per namespace, oldest first. */
  readonly byNamespace: ReadonlyMap<string, readonly CompiledPolicy[]>;
  /** Applicable-policy sets memoised per (namespace, labels): many sources share one target. */
  readonly cache: Map<string, ApplicablePolicies>;
  /** Fast path keyed by the labels object itself (graph workloads keep one object per workload). */
  readonly byLabelsObject: WeakMap<
    object,
    { readonly namespace: string; readonly found: ApplicablePolicies }
  >;
}

/** Enforced policies by action (root namespace first, then the workload's), plus dry-run ones. */
export interface ApplicablePolicies {
  readonly custom: readonly CompiledPolicy[];
  readonly deny: readonly CompiledPolicy[];
  readonly allow: readonly CompiledPolicy[];
  readonly dryRunDeny: readonly CompiledPolicy[];
  readonly dryRunAllow: readonly CompiledPolicy[];
  readonly notes: readonly string[];
}

function isAuthorizationPolicy(resource: Resource): boolean {
  return resource.key.kind === 'AuthorizationPolicy' && resource.key.group === 'security.istio.io';
}

/** Compiles every AuthorizationPolicy once; evaluation then only touches two namespaces. */
export function indexAuthorizationPolicies(
  resources: readonly Resource[],
  rootNamespace: string,
  order: ResourceOrder = byNameThenNamespace,
): AuthzIndex {
  const byNamespace = new Map<string, CompiledPolicy[]>();
  for (const resource of resources) {
    const policy = isAuthorizationPolicy(resource) ? compileAuthorizationPolicy(resource) : null;
    if (policy === null) {
      continue;
    }
    const list = byNamespace.get(resource.key.namespace);
    if (list === undefined) {
      byNamespace.set(resource.key.namespace, [policy]);
    } else {
      list.push(policy);
    }
  }
  byNamespace.forEach((list) => list.sort((a, b) => order(a.key, b.key)));
  return { rootNamespace, byNamespace, cache: new Map(), byLabelsObject: new WeakMap() };
}

function cacheKey(workload: PolicyWorkload): string {
  const labels = Object.keys(workload.labels)
    .sort()
    .map((k) => `${k}=${workload.labels[k] ?? ''}`);
  return `${workload.namespace}\u0000${labels.join('\u0000')}`;
}

function targetRefNote(policy: CompiledPolicy): string {
  return `AuthorizationPolicy ${policy.id} uses targetRef(s) and is ignored for sidecars (R10)`;
}

function collect(index: AuthzIndex, workload: PolicyWorkload): ApplicablePolicies {
  const lists = { custom: [], deny: [], allow: [], dryRunDeny: [], dryRunAllow: [] } as Record<
    'custom' | 'deny' | 'allow' | 'dryRunDeny' | 'dryRunAllow',
    CompiledPolicy[]
  >;
  const notes: string[] = [];
  const namespaces = [...new Set([index.rootNamespace, workload.namespace])];
  for (const policy of namespaces.flatMap((ns) => index.byNamespace.get(ns) ?? [])) {
    // `ShouldAttachPolicy` (istio/istio:pilot/pkg/model/policyattachment.go): targetRef policies
    // never attach to sidecars; otherwise the selector must be a subset of the labels.
    if (policy.usesTargetRef) {
      notes.push(targetRefNote(policy));
      continue;
    }
    if (policy.selector !== null && !selectorMatches(policy.selector, workload.labels)) {
      continue;
    }
    if (policy.dryRunInvalid !== null) {
      notes.push(`${policy.id}: ${policy.dryRunInvalid}`);
    }
    if (policy.action === 'CUSTOM') {
      // A dry-run CUSTOM policy only records the shadow decision of the external authorizer.
      (policy.dryRun ? [] : lists.custom).push(policy);
    } else if (policy.action === 'DENY') {
      (policy.dryRun ? lists.dryRunDeny : lists.deny).push(policy);
    } else if (policy.action === 'ALLOW') {
      (policy.dryRun ? lists.dryRunAllow : lists.allow).push(policy);
    }
  }
  return { ...lists, notes };
}

/** Policies applying to a workload (`ListAuthorizationPolicies`, pilot/pkg/model/authorization.go). */
export function applicablePolicies(
  index: AuthzIndex,
  workload: PolicyWorkload,
): ApplicablePolicies {
  const quick = index.byLabelsObject.get(workload.labels);
  if (quick?.namespace === workload.namespace) {
    return quick.found;
  }
  const key = cacheKey(workload);
  let found = index.cache.get(key);
  if (found === undefined) {
    found = collect(index, workload);
    index.cache.set(key, found);
  }
  index.byLabelsObject.set(workload.labels, { namespace: workload.namespace, found });
  return found;
}
