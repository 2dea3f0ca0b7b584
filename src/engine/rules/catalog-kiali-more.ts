import { type MessageFamily, quote } from './message-spec.js';

/**
 * Kiali validations (kiali/kiali `models/istio_validation.go` checkDescriptors) that no other
 * family covered yet. Two exports so each family stays in code order in the catalog:
 * 21xx Gateway API conflicts here, 22xx ServiceEntry settings and 31xx mTLS / authorization
 * consistency in {@link KIALI_MORE_MESSAGES}.
 */
export const KIALI_MORE_CONFLICT_MESSAGES = {
  k8sGatewayListenerConflict: {
    code: 'MESH2130',
    level: 'Warning',
    kialiCode: 'KIA1501',
    title: 'Kubernetes Gateways declare the same listener',
    docs: 'Another Gateway API Gateway has a listener with the same hostname, port and protocol. Which gateway a client reaches for that hostname then depends on DNS and addresses, not on the routes attached to each Gateway.',
    template: (p: { listener: string; gateways: readonly string[] }) =>
      `Listener ${p.listener} is also declared by Gateway(s) [${p.gateways.join(' ')}]`,
  },
  k8sGatewayAddressConflict: {
    code: 'MESH2131',
    level: 'Warning',
    kialiCode: 'KIA1502',
    title: 'Kubernetes Gateways request the same address',
    docs: 'Two Gateway API Gateways request the same address (same type and value). Only one of them can be given it, so the other is not reachable there.',
    template: (p: { address: string; gateways: readonly string[] }) =>
      `Address ${quote(p.address)} is also requested by Gateway(s) [${p.gateways.join(' ')}]`,
  },
  k8sGatewayDuplicateListener: {
    code: 'MESH2132',
    level: 'Error',
    kialiCode: 'KIA1503',
    title: 'Listeners of one Kubernetes Gateway are not unique',
    docs: 'Gateway API requires every listener of a Gateway to have its own combination of hostname, port and protocol (an absent hostname counts as a value). The API server rejects such a Gateway, and implementations mark the listeners Conflicted.',
    template: (p: { listener: string; others: readonly string[] }) =>
      `Listener ${p.listener} has the same hostname, port and protocol as listener(s) [${p.others.join(' ')}] of this Gateway`,
  },
} as const satisfies MessageFamily;

