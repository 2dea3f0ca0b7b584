import type { Rule } from '../rule.js';
import { checkExportToNamespaces } from '../shared/export-to-namespaces.js';

/** DestinationRule `exportTo` entries must name namespaces of the snapshot (Kiali KIA0005, SEMANTICS R3). */
export const destinationRuleExportToRule: Rule = {
  id: 'destination-rule/export-to-namespaces',
  description:
    'Flags DestinationRule exportTo entries that name a namespace the snapshot does not have.',
  inputs: ['DestinationRule', 'Namespace', 'Workload'],
  messages: ['exportToNamespaceNotFound'],
  check(ctx) {
    checkExportToNamespaces(ctx, 'DestinationRule');
  },
};
