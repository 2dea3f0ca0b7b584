import { isJsonObject, type JsonObject } from '../model/json.js';
import type { Resource } from '../model/resource.js';
import { cloneWithoutNulls, deleteKey } from './json-navigation.js';
import { isPodCarrier, normalizePodCarrier, normalizeService } from './normalize-kube.js';
import {
  normalizeAuthorizationPolicy,
  normalizeDestinationRule,
  normalizeGateway,
  normalizeServiceEntry,
  normalizeVirtualService,
  type NormalizeContext,
} from './normalize-istio.js';
import { DEFAULT_CLUSTER_DOMAIN, type DiffOptions } from './resource-change.js';

/** Top-level fields that never count: identity is the ResourceKey, `status` is server-written. */
const IGNORED_TOP_LEVEL = ['apiVersion', 'kind', 'status'];

/** Server-managed metadata (set by the API server, never part of the desired state). */
const SERVER_MANAGED_METADATA = [
  'managedFields',
  'resourceVersion',
  'uid',
  'generation',
  'creationTimestamp',
  'selfLink',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
];

const SERVER_MANAGED_ANNOTATIONS = [
  'kubectl.kubernetes.io/last-applied-configuration',
  'deployment.kubernetes.io/revision',
];

function normalizeMetadata(metadata: JsonObject): void {
  for (const key of SERVER_MANAGED_METADATA) {
    deleteKey(metadata, key);
  }
  const annotations = metadata['annotations'];
  if (isJsonObject(annotations)) {
    for (const key of SERVER_MANAGED_ANNOTATIONS) {
      deleteKey(annotations, key);
    }
  }
  // An empty map is the same as no map.
  for (const key of ['labels', 'annotations']) {
    const map = metadata[key];
    if (isJsonObject(map) && Object.keys(map).length === 0) {
      deleteKey(metadata, key);
    }
  }
}

const ISTIO_GROUPS = new Set(['networking.istio.io', 'security.istio.io']);
const WORKLOAD_GROUPS = new Set(['', 'apps', 'batch']);

function normalizeIstio(
  kind: string,
  body: JsonObject,
  spec: JsonObject,
  ctx: NormalizeContext,
): void {
  switch (kind) {
    case 'VirtualService':
      normalizeVirtualService(body, spec, ctx);
      break;
    case 'DestinationRule':
      normalizeDestinationRule(spec, ctx);
      break;
    case 'ServiceEntry':
      normalizeServiceEntry(spec);
      break;
    case 'Gateway':
      normalizeGateway(spec, ctx);
      break;
    case 'AuthorizationPolicy':
      normalizeAuthorizationPolicy(spec);
      break;
    default:
      break;
  }
}

function normalizeSpec(resource: Resource, body: JsonObject, ctx: NormalizeContext): void {
  const spec = body['spec'];
  if (!isJsonObject(spec)) {
    return;
  }
  const { group, kind } = resource.key;
  if (ISTIO_GROUPS.has(group)) {
    normalizeIstio(kind, body, spec, ctx);
  } else if (group === '' && kind === 'Service') {
    normalizeService(spec);
  } else if (WORKLOAD_GROUPS.has(group) && isPodCarrier(kind)) {
    normalizePodCarrier(kind, spec);
  }
}

/**
 * The body with cosmetic differences removed, array indices preserved (so a path in the
 * normalised body is the same path in the original): server-managed fields and `status` dropped,
 * null properties dropped, short names and gateway references resolved (R2, R4), defaults
 * removed. Order-insensitive lists are NOT sorted here (see `canonicalForm`).
 */
export function normalizeForDiff(resource: Resource, options: DiffOptions = {}): JsonObject {
  const body = cloneWithoutNulls(resource.body) as JsonObject;
  for (const key of IGNORED_TOP_LEVEL) {
    deleteKey(body, key);
  }
  const metadata = body['metadata'];
  if (isJsonObject(metadata)) {
    normalizeMetadata(metadata);
  }
  const ctx: NormalizeContext = {
    namespace: resource.key.namespace,
    clusterDomain: options.clusterDomain ?? DEFAULT_CLUSTER_DOMAIN,
  };
  normalizeSpec(resource, body, ctx);
  return body;
}
