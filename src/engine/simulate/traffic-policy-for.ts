import { isJsonObject, type JsonObject, type JsonValue } from '../model/json.js';

/** Fields `MergeTrafficPolicy` carries over from the destination-level policy. */
const POLICY_FIELDS = [
  'connectionPool',
  'loadBalancer',
  'outlierDetection',
  'tls',
  'tunnel',
  'proxyProtocol',
] as const;

/** Fields a matching `portLevelSettings` entry replaces wholesale ("port level policies do not inherit"). */
const PORT_FIELDS = ['connectionPool', 'outlierDetection', 'loadBalancer', 'tls'] as const;

function portEntry(policy: JsonObject, port: number | null): JsonObject | null {
  const list = policy['portLevelSettings'];
  if (port === null || !Array.isArray(list)) {
    return null;
  }
  for (const item of list) {
    const number = isJsonObject(item) && isJsonObject(item['port']) ? item['port']['number'] : null;
    if (isJsonObject(item) && number === port) {
      return item;
    }
  }
  return null;
}

function withPortLevel(merged: Map<string, JsonValue>, policy: JsonObject, port: number | null) {
  const entry = portEntry(policy, port);
  if (entry === null) {
    return;
  }
  for (const field of PORT_FIELDS) {
    const value = entry[field];
    if (value === undefined) {
      merged.delete(field);
    } else {
      merged.set(field, value);
    }
  }
}

/**
 * The traffic policy a client applies to one destination — `MergeTrafficPolicy`
 * (istio/istio:pilot/pkg/model/destination_rule.go, SEMANTICS R7): the top-level policy with its
 * matching `portLevelSettings` entry applied, then every field the subset policy sets, then the
 * subset's matching port-level entry. Null when nothing is configured.
 */
export function trafficPolicyFor(
  topLevel: JsonObject | null,
  subset: JsonObject | null,
  port: number | null,
): JsonObject | null {
  const merged = new Map<string, JsonValue>();
  if (topLevel !== null) {
    for (const field of POLICY_FIELDS) {
      const value = topLevel[field];
      if (value !== undefined) {
        merged.set(field, value);
      }
    }
    withPortLevel(merged, topLevel, port);
  }
  if (subset !== null) {
    for (const field of POLICY_FIELDS) {
      const value = subset[field];
      if (value !== undefined) {
        merged.set(field, value);
      }
    }
    withPortLevel(merged, subset, port);
  }
  if (merged.size === 0) {
    return null;
  }
  const out: JsonObject = {};
  for (const field of POLICY_FIELDS) {
    const value = merged.get(field);
    if (value !== undefined) {
      out[field] = value;
    }
  }
  return out;
}
