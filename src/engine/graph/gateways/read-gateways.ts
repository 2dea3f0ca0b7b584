import type { JsonObject } from '../../model/json.js';
import type { Resource } from '../../model/resource.js';
import { normalizeHost } from '../hosts/host-name.js';
import { declaredProtocol } from '../services/protocol.js';
import type { GatewayInfo, GatewayServer, GatewayServerHost } from '../types/gateway.js';
import type { WorkloadInfo } from '../types/workload.js';
import { compareStrings } from '../util/compare.js';
import { numberAt, objectAt, objectsAt, stringAt, stringMapAt, stringsAt } from '../util/json.js';
import { type LabelIndex, type Labels } from '../util/labels.js';

/** `sanitizeServerHostNamespace` (P/model/gateway.go): no prefix = any namespace (`*`), `./h` = the Gateway namespace. */
export function parseServerHost(value: string, gatewayNamespace: string): GatewayServerHost {
  const slash = value.indexOf('/');
  if (slash < 0) {
    return { namespace: '*', host: normalizeHost(value) };
  }
  const ns = value.slice(0, slash);
  return {
    namespace: ns === '.' ? gatewayNamespace : ns,
    host: normalizeHost(value.slice(slash + 1)),
  };
}

function readServer(server: JsonObject, index: number, namespace: string): GatewayServer | null {
  const port = objectAt(server, 'port');
  const number = numberAt(port, 'number');
  if (number === null) {
    return null;
  }
  const tls = objectAt(server, 'tls');
  return {
    index,
    port: number,
    portName: stringAt(port, 'name'),
    protocol: declaredProtocol(stringAt(port, 'protocol')),
    hosts: stringsAt(server, 'hosts').map((h) => parseServerHost(h, namespace)),
    tlsMode: stringAt(tls, 'mode'),
    credentialName: stringAt(tls, 'credentialName'),
  };
}

export interface GatewaySpec {
  readonly key: Resource['key'];
  readonly selector: Labels | null;
  readonly servers: readonly GatewayServer[];
  readonly createdAt: string | null;
}

export function readGatewaySpecs(resources: readonly Resource[]): GatewaySpec[] {
  const out: GatewaySpec[] = [];
  for (const resource of resources) {
    if (resource.key.group !== 'networking.istio.io' || resource.key.kind !== 'Gateway') {
      continue;
    }
    const spec = objectAt(resource.body, 'spec');
    const servers = objectsAt(spec, 'servers')
      .map((s, i) => readServer(s, i, resource.key.namespace))
      .filter((s): s is GatewayServer => s !== null);
    const hasSelector = objectAt(spec, 'selector') !== null;
    out.push({
      key: resource.key,
      selector: hasSelector ? stringMapAt(spec, 'selector') : null,
      servers,
      createdAt: stringAt(objectAt(resource.body, 'metadata'), 'creationTimestamp'),
    });
  }
  return out;
}

/** Workload ids selected by a Gateway's non-empty selector, in any namespace (R4). */
export function workloadsSelectedByGateways(
  specs: readonly GatewaySpec[],
  allWorkloads: LabelIndex<{ readonly id: string; readonly labels: Labels }>,
): Set<string> {
  const out = new Set<string>();
  for (const spec of specs) {
    if (spec.selector !== null && Object.keys(spec.selector).length > 0) {
      for (const workload of allWorkloads.select(spec.selector)) {
        out.add(workload.id);
      }
    }
  }
  return out;
}

/**
 * R4 — a Gateway's `selector` picks gateway proxies whose labels ⊇ selector in any namespace
 * (PILOT_SCOPE_GATEWAY_TO_NAMESPACE=false); no selector = every gateway proxy
 * (`mergeGateways`/`initGateways`, P/model/push_context.go).
 */
export function bindGateways(
  specs: readonly GatewaySpec[],
  gatewayProxies: LabelIndex<WorkloadInfo>,
): GatewayInfo[] {
  return specs.map((spec) => {
    const proxies = gatewayProxies
      .select(spec.selector ?? {})
      .map((w) => w.id)
      .sort(compareStrings);
    const { namespace, name } = spec.key;
    const notes =
      proxies.length === 0 ? [`Gateway ${namespace}/${name} selects no gateway proxy`] : [];
    return { ...spec, id: `${namespace}/${name}`, namespace, name, proxies, notes };
  });
}
