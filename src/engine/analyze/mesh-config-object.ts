import { load } from 'js-yaml';
import { isJsonObject, type JsonObject } from '../model/json.js';
import type { Resource } from '../model/resource.js';
import { objectAt, stringAt } from '../rules/shared/json.js';

function parseMesh(text: string): JsonObject {
  try {
    const parsed: unknown = load(text);
    return isJsonObject(parsed) ? parsed : {};
  } catch {
    return {};
  }
}

/**
 * The MeshConfig rules read: the explicit one, else `data.mesh` of the `istio` ConfigMap in the
 * root namespace (SEMANTICS §0), else empty (Istio's defaults).
 */
export function meshConfigObject(
  resources: readonly Resource[],
  rootNamespace: string,
  explicit: JsonObject | undefined,
): JsonObject {
  if (explicit !== undefined) {
    return explicit;
  }
  const configMap = resources.find(
    (r) =>
      r.key.group === '' &&
      r.key.kind === 'ConfigMap' &&
      r.key.name === 'istio' &&
      r.key.namespace === rootNamespace,
  );
  const text = configMap === undefined ? null : stringAt(objectAt(configMap.body, 'data'), 'mesh');
  return text === null ? {} : parseMesh(text);
}

/**
 * The graph reads mesh config from the `istio` ConfigMap only: an explicit mesh config is handed
 * to it as that ConfigMap (replacing one from the snapshot).
 */
export function withMeshConfigMap(
  resources: readonly Resource[],
  rootNamespace: string,
  explicit: JsonObject | undefined,
): readonly Resource[] {
  if (explicit === undefined) {
    return resources;
  }
  const key = { group: '', kind: 'ConfigMap', namespace: rootNamespace, name: 'istio' };
  const configMap: Resource = {
    key,
    apiVersion: 'v1',
    body: {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'istio', namespace: rootNamespace },
      data: { mesh: JSON.stringify(explicit) },
    },
    known: true,
  };
  const others = resources.filter(
    (r) =>
      !(
        r.key.group === '' &&
        r.key.kind === 'ConfigMap' &&
        r.key.name === 'istio' &&
        r.key.namespace === rootNamespace
      ),
  );
  return [...others, configMap];
}
