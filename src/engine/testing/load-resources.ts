import { loadAll } from 'js-yaml';
import { isJsonObject, type JsonObject } from '../model/json.js';
import { groupOf, type Resource } from '../model/resource.js';

const CLUSTER_SCOPED: ReadonlySet<string> = new Set([
  'Namespace',
  'ClusterRole',
  'ClusterRoleBinding',
  'CustomResourceDefinition',
  'MutatingWebhookConfiguration',
  'ValidatingWebhookConfiguration',
  'PersistentVolume',
  'StorageClass',
  'Node',
  'PriorityClass',
  'IngressClass',
  'GatewayClass',
]);

/** Turns one parsed document into a Resource (test helper: no schema check, no positions). */
export function toResource(doc: JsonObject, defaultNamespace = 'default'): Resource | null {
  const apiVersion = typeof doc['apiVersion'] === 'string' ? doc['apiVersion'] : '';
  const kind = typeof doc['kind'] === 'string' ? doc['kind'] : '';
  const metadata = isJsonObject(doc['metadata']) ? doc['metadata'] : {};
  const name = typeof metadata['name'] === 'string' ? metadata['name'] : '';
  if (kind === '' || name === '') {
    return null;
  }
  const namespace = CLUSTER_SCOPED.has(kind)
    ? ''
    : typeof metadata['namespace'] === 'string'
      ? metadata['namespace']
      : defaultNamespace;
  const body: JsonObject = {
    ...doc,
    metadata: { ...metadata, ...(namespace === '' ? {} : { namespace }) },
  };
  return {
    key: { group: groupOf(apiVersion), kind, namespace, name },
    apiVersion,
    body,
    known: true,
  };
}

/**
 * Multi-document YAML → Resources, for tests and benchmarks only (the real parser lives in
 * `parse/`). Objects without `metadata.namespace` go to `defaultNamespace` (SEMANTICS §0).
 */
export function loadResources(text: string, defaultNamespace = 'default'): Resource[] {
  const out: Resource[] = [];
  for (const doc of loadAll(text)) {
    if (isJsonObject(doc)) {
      const resource = toResource(doc, defaultNamespace);
      if (resource !== null) {
        out.push(resource);
      }
    }
  }
  return out;
}
