import type { Rule } from '../rule.js';
import { checkExportToNamespaces } from '../shared/export-to-namespaces.js';

/** ServiceEntry `exportTo` entries must name namespaces of the snapshot (Kiali KIA0005, SEMANTICS R3). */
export const serviceEntryExportToRule: Rule = {
  id: 'service-entry/export-to-namespaces',
  description:
    'Flags ServiceEntry exportTo entries that name a namespace the snapshot does not have.',
  inputs: ['ServiceEntry', 'Namespace', 'Workload'],
  messages: ['exportToNamespaceNotFound'],
  check(ctx) {
    checkExportToNamespaces(ctx, 'ServiceEntry');
  },
};
