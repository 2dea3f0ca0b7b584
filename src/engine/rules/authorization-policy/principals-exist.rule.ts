import { objectAt, objectsAt, stringsAt } from '../shared/json.js';
import type { Rule, RuleContext } from '../rule.js';
import { fieldPath, specOf } from '../shared/resource-fields.js';

const PRINCIPAL = /^(?:spiffe:\/\/)?[^/]+\/ns\/([^/]+)\/sa\/([^/]+)$/;

/** `ns/sa` of every ServiceAccount object and of every workload's service account. */
function serviceAccounts(ctx: RuleContext): ReadonlySet<string> {
  return ctx.memo('serviceAccounts', (c) => {
    const out = new Set<string>();
    for (const sa of c.ofKind('ServiceAccount')) {
      out.add(`${sa.key.namespace}/${sa.key.name}`);
    }
    for (const workload of c.graph.workloads) {
      out.add(`${workload.namespace}/${workload.serviceAccount}`);
    }
    return out;
  });
}

/**
 * `from.source.principals` / `notPrincipals` of the form `<trust domain>/ns/<ns>/sa/<sa>` must
 * name a service account the snapshot has (Kiali `authorizationpolicy.source.principalnotfound`).
 * Principals with wildcards, and namespaces absent from the snapshot, are not checked.
 */
export const authorizationPrincipalsRule: Rule = {
  id: 'authorization-policy/principals-exist',
  description: 'Flags AuthorizationPolicy principals naming a service account the snapshot lacks.',
  inputs: ['AuthorizationPolicy', 'ServiceAccount', 'Workload', 'Namespace'],
  messages: ['principalNotFound'],
  check(ctx) {
    const accounts = serviceAccounts(ctx);
    for (const policy of ctx.ofKind('AuthorizationPolicy')) {
      objectsAt(specOf(policy), 'rules').forEach((rule, i) => {
        objectsAt(rule, 'from').forEach((from, j) => {
          for (const field of ['principals', 'notPrincipals'] as const) {
            stringsAt(objectAt(from, 'source'), field).forEach((principal, k) => {
              const match = principal.includes('*') ? null : PRINCIPAL.exec(principal);
              const [, ns = '', sa = ''] = match ?? [];
              if (match !== null && ctx.graph.namespaces.has(ns) && !accounts.has(`${ns}/${sa}`)) {
                const path = fieldPath('spec', 'rules', i, 'from', j, 'source', field, k);
                ctx.report('principalNotFound', policy, path, { principal });
              }
            });
          }
        });
      });
    }
  },
};
