import { resolveShortName } from '../../graph/hosts/short-name.js';
import { numberAt, objectAt, objectsAt, stringAt } from '../shared/json.js';
import type { Rule } from '../rule.js';
import { fieldPath, specOf } from '../shared/resource-fields.js';

/**
 * Route destination lists: a weight on the only destination is ignored (it gets 100 %, SEMANTICS
 * R11; Kiali `virtualservices.route.singleweight`), and one host+subset listed twice splits
 * traffic confusingly (Kiali `virtualservices.route.repeatedsubset`).
 */
export const routeWeightsRule: Rule = {
  id: 'virtual-service/route-weights',
  description:
    'Flags a weight on the only destination of a route, and a host+subset listed twice in one route.',
  inputs: ['VirtualService'],
  subject: 'VirtualService',
  messages: ['singleDestinationWeight', 'repeatedSubset'],
  check(ctx) {
    for (const vs of ctx.ofKind('VirtualService')) {
      for (const field of ['http', 'tcp', 'tls'] as const) {
        objectsAt(specOf(vs), field).forEach((rule, i) => {
          const routes = objectsAt(rule, 'route');
          const weight = numberAt(routes[0] ?? null, 'weight');
          if (routes.length === 1 && weight !== null && weight !== 100) {
            ctx.report(
              'singleDestinationWeight',
              vs,
              fieldPath('spec', field, i, 'route', 0, 'weight'),
              { weight },
            );
          }
          const seen = new Set<string>();
          routes.forEach((route, j) => {
            const destination = objectAt(route, 'destination');
            const host = resolveShortName(
              stringAt(destination, 'host') ?? '',
              vs.key.namespace,
              ctx.graph.clusterDomain,
            );
            const key = `${host}|${stringAt(destination, 'subset') ?? ''}|${numberAt(objectAt(destination, 'port'), 'number') ?? ''}`;
            if (seen.has(key)) {
              const text = key
                .split('|')
                .filter((p) => p !== '')
                .join(' ');
              ctx.report(
                'repeatedSubset',
                vs,
                fieldPath('spec', field, i, 'route', j, 'destination'),
                { destination: text },
              );
            }
            seen.add(key);
          });
        });
      }
    }
  },
};
