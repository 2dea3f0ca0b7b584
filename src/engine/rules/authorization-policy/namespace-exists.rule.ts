import { objectAt, objectsAt, stringsAt } from '../shared/json.js';
import type { Rule, RuleContext } from '../rule.js';
import { fieldPath, specOf } from '../shared/resource-fields.js';

/** `namespaceMatch`: `*`, `*suffix`, `prefix*` or an exact (case-insensitive) name. */
function namespaceMatches(namespace: string, pattern: string): boolean {
  if (pattern === '*') {
    return true;
  }
  if (pattern.startsWith('*')) {
    return namespace.endsWith(pattern.slice(1));
  }
  if (pattern.endsWith('*')) {
    return namespace.startsWith(pattern.slice(0, -1));
  }
  return namespace.toLowerCase() === pattern.toLowerCase();
}

function knownNamespaces(ctx: RuleContext): readonly string[] {
  return ctx.memo('knownNamespaces', (c) => [...c.graph.namespaces.keys()]);
}

/**
 * `from.source.namespaces` / `notNamespaces` must match a namespace of the snapshot
 * (`AuthorizationPoliciesAnalyzer.analyzeNamespaceNotFound`, istio/istio:pkg/config/analysis/
 * analyzers/authz/authorizationpolicies.go@86c9f01f; Kiali `authorizationpolicy.source.
 * namespacenotfound`). A namespace is known from its Namespace object or from objects in it; the
 * check only runs when the snapshot has Namespace objects.
 */
export const authorizationNamespaceRule: Rule = {
  id: 'authorization-policy/namespace-exists',
  description:
    'Flags AuthorizationPolicy source namespaces that match no namespace of the snapshot.',
  inputs: ['AuthorizationPolicy', 'Namespace'],
  messages: ['namespaceNotFound'],
  check(ctx) {
    if (ctx.ofKind('Namespace').length === 0) {
      return;
    }
    const namespaces = knownNamespaces(ctx);
    for (const policy of ctx.ofKind('AuthorizationPolicy')) {
      objectsAt(specOf(policy), 'rules').forEach((rule, i) => {
        objectsAt(rule, 'from').forEach((from, j) => {
          const source = objectAt(from, 'source');
          for (const field of ['namespaces', 'notNamespaces'] as const) {
            stringsAt(source, field).forEach((pattern, k) => {
              if (!namespaces.some((ns) => namespaceMatches(ns, pattern))) {
                const path = fieldPath('spec', 'rules', i, 'from', j, 'source', field, k);
                ctx.report('namespaceNotFound', policy, path, { namespace: pattern });
              }
            });
          }
        });
      });
    }
  },
};
