import type { WorkloadInfo } from '../../graph/types/workload.js';
import { type Labels, selectorMatches } from '../../graph/util/labels.js';
import type { Rule, RuleContext } from '../rule.js';
import { fullName } from '../shared/resource-fields.js';

/** What the enforced policies of one namespace select: everything, or these selectors. */
interface Coverage {
  all: boolean;
  readonly selectors: Labels[];
}

const ENFORCED: ReadonlySet<string> = new Set(['ALLOW', 'DENY', 'CUSTOM']);

/**
 * Enforced policies per namespace (`ListAuthorizationPolicies`, SEMANTICS R10): CUSTOM, DENY or
 * ALLOW, not dry-run, and no `targetRef(s)` (those never attach to sidecars).
 */
function coverageByNamespace(ctx: RuleContext): ReadonlyMap<string, Coverage> {
  const out = new Map<string, Coverage>();
  for (const [namespace, policies] of ctx.graph.authorization.byNamespace) {
    const coverage: Coverage = { all: false, selectors: [] };
    for (const policy of policies) {
      if (!ENFORCED.has(policy.action) || policy.dryRun || policy.usesTargetRef) {
        continue;
      }
      if (policy.selector === null) {
        coverage.all = true;
      } else {
        coverage.selectors.push(policy.selector);
      }
    }
    out.set(namespace, coverage);
  }
  return out;
}

function covers(coverage: Coverage | undefined, labels: Labels): boolean {
  return (
    coverage !== undefined &&
    (coverage.all || coverage.selectors.some((s) => selectorMatches(s, labels)))
  );
}

/** Where the labels policies select on live, per workload kind. */
function labelsPath(workload: WorkloadInfo): string {
  switch (workload.kind) {
    case 'Pod':
      return 'metadata.labels';
    case 'WorkloadEntry':
      return 'spec.labels';
    case 'CronJob':
      return 'spec.jobTemplate.spec.template.metadata.labels';
    case 'Deployment':
    case 'StatefulSet':
    case 'DaemonSet':
    case 'ReplicaSet':
    case 'Job':
      return 'spec.template.metadata.labels';
  }
}

/**
 * A mesh workload that no enforced AuthorizationPolicy of its namespace or of the root namespace
 * applies to allows every request (SEMANTICS R10). Follows
 * kiali/kiali:`business/checkers/workloads/uncovered_workload_checker.go`
 * (`workload.authorizationpolicy.needstobecovered`, KIA1301), which counts every policy; here
 * dry-run, AUDIT and `targetRef` policies do not cover, and workloads without a proxy are skipped
 * since no policy could apply to them anyway.
 */
export const workloadAuthorizationCoverageRule: Rule = {
  id: 'workload/authorization-coverage',
  description: 'Flags mesh workloads that no AuthorizationPolicy applies to.',
  inputs: ['Workload', 'AuthorizationPolicy'],
  messages: ['workloadNotCoveredByAuthorization'],
  check(ctx) {
    const root = ctx.graph.rootNamespace;
    const coverage = coverageByNamespace(ctx);
    const mesh = coverage.get(root);
    for (const workload of ctx.graph.workloads) {
      if (!workload.inMesh || workload.isAssumed) {
        continue;
      }
      if (
        covers(mesh, workload.labels) ||
        covers(coverage.get(workload.namespace), workload.labels)
      ) {
        continue;
      }
      const resource = ctx.find(workload.kind, workload.key.namespace, workload.key.name);
      if (resource !== undefined) {
        ctx.report('workloadNotCoveredByAuthorization', resource, labelsPath(workload), {
          workload: fullName(resource),
          root,
        });
      }
    }
  },
};
