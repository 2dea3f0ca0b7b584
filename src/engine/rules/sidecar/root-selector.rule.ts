import type { Rule } from '../rule.js';
import { workloadSelectorOf } from '../shared/policy-selectors.js';

/**
 * The mesh-wide default Sidecar lives in the root namespace without workloadSelector (SEMANTICS
 * R8; Kiali `sidecar.global.selector`).
 */
export const rootSidecarSelectorRule: Rule = {
  id: 'sidecar/root-selector',
  description: 'Flags Sidecars in the root namespace that have a workloadSelector.',
  inputs: ['Sidecar'],
  messages: ['rootSidecarWithSelector'],
  check(ctx) {
    for (const sidecar of ctx.ofKind('Sidecar')) {
      if (
        sidecar.key.namespace === ctx.graph.rootNamespace &&
        workloadSelectorOf(sidecar) !== null
      ) {
        ctx.report('rootSidecarWithSelector', sidecar, 'spec.workloadSelector', {});
      }
    }
  },
};
