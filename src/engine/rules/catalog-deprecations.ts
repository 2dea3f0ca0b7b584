import { type MessageFamily, quote } from './message-spec.js';

/** 4xxx — deprecated or removed features the configuration still depends on. */
export const DEPRECATION_MESSAGES = {
  deprecatedFaultDelayPercent: {
    code: 'MESH4101',
    level: 'Warning',
    istioCode: 'IST0002',
    title: 'HTTP fault delay uses the deprecated `percent` field',
    docs: '`fault.delay.percent` (an integer) was replaced by `fault.delay.percentage.value`. Istio still reads it, but it will be removed; set `percentage` instead.',
    template: () =>
      'Deprecated: HTTPRoute.fault.delay.percent is deprecated; use HTTPRoute.fault.delay.percentage',
  },
  deprecatedSidecarEgressProxy: {
    code: 'MESH4102',
    level: 'Warning',
    istioCode: 'IST0002',
    title: 'Sidecar outboundTrafficPolicy.egressProxy is ignored',
    docs: 'The `egressProxy` field of a Sidecar outbound traffic policy is no longer honoured: traffic to unknown destinations is not sent to it. Route egress traffic with a ServiceEntry and an egress gateway instead.',
    template: () => 'Deprecated: OutboundTrafficPolicy.EgressProxy ignored',
  },
  removedIstioKind: {
    code: 'MESH4103',
    level: 'Warning',
    istioCode: 'IST0002',
    title: 'CustomResourceDefinition of a removed Istio kind',
    docs: 'The `rbac.istio.io` kinds (ClusterRbacConfig, RbacConfig, ServiceRole, ServiceRoleBinding) were removed from Istio; objects of these kinds have no effect. Use AuthorizationPolicy.',
    template: (p: { group: string; kind: string }) =>
      `Deprecated: Custom resource type ${p.group} ${p.kind} is removed`,
  },
  lightstepProviderUsed: {
    code: 'MESH4104',
    level: 'Warning',
    istioCode: 'IST0002',
    title: 'Telemetry uses the deprecated Lightstep tracing provider',
    docs: 'The mesh config `lightstep` extension provider is deprecated. Lightstep accepts OpenTelemetry: define an `opentelemetry` extension provider and reference it from the Telemetry tracing section.',
    template: (p: { provider: string }) =>
      `Deprecated: the Lightstep tracing provider ${quote(p.provider)} is deprecated; use an OpenTelemetry provider`,
  },
  gatewayApiCrdTooOld: {
    code: 'MESH4105',
    level: 'Warning',
    istioCode: 'IST0176',
    title: 'Gateway API CRD older than Istio requires',
    docs: 'istiod ignores Gateway API CRDs whose `gateway.networking.k8s.io/bundle-version` is below the minimum it supports, so objects of that kind are never programmed. Upgrade the Gateway API CRDs.',
    template: (p: { crd: string; version: string; minimum: string }) =>
      `The Gateway API CRD ${p.crd} is at bundle version ${p.version}, below the minimum ${p.minimum} this Istio version requires; its objects are ignored.`,
  },
  legacyGatewayName: {
    code: 'MESH4106',
    level: 'Info',
    kialiCode: 'KIA1108',
    title: 'Gateway referenced in the legacy FQDN form',
    docs: 'Gateway references like `name.namespace.svc.cluster.local` still work but are deprecated; write `namespace/name` (SEMANTICS R2).',
    template: (p: { gateway: string; preferred: string }) =>
      `Preferred nomenclature: <gateway namespace>/<gateway name>: use ${JSON.stringify(p.preferred)} instead of ${JSON.stringify(p.gateway)}`,
  },
} as const satisfies MessageFamily;
