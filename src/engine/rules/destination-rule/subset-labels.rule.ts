import { objectsAt, stringAt, stringMapAt } from '../shared/json.js';
import type { Rule } from '../rule.js';
import { fieldPath, specOf } from '../shared/resource-fields.js';

/** A subset without labels selects every endpoint (Kiali `destinationrules.nodest.subsetnolabels`). */
export const subsetLabelsRule: Rule = {
  id: 'destination-rule/subset-labels',
  description: 'Flags DestinationRule subsets that have no labels.',
  inputs: ['DestinationRule'],
  subject: 'DestinationRule',
  messages: ['subsetWithoutLabels'],
  check(ctx) {
    for (const rule of ctx.ofKind('DestinationRule')) {
      objectsAt(specOf(rule), 'subsets').forEach((subset, i) => {
        if (Object.keys(stringMapAt(subset, 'labels')).length === 0) {
          const name = stringAt(subset, 'name') ?? '';
          ctx.report('subsetWithoutLabels', rule, fieldPath('spec', 'subsets', i), {
            subset: name,
          });
        }
      });
    }
  },
};
