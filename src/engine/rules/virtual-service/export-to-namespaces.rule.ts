import type { Rule } from '../rule.js';
import { checkExportToNamespaces } from '../shared/export-to-namespaces.js';

/** VirtualService `exportTo` entries must name namespaces of the snapshot (Kiali KIA0005, SEMANTICS R3). */
export const virtualServiceExportToRule: Rule = {
  id: 'virtual-service/export-to-namespaces',
  description:
    'Flags VirtualService exportTo entries that name a namespace the snapshot does not have.',
  inputs: ['VirtualService', 'Namespace', 'Workload'],
  messages: ['exportToNamespaceNotFound'],
  check(ctx) {
    checkExportToNamespaces(ctx, 'VirtualService');
  },
};
