import type { MeshGraph } from '../graph/types/mesh-graph.js';
import type { WorkloadInfo } from '../graph/types/workload.js';
import { evaluateRequest } from '../policy/authorization.js';
import { clientTlsMode, isTlsCompatible } from '../policy/client-tls.js';
import { effectiveMtlsMode } from '../policy/peer-authentication.js';
import type { ClientTlsMode, MtlsMode } from '../policy/policy-types.js';
import type { SimulatedHttpRequest } from './simulate-request-input.js';
import type { SimulationProxy } from './simulate-source.js';
import type { SimulateAuthorization, SimulateEndpoint, SimulateTls } from './simulate-types.js';

/** One workload a request can be delivered to, with what the server side needs. */
export interface EndpointTarget {
  readonly workload: WorkloadInfo;
  /** Port the workload receives on (R9 `portLevelMtls` key). */
  readonly port: number;
  /** DestinationRule `tls.mode` for the destination (subset and port applied), null = auto mTLS. */
  readonly drTlsMode: string | null;
  readonly protocol: 'http' | 'tcp';
  /** Kube-proxy delivery (plain clients, passthrough): plaintext without identity. */
  readonly forcePlaintext: boolean;
}

export interface EndpointCheck {
  readonly endpoint: SimulateEndpoint;
  readonly notes: readonly string[];
}

function serverMode(graph: MeshGraph, target: EndpointTarget, notes: string[]): MtlsMode {
  if (!target.workload.inMesh) {
    notes.push(`${target.workload.id} has no sidecar: it accepts plaintext only`);
    return 'DISABLE';
  }
  const effective = effectiveMtlsMode(graph.peerAuthentication, target.workload, target.port);
  notes.push(...effective.notes);
  return effective.mode;
}

/**
 * R9 + auto mTLS (SEMANTICS §0): a plain client (or kube-proxy passthrough) sends plaintext; a
 * sidecar or gateway sends what its DestinationRule says, else ISTIO_MUTUAL to endpoints with a
 * sidecar (`clientTlsMode`). Gateway proxies as targets are taken to accept what they are sent
 * (their listeners are configured by Gateways, not PeerAuthentication), as reachability does.
 */
function tlsCheck(
  graph: MeshGraph,
  proxy: SimulationProxy,
  target: EndpointTarget,
  notes: string[],
): SimulateTls {
  const server = serverMode(graph, target, notes);
  const clientInMesh = proxy.kind !== 'plain' && !target.forcePlaintext;
  const client: ClientTlsMode = clientInMesh
    ? clientTlsMode(
        target.drTlsMode,
        graph.meshConfig.enableAutoMtls,
        target.workload.inMesh,
        target.workload.inMesh ? server : undefined,
      )
    : 'DISABLE';
  if (target.workload.isGatewayProxy) {
    notes.push(`${target.workload.id} is a gateway proxy: PeerAuthentication is not checked`);
    return { client, server, compatible: true };
  }
  const compatible = isTlsCompatible(client, server, clientInMesh, target.workload.inMesh);
  return { client, server, compatible };
}

/**
 * R10 — the concrete request against the target's AuthorizationPolicies (`evaluateRequest`). The
 * principal is the client's identity only over Istio mTLS; otherwise the request is anonymous.
 */
function authorizationCheck(
  graph: MeshGraph,
  proxy: SimulationProxy,
  target: EndpointTarget,
  tls: SimulateTls,
  request: SimulatedHttpRequest,
  notes: string[],
): SimulateAuthorization | null {
  if (!tls.compatible || !target.workload.inMesh) {
    return null;
  }
  const mtls = tls.client === 'ISTIO_MUTUAL' && proxy.kind !== 'plain' && !target.forcePlaintext;
  const decision = evaluateRequest(
    graph.authorization,
    target.workload,
    {
      namespace: proxy.workload?.namespace ?? proxy.namespace,
      principal: mtls ? proxy.identity : null,
    },
    {
      protocol: target.protocol,
      port: target.port,
      host: request.authority,
      method: request.method,
      path: request.path,
      headers: request.headers,
    },
  );
  notes.push(...decision.notes);
  return { allowed: decision.allowed, decidedBy: decision.decidedBy };
}

/** TLS then authorization for one endpoint, as the target's sidecar would decide. */
export function checkEndpoint(
  graph: MeshGraph,
  proxy: SimulationProxy,
  target: EndpointTarget,
  request: SimulatedHttpRequest,
): EndpointCheck {
  const notes: string[] = target.workload.inMeshAssumed ? [...target.workload.notes] : [];
  const tls = tlsCheck(graph, proxy, target, notes);
  const authorization = authorizationCheck(graph, proxy, target, tls, request, notes);
  return {
    endpoint: { workload: target.workload.id, port: target.port, tls, authorization },
    notes,
  };
}
