import { type MessageFamily, quote } from './message-spec.js';

/** 22xx — objects whose settings do not do what they say (ports, filters, entries, telemetry). */
export const CONFIG_MESSAGES = {
  portNameNotConvention: {
    code: 'MESH2201',
    level: 'Info',
    istioCode: 'IST0118',
    kialiCode: 'KIA0601',
    title: 'Service port name does not name a protocol',
    docs: 'Istio takes a port protocol from `appProtocol` or from the port name `<protocol>[-<suffix>]`. Otherwise it sniffs the protocol, which adds latency and fails for server-first protocols (SEMANTICS R11).',
    template: (p: { portName: string; port: number; targetPort: string }) =>
      `Port name ${p.portName} (port: ${p.port}, targetPort: ${p.targetPort}) doesn't follow the naming convention of Istio port.`,
  },
  externalNamePortName: {
    code: 'MESH2202',
    level: 'Warning',
    istioCode: 'IST0150',
    title: 'ExternalName Service port named `tcp` or without protocol',
    docs: 'For ExternalName Services the proxy may not forward traffic of ports named `tcp` or of ports whose protocol it cannot tell; name the port after its protocol (for example `https`).',
    template: () =>
      'Port name for ExternalName service is invalid. Proxy may prevent tcp named ports and unmatched traffic for ports serving TCP protocol from being forwarded correctly',
  },
  serviceEntryAddressesRequired: {
    code: 'MESH2203',
    level: 'Warning',
    istioCode: 'IST0134',
    title: 'ServiceEntry TCP port without addresses',
    docs: 'A ServiceEntry port serving TCP (or no declared protocol) needs `addresses` (or DNS auto-allocation in the mesh config): without a virtual IP, the proxy cannot tell its traffic from other TCP traffic on that port.',
    template: () => 'ServiceEntry addresses are required for this protocol.',
  },
  telemetryEmptyProviders: {
    code: 'MESH2204',
    level: 'Warning',
    istioCode: 'IST0157',
    title: 'Telemetry access logging without providers',
    docs: 'An access logging entry names no provider and the mesh config has no default access log provider, so the entry is ignored.',
    template: (p: { name: string; namespace: string }) =>
      `The Telemetry ${p.name} in namespace ${quote(p.namespace)} with empty providers will be ignored.`,
  },
  envoyFilterRelativeOperation: {
    code: 'MESH2205',
    level: 'Warning',
    istioCode: 'IST0151',
    title: 'EnvoyFilter relative patch without priority',
    docs: 'A relative patch (INSERT_BEFORE, INSERT_AFTER, REPLACE, REMOVE) depends on what other EnvoyFilters did first; without `priority` the order is undefined and the patch may not apply. Use INSERT_FIRST/ADD or set a priority.',
    template: () =>
      'This EnvoyFilter does not have a priority and has a relative patch operation set which can cause the EnvoyFilter not to be applied. Using the INSERT_FIRST or ADD option or setting the priority may help in ensuring the EnvoyFilter is applied correctly.',
  },
  envoyFilterReplaceMisused: {
    code: 'MESH2206',
    level: 'Error',
    istioCode: 'IST0152',
    title: 'EnvoyFilter REPLACE on an unsupported object',
    docs: 'REPLACE only works on HTTP filters, network filters and virtual hosts; on other objects the patch is ignored.',
    template: () =>
      'The REPLACE operation is only valid for HTTP_FILTER, NETWORK_FILTER and VIRTUAL_HOST.',
  },
  envoyFilterAddMisused: {
    code: 'MESH2207',
    level: 'Error',
    istioCode: 'IST0153',
    title: 'EnvoyFilter ADD on a route configuration or route',
    docs: 'Envoy ignores ADD when `applyTo` is ROUTE_CONFIGURATION or HTTP_ROUTE.',
    template: () =>
      'The ADD operation will be ignored when applyTo is set to ROUTE_CONFIGURATION, or HTTP_ROUTE.',
  },
  envoyFilterRemoveMisused: {
    code: 'MESH2208',
    level: 'Error',
    istioCode: 'IST0154',
    title: 'EnvoyFilter REMOVE on a route configuration or route',
    docs: 'Envoy ignores REMOVE when `applyTo` is ROUTE_CONFIGURATION or HTTP_ROUTE.',
    template: () =>
      'The REMOVE operation will be ignored when applyTo is set to ROUTE_CONFIGURATION, or HTTP_ROUTE.',
  },
  envoyFilterRelativeWithProxyVersion: {
    code: 'MESH2209',
    level: 'Warning',
    istioCode: 'IST0155',
    title: 'EnvoyFilter relative patch tied to a proxy version',
    docs: 'A relative patch without priority targets a filter that another patch matches by `proxyVersion`; after an upgrade the version changes and the order of application with it.',
    template: () =>
      'This EnvoyFilter does not have a priority and has a relative patch operation and proxyVersion set which can cause the EnvoyFilter not to be applied during an upgrade. Using the INSERT_FIRST or ADD option or setting the priority may help in ensuring the EnvoyFilter is applied correctly.',
  },
  workloadPortProtocolConflict: {
    code: 'MESH2210',
    level: 'Warning',
    istioCode: 'IST0116',
    title: 'Services give one workload port different protocols',
    docs: 'Several Services select the same workload with the same port number but different protocols; the proxy can serve only one protocol per port.',
    template: (p: { workload: string; port: number; services: readonly string[] }) =>
      `This deployment ${p.workload} is associated with multiple services using port ${p.port} but different protocols: [${p.services.join(' ')}]`,
  },
  workloadTargetPortConflict: {
    code: 'MESH2211',
    level: 'Warning',
    istioCode: 'IST0137',
    title: 'Services map one target port from different ports',
    docs: 'Two Services selecting the same workload forward different service ports to the same target port; Istio requires them to use the same port.',
    template: (p: {
      workload: string;
      services: readonly string[];
      targetPort: string;
      ports: readonly number[];
    }) =>
      `This deployment ${p.workload} is associated with multiple services [${p.services.join(' ')}] using targetPort ${JSON.stringify(p.targetPort)} but different ports: [${p.ports.join(' ')}].`,
  },
  rootSidecarWithSelector: {
    code: 'MESH2212',
    level: 'Warning',
    kialiCode: 'KIA1006',
    title: 'Mesh-wide Sidecar with a workloadSelector',
    docs: 'A Sidecar in the root namespace only acts as the mesh default when it has no workloadSelector; with one it applies to nothing outside the root namespace (SEMANTICS R8).',
    template: () => 'Global default sidecar should not have workloadSelector',
  },
  subsetWithoutLabels: {
    code: 'MESH2213',
    level: 'Warning',
    kialiCode: 'KIA0209',
    title: 'DestinationRule subset without labels',
    docs: 'A subset without labels selects every endpoint of the host, which is rarely what a named version subset means.',
    template: (p: { subset: string }) => `This subset has not labels: ${p.subset}`,
  },
  singleDestinationWeight: {
    code: 'MESH2214',
    level: 'Warning',
    kialiCode: 'KIA1104',
    title: 'Weight on the only destination of a route',
    docs: 'A route with one destination sends it all traffic whatever its weight (SEMANTICS R11); the weight is misleading.',
    template: (p: { weight: number }) =>
      `The weight is assumed to be 100 because there is only one route destination (written: ${p.weight})`,
  },
  invalidRegex: {
    code: 'MESH2215',
    level: 'Warning',
    istioCode: 'IST0122',
    title: 'Invalid regular expression in a match',
    docs: 'Envoy compiles match regexes with RE2; an invalid one is rejected and the route is not programmed.',
    template: (p: { where: string; regex: string }) =>
      `Field ${JSON.stringify(p.where)} regular expression invalid: ${JSON.stringify(p.regex)}`,
  },
  invalidAppProtocol: {
    code: 'MESH2216',
    level: 'Error',
    kialiCode: 'KIA0602',
    title: 'Service port appProtocol is not a protocol Istio knows',
    docs: '`appProtocol` takes precedence over the port name; an unknown value makes Istio treat the port as unsupported (sniffed or plain TCP).',
    template: (p: { appProtocol: string }) =>
      `Port appProtocol must follow <protocol> form: ${JSON.stringify(p.appProtocol)}`,
  },
  invalidHttpMethod: {
    code: 'MESH2217',
    level: 'Warning',
    kialiCode: 'KIA0102',
    title: 'AuthorizationPolicy method is not an HTTP method or gRPC name',
    docs: '`to.operation.methods` must be HTTP methods or fully-qualified gRPC names (`/package.Service/Method`); other values never match.',
    template: (p: { method: string }) =>
      `Only HTTP methods and fully-qualified gRPC names are allowed: ${JSON.stringify(p.method)}`,
  },
  namespaceMultipleInjectionLabels: {
    code: 'MESH2218',
    level: 'Warning',
    istioCode: 'IST0123',
    title: 'Namespace with both injection labels',
    docs: 'The namespace carries both `istio-injection` and `istio.io/rev`; `istio-injection` wins and the revision label is misleading.',
    template: (p: { labels: readonly string[] }) =>
      `The namespace has more than one type of injection labels [${p.labels.join(' ')}], which may lead to undefined behavior. Make sure only one injection label exists.`,
  },
} as const satisfies MessageFamily;