/** 22xx and 31xx Kiali validations (see {@link KIALI_MORE_CONFLICT_MESSAGES}). */
export const KIALI_MORE_MESSAGES = {
  serviceEntryWorkloadEntryAddress: {
    code: 'MESH2240',
    level: 'Warning',
    kialiCode: 'KIA1201',
    title: 'ServiceEntry addresses leave out selected WorkloadEntries',
    docs: 'A MESH_INTERNAL ServiceEntry selects WorkloadEntries with `workloadSelector`, but some of their addresses are not in its `addresses`. Traffic sent straight to such an address may then miss the service and leave through the PassthroughCluster, without the service policies (kiali/kiali#4339).',
    template: (p: { addresses: readonly string[] }) =>
      `WorkloadEntry addresses [${p.addresses.join(' ')}] are not listed in the ServiceEntry addresses`,
  },
  sidecarOutboundModeUnset: {
    code: 'MESH2241',
    level: 'Warning',
    kialiCode: 'KIA1007',
    title: 'Sidecar outboundTrafficPolicy without a mode',
    docs: 'When a Sidecar sets `outboundTrafficPolicy`, istiod uses it instead of the mesh default, and an absent mode is the proto default REGISTRY_ONLY: the workloads of the Sidecar can no longer reach hosts outside the service registry, even when the mesh allows any. Set `mode` explicitly.',
    template: (p: { meshMode: string }) =>
      `outboundTrafficPolicy sets no mode, so its workloads get REGISTRY_ONLY (the mesh default is ${p.meshMode})`,
  },
  authorizationRequiresMtls: {
    code: 'MESH3120',
    level: 'Error',
    kialiCode: 'KIA0105',
    title: 'AuthorizationPolicy condition needs mTLS the workloads do not get',
    docs: 'Principals, namespaces and the `source.principal`, `source.namespace` and `connection.sni` conditions are read from the peer certificate, which only Istio mTLS connections carry. The workloads under this policy receive plaintext (PeerAuthentication DISABLE, or PERMISSIVE with auto mTLS off and no DestinationRule originating ISTIO_MUTUAL), so the condition never matches: ALLOW rules deny those requests and DENY rules let them through (SEMANTICS R9, R10).',
    template: (p: { field: string; reason: string }) =>
      `${p.field} can only match mTLS requests, but the workloads of this policy receive plaintext: ${p.reason}`,
  },
  destinationRuleMtlsOverridden: {
    code: 'MESH3121',
    level: 'Warning',
    kialiCode: 'KIA0204',
    title: 'DestinationRule hides the mTLS of a wider DestinationRule',
    docs: 'Only the most specific DestinationRule host applies to a service (SEMANTICS R7). This one sets no `tls`, so the ISTIO_MUTUAL of the namespace-wide or mesh-wide DestinationRule no longer applies to its host: clients fall back to auto mTLS, or to plaintext when auto mTLS is off.',
    template: (p: { host: string; destinationRules: readonly string[] }) =>
      `No TLS settings for ${p.host}: the ISTIO_MUTUAL of DestinationRule(s) [${p.destinationRules.join(' ')}] does not apply to it`,
  },
  meshMtlsWithoutPeerAuthentication: {
    code: 'MESH3122',
    level: 'Warning',
    kialiCode: 'KIA0205',
    title: 'Mesh-wide ISTIO_MUTUAL DestinationRule without a mesh-wide PeerAuthentication',
    docs: 'The DestinationRule makes clients originate Istio mTLS to every host, but no PeerAuthentication without selector in the root namespace sets mode STRICT or PERMISSIVE, so the mesh-wide mTLS setup is only half done: what servers accept is left to defaults.',
    template: (p: { root: string }) =>
      `No PeerAuthentication without selector in ${p.root} sets mtls.mode STRICT or PERMISSIVE for this mesh-wide ISTIO_MUTUAL DestinationRule`,
  },
  namespaceMtlsWithoutPeerAuthentication: {
    code: 'MESH3123',
    level: 'Warning',
    kialiCode: 'KIA0206',
    title: 'Namespace-wide ISTIO_MUTUAL DestinationRule without a matching PeerAuthentication',
    docs: 'The DestinationRule makes clients originate Istio mTLS to every host of a namespace, but neither that namespace nor the root namespace has a PeerAuthentication without selector setting mode STRICT or PERMISSIVE.',
    template: (p: { namespace: string; root: string }) =>
      `Neither namespace ${p.namespace} nor ${p.root} has a PeerAuthentication without selector setting mtls.mode STRICT or PERMISSIVE for this namespace-wide ISTIO_MUTUAL DestinationRule`,
  },
  meshStrictWithoutDestinationRule: {
    code: 'MESH3124',
    level: 'Error',
    kialiCode: 'KIA0401',
    title: 'Mesh-wide STRICT mTLS with auto mTLS off and no mesh-wide ISTIO_MUTUAL DestinationRule',
    docs: 'With `enableAutoMtls: false` clients originate Istio mTLS only where a DestinationRule sets ISTIO_MUTUAL. The mesh-wide PeerAuthentication is STRICT, but no mesh-wide DestinationRule (`*.local`) sets ISTIO_MUTUAL, so clients send plaintext that the servers reject (SEMANTICS R9).',
    template: () =>
      'Mesh-wide STRICT mTLS with auto mTLS disabled needs a mesh-wide DestinationRule with tls.mode ISTIO_MUTUAL; there is none',
  },
  namespaceStrictWithoutDestinationRule: {
    code: 'MESH3125',
    level: 'Error',
    kialiCode: 'KIA0501',
    title: 'Namespace STRICT mTLS with auto mTLS off and no ISTIO_MUTUAL DestinationRule',
    docs: 'With `enableAutoMtls: false` clients originate Istio mTLS only where a DestinationRule sets ISTIO_MUTUAL. The namespace-wide PeerAuthentication is STRICT, but no DestinationRule for the namespace (`*.<ns>.svc.<domain>`) or the mesh sets ISTIO_MUTUAL, so clients send plaintext that the servers reject (SEMANTICS R9).',
    template: (p: { namespace: string; host: string }) =>
      `STRICT mTLS in namespace ${p.namespace} with auto mTLS disabled needs a DestinationRule for ${p.host} or a mesh-wide one with tls.mode ISTIO_MUTUAL; there is none`,
  },
  namespaceDisableVsDestinationRule: {
    code: 'MESH3126',
    level: 'Error',
    kialiCode: 'KIA0505',
    title: 'Namespace disables mTLS but a DestinationRule still originates it',
    docs: 'The namespace-wide PeerAuthentication is DISABLE, so its servers only accept plaintext, but a DestinationRule for the namespace (or, without a namespace-wide DISABLE DestinationRule, a mesh-wide one) makes clients send MUTUAL or ISTIO_MUTUAL: the handshakes fail (SEMANTICS R9). Add a DestinationRule with tls.mode DISABLE for the namespace.',
    template: (p: { namespace: string; destinationRule: string; mode: string }) =>
      `mTLS is disabled in namespace ${p.namespace}, but DestinationRule ${p.destinationRule} makes clients send ${p.mode} to it`,
  },
  meshDisableVsDestinationRule: {
    code: 'MESH3127',
    level: 'Error',
    kialiCode: 'KIA0506',
    title: 'Mesh disables mTLS but a mesh-wide DestinationRule still originates it',
    docs: 'The mesh-wide PeerAuthentication is DISABLE, so servers only accept plaintext, but a mesh-wide DestinationRule makes clients send MUTUAL or ISTIO_MUTUAL: the handshakes fail (SEMANTICS R9).',
    template: (p: { destinationRule: string; mode: string }) =>
      `mTLS is disabled mesh-wide, but mesh-wide DestinationRule ${p.destinationRule} makes clients send ${p.mode}`,
  },
  workloadNotCoveredByAuthorization: {
    code: 'MESH3128',
    level: 'Info',
    kialiCode: 'KIA1301',
    title: 'Workload not covered by any AuthorizationPolicy',
    docs: 'No AuthorizationPolicy of the workload namespace or of the root namespace applies to this mesh workload, so its proxy allows every request it receives (SEMANTICS R10). Add a namespace-wide policy if the workload should be access-controlled.',
    template: (p: { workload: string; root: string }) =>
      `No AuthorizationPolicy in the namespace of ${p.workload} or in ${p.root} applies to it`,
  },
} as const satisfies MessageFamily;
