import type { JsonObject } from '../model/json.js';
import type { Resource, ResourceKey } from '../model/resource.js';
import { fieldObject, fieldString, fieldStringMap } from './json-fields.js';
import type { MtlsMode, ResourceOrder } from './policy-types.js';
import { byNameThenNamespace, policyId } from './resource-order.js';

/** One PeerAuthentication, parsed once. `mode` null = UNSET or absent (inherits, R9). */
export interface PeerAuthPolicy {
  readonly key: ResourceKey;
  readonly id: string;
  /** null for mesh/namespace level (no selector or empty matchLabels). */
  readonly selector: Readonly<Record<string, string>> | null;
  readonly mode: MtlsMode | null;
  /** Keyed by workload (container/target) port; value null = UNSET (inherits the workload mode). */
  readonly portLevel: ReadonlyMap<number, MtlsMode | null>;
}

export interface PeerAuthIndex {
  readonly rootNamespace: string;
  /** Selector-less policies in the root namespace, oldest first. */
  readonly mesh: readonly PeerAuthPolicy[];
  /** Selector-less policies per (non-root) namespace, oldest first. */
  readonly namespaceLevel: ReadonlyMap<string, readonly PeerAuthPolicy[]>;
  /** Policies with a selector per (non-root) namespace, oldest first. */
  readonly workloadLevel: ReadonlyMap<string, readonly PeerAuthPolicy[]>;
  /** Selector policies in the root namespace: ignored by istiod (R9), kept to explain. */
  readonly ignoredRootSelector: readonly PeerAuthPolicy[];
}

const MODES: ReadonlySet<string> = new Set(['STRICT', 'PERMISSIVE', 'DISABLE']);

function parseMode(mtls: JsonObject | undefined): MtlsMode | null {
  const mode = fieldString(mtls, 'mode');
  return mode !== undefined && MODES.has(mode) ? (mode as MtlsMode) : null;
}

function parsePortLevel(spec: JsonObject | undefined): Map<number, MtlsMode | null> {
  const out = new Map<number, MtlsMode | null>();
  const ports = fieldObject(spec, 'portLevelMtls');
  for (const [port, value] of Object.entries(ports ?? {})) {
    const n = Number(port);
    if (Number.isInteger(n)) {
      out.set(
        n,
        parseMode(
          typeof value === 'object' && value !== null && !Array.isArray(value) ? value : undefined,
        ),
      );
    }
  }
  return out;
}

export function parsePeerAuthentication(resource: Resource): PeerAuthPolicy {
  const spec = fieldObject(resource.body, 'spec');
  const matchLabels = fieldStringMap(fieldObject(spec, 'selector'), 'matchLabels');
  // `spec.Selector == nil || len(spec.Selector.MatchLabels) == 0` is namespace/mesh level
  // (ComposePeerAuthentication, istio/istio:pilot/pkg/security/authn/policy_applier.go).
  const selector =
    matchLabels !== undefined && Object.keys(matchLabels).length > 0 ? matchLabels : null;
  return {
    key: resource.key,
    id: policyId(resource.key),
    selector,
    mode: parseMode(fieldObject(spec, 'mtls')),
    portLevel: parsePortLevel(spec),
  };
}

function pushTo(map: Map<string, PeerAuthPolicy[]>, ns: string, policy: PeerAuthPolicy): void {
  const list = map.get(ns);
  if (list === undefined) {
    map.set(ns, [policy]);
  } else {
    list.push(policy);
  }
}

function isPeerAuthentication(resource: Resource): boolean {
  return resource.key.kind === 'PeerAuthentication' && resource.key.group === 'security.istio.io';
}

/** Builds the level index once per snapshot; O(n log n) in the number of PeerAuthentications. */
export function indexPeerAuthentications(
  resources: readonly Resource[],
  rootNamespace: string,
  order: ResourceOrder = byNameThenNamespace,
): PeerAuthIndex {
  const mesh: PeerAuthPolicy[] = [];
  const ignoredRootSelector: PeerAuthPolicy[] = [];
  const namespaceLevel = new Map<string, PeerAuthPolicy[]>();
  const workloadLevel = new Map<string, PeerAuthPolicy[]>();
  for (const resource of resources) {
    if (!isPeerAuthentication(resource)) {
      continue;
    }
    const policy = parsePeerAuthentication(resource);
    const ns = resource.key.namespace;
    if (ns === rootNamespace) {
      (policy.selector === null ? mesh : ignoredRootSelector).push(policy);
    } else {
      pushTo(policy.selector === null ? namespaceLevel : workloadLevel, ns, policy);
    }
  }
  const sort = (list: PeerAuthPolicy[]): void => {
    list.sort((a, b) => order(a.key, b.key));
  };
  sort(mesh);
  sort(ignoredRootSelector);
  namespaceLevel.forEach(sort);
  workloadLevel.forEach(sort);
  return { rootNamespace, mesh, namespaceLevel, workloadLevel, ignoredRootSelector };
}
