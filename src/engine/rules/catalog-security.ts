import type { MessageFamily } from './message-spec.js';

/** 3xxx — TLS, mTLS and workload identity. */
export const SECURITY_MESSAGES = {
  noServerCertVerification: {
    code: 'MESH3101',
    level: 'Warning',
    istioCode: 'IST0128',
    title: 'TLS origination without server certificate verification',
    docs: 'A DestinationRule originates SIMPLE or MUTUAL TLS but sets no `caCertificates`, so the server certificate presented by the destination is not verified against a CA.',
    template: (p: { destinationRule: string; namespace: string; mode: string; host: string }) =>
      `DestinationRule ${p.destinationRule} in namespace ${p.namespace} has TLS mode set to ${p.mode} but no caCertificates are set to validate server identity for host: ${p.host}`,
  },
  noServerCertVerificationPort: {
    code: 'MESH3102',
    level: 'Warning',
    istioCode: 'IST0129',
    title: 'Port-level TLS origination without server certificate verification',
    docs: 'A port-level traffic policy of a DestinationRule originates SIMPLE or MUTUAL TLS without `caCertificates`, so the server certificate on that port is not verified.',
    template: (p: {
      destinationRule: string;
      namespace: string;
      mode: string;
      host: string;
      port: string;
    }) =>
      `DestinationRule ${p.destinationRule} in namespace ${p.namespace} has TLS mode set to ${p.mode} but no caCertificates are set to validate server identity for host: ${p.host} at port ${p.port}`,
  },
  applicationUid1337: {
    code: 'MESH3103',
    level: 'Warning',
    istioCode: 'IST0144',
    title: 'Application runs as the proxy user (UID 1337)',
    docs: 'UID 1337 is reserved for the Envoy sidecar; traffic from a process running as 1337 is not redirected through the proxy, so it bypasses mTLS and policies.',
    template: () => 'User ID (UID) 1337 is reserved for the sidecar proxy.',
  },
  gatewayDuplicateCertificate: {
    code: 'MESH3104',
    level: 'Warning',
    istioCode: 'IST0138',
    title: 'One certificate in several Gateways on the same workloads',
    docs: 'HTTP/2 clients reuse a connection for every host the certificate covers; when those hosts are split over several Gateways of one proxy, requests may land on the wrong server and get 404.',
    template: (p: { gateways: readonly string[] }) =>
      `Duplicate certificate in multiple gateways [${p.gateways.join(' ')}] may cause 404s if clients re-use HTTP2 connections.`,
  },
  mtlsDisabledNamespaceStrict: {
    code: 'MESH3105',
    level: 'Error',
    kialiCode: 'KIA0207',
    title: 'DestinationRule disables mTLS towards a STRICT namespace',
    docs: 'The DestinationRule sets `tls.mode: DISABLE` for hosts of a namespace whose PeerAuthentication is STRICT: clients send plaintext and the servers reject it (SEMANTICS R9).',
    template: (p: { namespace: string; policy: string }) =>
      `PeerAuthentication with TLS strict mode found, it should be permissive: ${p.policy} makes namespace ${p.namespace} STRICT`,
  },
  mtlsDisabledMeshStrict: {
    code: 'MESH3106',
    level: 'Error',
    kialiCode: 'KIA0208',
    title: 'Mesh-wide DestinationRule disables mTLS while the mesh is STRICT',
    docs: 'A mesh-wide DestinationRule sets `tls.mode: DISABLE` while the mesh-wide PeerAuthentication is STRICT: plaintext requests are rejected everywhere (SEMANTICS R9).',
    template: (p: { policy: string }) =>
      `PeerAuthentication enabling mTLS found, permissive mode needed: ${p.policy} is STRICT mesh-wide`,
  },
} as const satisfies MessageFamily;
