import { stringsAt } from './json.js';
import type { KindName } from '../kinds.js';
import type { RuleContext } from '../rule.js';
import { fieldPath, specOf } from './resource-fields.js';

const SPECIAL: ReadonlySet<string> = new Set(['*', '.', '~']);

/**
 * `exportTo` entries naming a namespace the snapshot does not have (Kiali
 * `generic.exportto.namespacenotfound`). Runs only when the snapshot has Namespace objects; a
 * namespace is known from its Namespace object or from objects in it.
 */
export function checkExportToNamespaces(ctx: RuleContext, kind: KindName): void {
  if (ctx.ofKind('Namespace').length === 0) {
    return;
  }
  for (const resource of ctx.ofKind(kind)) {
    stringsAt(specOf(resource), 'exportTo').forEach((namespace, i) => {
      if (!SPECIAL.has(namespace) && !ctx.graph.namespaces.has(namespace)) {
        ctx.report('exportToNamespaceNotFound', resource, fieldPath('spec', 'exportTo', i), {
          namespace,
        });
      }
    });
  }
}
