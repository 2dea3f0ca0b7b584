import { type MessageFamily, quote } from './message-spec.js';

/** 12xx — platform objects (webhooks, namespaces, workloads) that name something missing. */
export const PLATFORM_MESSAGES = {
  webhookServiceNotFound: {
    code: 'MESH1201',
    level: 'Error',
    istioCode: 'IST0139',
    title: 'Injection webhook points at a missing Service',
    docs: 'An Istio sidecar injection webhook calls a control-plane Service that is not in the snapshot, so pods are created without a sidecar (or fail, with failurePolicy Fail).',
    template: (p: { service: string }) =>
      `Injector refers to a control plane service that does not exist: ${p.service}.`,
  },
  externalControlPlaneUrlInvalid: {
    code: 'MESH1202',
    level: 'Warning',
    istioCode: 'IST0163',
    title: 'Webhook URL for an external control plane is unusable',
    docs: 'An Istio webhook has neither a usable `clientConfig.url` nor a `clientConfig.service`, so the remote cluster cannot reach the external istiod.',
    template: (p: { url: string; webhook: string; problem: string }) =>
      `The hostname (${p.url}) that was provided for the webhook (${p.webhook}) to reach the ingress gateway on the external control plane cluster ${p.problem}. Traffic may not flow properly.`,
  },
  externalControlPlaneAddressIsIp: {
    code: 'MESH1203',
    level: 'Info',
    istioCode: 'IST0164',
    title: 'Webhook URL for an external control plane is an IP address',
    docs: 'The external istiod is reached by IP address; certificates and failover work better with a hostname.',
    template: (p: { url: string; webhook: string }) =>
      `The address (${p.url}) that was provided for the webhook (${p.webhook}) to reach the ingress gateway on the external control plane cluster is an IP address. This is not recommended for a production environment.`,
  },
  selectorNoWorkloads: {
    code: 'MESH1204',
    level: 'Warning',
    istioCode: 'IST0127',
    kialiCode: 'KIA0004',
    title: 'Policy selector matches no workload',
    docs: 'The `selector` (or `workloadSelector`) of the object matches no workload of its namespace (of the whole mesh in the root namespace), so it applies to nothing.',
    template: (p: { labels: string }) =>
      `No matching workloads for this resource with the following labels: ${p.labels}`,
  },
  namespaceNotFound: {
    code: 'MESH1205',
    level: 'Error',
    istioCode: 'IST0101',
    kialiCode: 'KIA0101',
    title: 'AuthorizationPolicy source namespace does not exist',
    docs: 'A `from.source.namespaces` / `notNamespaces` entry matches no namespace of the snapshot: the rule can never match requests from it.',
    template: (p: { namespace: string }) => `Referenced namespace not found: ${quote(p.namespace)}`,
  },
  authorizationHostNotFound: {
    code: 'MESH1206',
    level: 'Error',
    kialiCode: 'KIA0104',
    title: 'AuthorizationPolicy host matches no service',
    docs: 'A `to.operation.hosts` entry matches no Service or ServiceEntry host, so the operation never matches.',
    template: (p: { host: string }) =>
      `This host has no matching entry in the service registry: ${quote(p.host)}`,
  },
  principalNotFound: {
    code: 'MESH1207',
    level: 'Error',
    kialiCode: 'KIA0106',
    title: 'AuthorizationPolicy principal names an unknown service account',
    docs: 'A `from.source.principals` entry `<trust domain>/ns/<ns>/sa/<sa>` names a service account that no ServiceAccount object or workload of the snapshot has.',
    template: (p: { principal: string }) =>
      `Service Account not found for this principal: ${quote(p.principal)}`,
  },
  sidecarEgressHostNotFound: {
    code: 'MESH1208',
    level: 'Warning',
    kialiCode: 'KIA1004',
    title: 'Sidecar egress host matches no service',
    docs: 'A Sidecar egress host `ns/host` names a host that no Service or ServiceEntry of that namespace provides, so importing it has no effect.',
    template: (p: { host: string }) =>
      `This host has no matching entry in the service registry: ${quote(p.host)}`,
  },
  namespaceNotInjected: {
    code: 'MESH1209',
    level: 'Info',
    istioCode: 'IST0102',
    title: 'Namespace not labelled for sidecar injection',
    docs: 'The namespace has neither `istio-injection` nor `istio.io/rev`: its pods get no sidecar unless they opt in, and are plain clients of the mesh (SEMANTICS §0).',
    template: (p: { namespace: string }) =>
      `The namespace is not enabled for Istio injection. Run 'kubectl label namespace ${p.namespace} istio-injection=enabled' to enable it, or 'kubectl label namespace ${p.namespace} istio-injection=disabled' to explicitly mark it as not needing injection.`,
  },
  exportToNamespaceNotFound: {
    code: 'MESH1210',
    level: 'Error',
    kialiCode: 'KIA0005',
    title: 'exportTo names a namespace that does not exist',
    docs: 'An `exportTo` entry names a namespace with no Namespace object and no objects in the snapshot.',
    template: (p: { namespace: string }) =>
      `No matching namespace found or namespace is not accessible: ${quote(p.namespace)}`,
  },
  sidecarSelectorNoWorkloads: {
    code: 'MESH1211',
    level: 'Error',
    istioCode: 'IST0101',
    kialiCode: 'KIA0004',
    title: 'Sidecar workloadSelector matches no workload',
    docs: 'No workload of the Sidecar namespace carries the `workloadSelector` labels, so the Sidecar applies to nothing.',
    template: (p: { selector: string }) => `Referenced selector not found: ${quote(p.selector)}`,
  },
  routedSubsetWithoutWorkloads: {
    code: 'MESH1212',
    level: 'Error',
    title: 'Route sends traffic to a subset with no workload',
    docs: 'The DestinationRule that applies to the route (lookup path of SEMANTICS R7) defines the subset, but no endpoint of the destination service carries its labels, so the share of traffic sent there fails with 503.',
    template: (p: { host: string; subset: string; destinationRule: string }) =>
      `Subset ${quote(p.subset)} of ${p.host} (DestinationRule ${p.destinationRule}) selects no workload, but this route sends traffic to it`,
  },
  destinationWithoutEndpoints: {
    code: 'MESH1213',
    level: 'Warning',
    title: 'Route sends traffic to a service with no workload',
    docs: 'The destination Service selects no workload of the snapshot while other workloads of its namespace are present, so requests routed there fail with 503 (no healthy upstream).',
    template: (p: { host: string }) =>
      `The destination ${p.host} receives traffic but its Service selects no workload`,
  },
  sidecarHidesRoutedHost: {
    code: 'MESH1214',
    level: 'Warning',
    title: 'Sidecar egress does not import a host a VirtualService routes to',
    docs: 'The workloads under this Sidecar see the VirtualService but not its destination host, so routed requests have no cluster to go to (SEMANTICS R8): import the destination host too.',
    template: (p: { host: string; virtualService: string }) =>
      `The egress hosts do not import ${p.host}, which VirtualService ${p.virtualService} (imported) routes to`,
  },
  serviceTargetPortNotExposed: {
    code: 'MESH1215',
    level: 'Warning',
    kialiCode: 'KIA0701',
    title: 'No selected workload exposes the Service target port',
    docs: 'The workloads selected by the Service declare container ports, but none is the target port of this Service port, so connections are refused.',
    template: (p: { port: number; targetPort: string }) =>
      `Deployment exposing same port as Service not found: port ${p.port} targets ${p.targetPort}`,
  },
} as const satisfies MessageFamily;
