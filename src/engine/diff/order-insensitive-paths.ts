/**
 * THE table of lists whose order Istio / Kubernetes ignore. Every other list is compared index by
 * index (route order, match order, server order… matter in Istio).
 *
 * `key` says how items of the two versions are paired:
 * - `value`: a set of scalars (after normalisation, e.g. expanded hosts); an item is its own key.
 * - `name`: objects keyed by their `name` field.
 * - `portProtocol`: Service ports keyed by `port` + `protocol` (unique per Service; a renamed
 *   port is then reported as `ports[i].name` rather than as a removed and an added port).
 * - `containerPort`: container ports keyed by `containerPort` + `protocol`.
 * Pairs are diffed recursively; an item without a partner is added/removed whole. Paths use the
 * AFTER index for paired and added items, the BEFORE index for removed ones.
 *
 * Patterns are field paths with `[]` for "any index". Kinds are matched by name only.
 */
export type ListKeyName = 'value' | 'name' | 'portProtocol' | 'containerPort';

export interface OrderInsensitiveList {
  readonly kinds: readonly string[];
  readonly path: string;
  readonly key: ListKeyName;
  /** Why order does not matter (source relied on). */
  readonly why: string;
}

const VS = ['VirtualService'];
const MATCH_GATEWAYS = 'match gateways are ORed (API virtual_service.proto)';
const AP_VALUE = 'values of one field are ORed (API authorization_policy.proto `Rule`)';
const POD_SPEC_PREFIXES: Readonly<Record<string, string>> = {
  Pod: 'spec',
  Deployment: 'spec.template.spec',
  StatefulSet: 'spec.template.spec',
  DaemonSet: 'spec.template.spec',
  ReplicaSet: 'spec.template.spec',
  ReplicationController: 'spec.template.spec',
  Job: 'spec.template.spec',
  CronJob: 'spec.jobTemplate.spec.template.spec',
};

const SOURCE_FIELDS = ['principals', 'notPrincipals', 'requestPrincipals', 'notRequestPrincipals'];
const SOURCE_FIELDS_2 = ['namespaces', 'notNamespaces', 'ipBlocks', 'notIpBlocks'];
const SOURCE_FIELDS_3 = ['remoteIpBlocks', 'notRemoteIpBlocks'];
const OPERATION_FIELDS = ['hosts', 'notHosts', 'ports', 'notPorts'];
const OPERATION_FIELDS_2 = ['methods', 'notMethods', 'paths', 'notPaths'];

function authorizationPolicyLists(): OrderInsensitiveList[] {
  const kinds = ['AuthorizationPolicy'];
  const source = [...SOURCE_FIELDS, ...SOURCE_FIELDS_2, ...SOURCE_FIELDS_3].map((f) => ({
    kinds,
    path: `spec.rules[].from[].source.${f}`,
    key: 'value' as const,
    why: AP_VALUE,
  }));
  const operation = [...OPERATION_FIELDS, ...OPERATION_FIELDS_2].map((f) => ({
    kinds,
    path: `spec.rules[].to[].operation.${f}`,
    key: 'value' as const,
    why: AP_VALUE,
  }));
  const when = ['values', 'notValues'].map((f) => ({
    kinds,
    path: `spec.rules[].when[].${f}`,
    key: 'value' as const,
    why: AP_VALUE,
  }));
  return [...source, ...operation, ...when];
}

function podSpecLists(): OrderInsensitiveList[] {
  return Object.entries(POD_SPEC_PREFIXES).flatMap(([kind, prefix]) => {
    const kinds = [kind];
    const byName = 'unique names; the kubelet looks items up by name';
    // Caveat: env order matters for `$(VAR)` references to earlier entries; treated as a set.
    return [
      { kinds, path: `${prefix}.containers`, key: 'name' as const, why: byName },
      { kinds, path: `${prefix}.containers[].env`, key: 'name' as const, why: byName },
      { kinds, path: `${prefix}.initContainers[].env`, key: 'name' as const, why: byName },
      { kinds, path: `${prefix}.volumes`, key: 'name' as const, why: byName },
      {
        kinds,
        path: `${prefix}.containers[].ports`,
        key: 'containerPort' as const,
        why: 'informational list, unique by port and protocol',
      },
    ];
  });
}

export const ORDER_INSENSITIVE_LISTS: readonly OrderInsensitiveList[] = [
  { kinds: VS, path: 'spec.hosts', key: 'value', why: 'host set (API virtual_service.proto)' },
  {
    kinds: VS,
    path: 'spec.gateways',
    key: 'value',
    why: 'gateway set (getGatewayNames, P/model/push_context.go)',
  },
  { kinds: VS, path: 'spec.exportTo', key: 'value', why: 'namespace set (R3)' },
  { kinds: VS, path: 'spec.http[].match[].gateways', key: 'value', why: MATCH_GATEWAYS },
  { kinds: VS, path: 'spec.tcp[].match[].gateways', key: 'value', why: MATCH_GATEWAYS },
  { kinds: VS, path: 'spec.tls[].match[].gateways', key: 'value', why: MATCH_GATEWAYS },
  { kinds: VS, path: 'spec.tls[].match[].sniHosts', key: 'value', why: 'SNI names are ORed' },
  { kinds: ['DestinationRule'], path: 'spec.exportTo', key: 'value', why: 'namespace set (R3)' },
  { kinds: ['DestinationRule'], path: 'spec.subsets', key: 'name', why: 'looked up by name (R7)' },
  { kinds: ['Gateway'], path: 'spec.servers[].hosts', key: 'value', why: 'host set (R4)' },
  { kinds: ['ServiceEntry'], path: 'spec.hosts', key: 'value', why: 'host set' },
  { kinds: ['ServiceEntry'], path: 'spec.addresses', key: 'value', why: 'address set' },
  { kinds: ['ServiceEntry'], path: 'spec.exportTo', key: 'value', why: 'namespace set (R3)' },
  { kinds: ['Sidecar'], path: 'spec.egress[].hosts', key: 'value', why: 'import set (R8)' },
  { kinds: ['Service'], path: 'spec.ports', key: 'portProtocol', why: 'unique by port+protocol' },
  ...authorizationPolicyLists(),
  ...podSpecLists(),
];

const INDEX = new Map<string, ListKeyName>(
  ORDER_INSENSITIVE_LISTS.flatMap((entry) =>
    entry.kinds.map((kind) => [`${kind} ${entry.path}`, entry.key] as const),
  ),
);

/** How the list at `pattern` (a path with `[]` for indices) of `kind` is keyed, if unordered. */
export function orderInsensitiveKey(kind: string, pattern: string): ListKeyName | undefined {
  return INDEX.get(`${kind} ${pattern}`);
}
