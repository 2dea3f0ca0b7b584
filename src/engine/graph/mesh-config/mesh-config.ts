import { load } from 'js-yaml';
import type { JsonObject } from '../../model/json.js';
import type { Resource } from '../../model/resource.js';
import { asObject, objectAt, stringAt, stringsAt } from '../util/json.js';

export type OutboundTrafficMode = 'ALLOW_ANY' | 'REGISTRY_ONLY';

/** The MeshConfig fields meshlens reads (istio/istio:pkg/config/mesh/mesh.go@86c9f01f defaults). */
export interface MeshConfigView {
  readonly rootNamespace: string;
  readonly trustDomain: string;
  readonly outboundTrafficPolicy: OutboundTrafficMode;
  readonly enableAutoMtls: boolean;
  readonly defaultServiceExportTo: readonly string[];
  readonly defaultVirtualServiceExportTo: readonly string[];
  readonly defaultDestinationRuleExportTo: readonly string[];
  /** `istio-system/istio` ConfigMap the values came from, or null for the defaults. */
  readonly source: string | null;
  readonly problems: readonly string[];
}

const DEFAULT_ROOT = 'istio-system';

function parseMeshText(text: string): { mesh: JsonObject | null; problem: string | null } {
  try {
    const parsed: unknown = load(text);
    if (parsed === null || parsed === undefined) {
      return { mesh: {}, problem: null };
    }
    const mesh = asObject(parsed as JsonObject);
    return mesh === null
      ? { mesh: null, problem: 'data.mesh is not a YAML mapping' }
      : { mesh, problem: null };
  } catch (error) {
    return { mesh: null, problem: `data.mesh is not valid YAML: ${String(error)}` };
  }
}

function exportDefault(mesh: JsonObject | null, key: string): readonly string[] {
  const values = stringsAt(mesh, key);
  return values.length === 0 ? ['*'] : values;
}

function fromMesh(
  mesh: JsonObject | null,
  root: string,
  source: string | null,
  problems: string[],
): MeshConfigView {
  const mode = stringAt(objectAt(mesh, 'outboundTrafficPolicy'), 'mode');
  const autoMtls = mesh?.['enableAutoMtls'];
  return {
    rootNamespace: root,
    trustDomain: stringAt(mesh, 'trustDomain') ?? 'cluster.local',
    outboundTrafficPolicy: mode === 'REGISTRY_ONLY' ? 'REGISTRY_ONLY' : 'ALLOW_ANY',
    enableAutoMtls: typeof autoMtls === 'boolean' ? autoMtls : true,
    defaultServiceExportTo: exportDefault(mesh, 'defaultServiceExportTo'),
    defaultVirtualServiceExportTo: exportDefault(mesh, 'defaultVirtualServiceExportTo'),
    defaultDestinationRuleExportTo: exportDefault(mesh, 'defaultDestinationRuleExportTo'),
    source,
    problems,
  };
}

/**
 * Mesh config from the `istio` ConfigMap in the root namespace (`data.mesh`, YAML of MeshConfig),
 * else Istio's defaults (SEMANTICS §0 "Inputs and defaults").
 */
export function readMeshConfig(
  resources: readonly Resource[],
  rootOverride: string | null,
): MeshConfigView {
  const lookIn = rootOverride ?? DEFAULT_ROOT;
  const configMap = resources.find(
    (r) =>
      r.key.group === '' &&
      r.key.kind === 'ConfigMap' &&
      r.key.name === 'istio' &&
      r.key.namespace === lookIn,
  );
  const text = configMap === undefined ? null : stringAt(objectAt(configMap.body, 'data'), 'mesh');
  if (text === null) {
    return fromMesh(null, lookIn, null, []);
  }
  const { mesh, problem } = parseMeshText(text);
  const root = rootOverride ?? stringAt(mesh, 'rootNamespace') ?? DEFAULT_ROOT;
  return fromMesh(mesh, root, `${lookIn}/istio`, problem === null ? [] : [problem]);
}
