import type { Resource } from '../../model/resource.js';
import { objectAt, stringMapAt } from '../util/json.js';
import type { Labels } from '../util/labels.js';

export type NamespaceInjection = 'enabled' | 'disabled' | 'revision' | 'none';

export interface NamespaceInfo {
  readonly name: string;
  readonly labels: Labels;
  /** False when the snapshot holds objects in this namespace but no Namespace object. */
  readonly isPresent: boolean;
  readonly injection: NamespaceInjection;
}

/**
 * `istio-injection=enabled` or an `istio.io/rev` label turns injection on unless
 * `istio-injection=disabled` (SEMANTICS §0 "In mesh").
 */
export function namespaceInjection(labels: Labels): NamespaceInjection {
  const flag = labels['istio-injection'];
  if (flag === 'disabled') {
    return 'disabled';
  }
  if (flag === 'enabled') {
    return 'enabled';
  }
  return labels['istio.io/rev'] === undefined ? 'none' : 'revision';
}

export function readNamespaces(resources: readonly Resource[]): Map<string, NamespaceInfo> {
  const out = new Map<string, NamespaceInfo>();
  for (const resource of resources) {
    if (resource.key.group === '' && resource.key.kind === 'Namespace') {
      const labels = stringMapAt(objectAt(resource.body, 'metadata'), 'labels');
      out.set(resource.key.name, {
        name: resource.key.name,
        labels,
        isPresent: true,
        injection: namespaceInjection(labels),
      });
    }
  }
  for (const resource of resources) {
    const ns = resource.key.namespace;
    if (ns !== '' && !out.has(ns)) {
      out.set(ns, { name: ns, labels: {}, isPresent: false, injection: 'none' });
    }
  }
  return out;
}
