import { isJsonObject, type JsonObject } from '../../model/json.js';
import type { Resource } from '../../model/resource.js';
import { pathObject, stringAt } from './json.js';
import { labelsOf } from './resource-fields.js';

/** Name prefix of the sidecar injector's ConfigMaps (`istio-sidecar-injector[-<revision>]`). */
export const INJECTOR_CONFIG_MAP = 'istio-sidecar-injector';

/** The Helm values the injector ConfigMap carries as JSON in `data.values`, or null. */
export function injectorValues(configMap: Resource): JsonObject | null {
  let values: unknown;
  try {
    values = JSON.parse(stringAt(pathObject(configMap.body, 'data'), 'values') ?? '');
  } catch {
    return null;
  }
  return isJsonObject(values) ? values : null;
}

/**
 * The injector ConfigMap a namespace's revision uses (`GetInjectorConfigMapName`,
 * istio/istio:pkg/config/analysis/analyzers/util): the default one without `istio.io/rev`
 * (or with `default`), else `istio-sidecar-injector-<rev>`.
 */
export function injectorConfigMapName(namespace: Resource): string {
  const revision = labelsOf(namespace)['istio.io/rev'];
  return revision === undefined || revision === '' || revision === 'default'
    ? INJECTOR_CONFIG_MAP
    : `${INJECTOR_CONFIG_MAP}-${revision}`;
}
