import { uniqueSorted } from '../../graph/util/compare.js';
import type { Rule } from '../rule.js';
import { stringAt, stringsAt } from '../shared/json.js';
import { selectWorkloads, workloadSelectorOf } from '../shared/policy-selectors.js';
import { specOf } from '../shared/resource-fields.js';

/**
 * A MESH_INTERNAL ServiceEntry with a `workloadSelector` should list, in `addresses`, the address
 * of every WorkloadEntry of its namespace it selects. Follows
 * kiali/kiali:`business/checkers/serviceentries/workload_entry_address_match.go`
 * (`serviceentries.workloadentries.addressmatch`, KIA1201); WorkloadEntries without an address
 * (reached through a network gateway) are left out. One finding per ServiceEntry lists every
 * missing address.
 */
export const serviceEntryWorkloadEntryAddressesRule: Rule = {
  id: 'service-entry/workload-entry-addresses',
  description:
    'Flags MESH_INTERNAL ServiceEntries whose addresses leave out addresses of the WorkloadEntries they select.',
  inputs: ['ServiceEntry', 'Workload'],
  messages: ['serviceEntryWorkloadEntryAddress'],
  check(ctx) {
    for (const entry of ctx.ofKind('ServiceEntry')) {
      const spec = specOf(entry);
      const selector = workloadSelectorOf(entry);
      if (stringAt(spec, 'location') !== 'MESH_INTERNAL' || selector === null) {
        continue;
      }
      const listed = new Set(stringsAt(spec, 'addresses'));
      const missing = selectWorkloads(ctx, entry.key.namespace, selector)
        .filter((w) => w.kind === 'WorkloadEntry')
        .map((w) => w.address ?? '')
        .filter((address) => address !== '' && !listed.has(address));
      if (missing.length > 0) {
        ctx.report('serviceEntryWorkloadEntryAddress', entry, 'spec.addresses', {
          addresses: uniqueSorted(missing),
        });
      }
    }
  },
};
