import { objectAt, stringAt } from '../shared/json.js';
import type { Rule } from '../rule.js';
import { specOf } from '../shared/resource-fields.js';

const REMOVED: ReadonlySet<string> = new Set([
  'rbac.istio.io/ClusterRbacConfig',
  'rbac.istio.io/RbacConfig',
  'rbac.istio.io/ServiceRole',
  'rbac.istio.io/ServiceRoleBinding',
]);

/**
 * CRDs of kinds Istio removed (`deprecatedCRDs`, istio/istio:pkg/config/analysis/analyzers/
 * deprecation/deprecation.go@86c9f01f).
 */
export const removedIstioKindRule: Rule = {
  id: 'custom-resource-definition/removed-istio-kind',
  description: 'Flags CustomResourceDefinitions of the removed rbac.istio.io kinds.',
  inputs: ['CustomResourceDefinition'],
  messages: ['removedIstioKind'],
  check(ctx) {
    for (const crd of ctx.ofKind('CustomResourceDefinition')) {
      const spec = specOf(crd);
      const group = stringAt(spec, 'group') ?? '';
      const kind = stringAt(objectAt(spec, 'names'), 'kind') ?? '';
      if (REMOVED.has(`${group}/${kind}`)) {
        ctx.report('removedIstioKind', crd, 'spec.names.kind', { group, kind });
      }
    }
  },
};
