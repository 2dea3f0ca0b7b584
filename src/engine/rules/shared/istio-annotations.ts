/**
 * Istio resource annotations: where Istio reads each one and whether it is deprecated. A typed
 * subset of istio/api:annotation/annotations.yaml (`annotation.AllResourceAnnotations()`),
 * as `istioctl analyze`'s annotation analyzer uses it (istio/istio:pkg/config/analysis/analyzers/
 * annotations/annotations.go). Hidden and internal annotations are listed too, since Istio knows
 * them. `Any` means every kind. When the resource types of an annotation were uncertain across
 * Istio releases it is listed as `Any`, so it is never reported as misplaced.
 */
export interface IstioAnnotation {
  readonly resources: readonly string[];
  /** Set when deprecated: the replacement to suggest ('' for none). */
  readonly deprecatedFor?: string;
}

const ANY = ['Any'] as const;
const POD = ['Pod'] as const;
const SERVICE = ['Service'] as const;
const WORKLOAD_ENTRY = ['WorkloadEntry'] as const;
const SERVICE_ENTRY = ['ServiceEntry'] as const;
const GONE = { resources: POD, deprecatedFor: '' } as const;

const TABLE: Readonly<Record<string, IstioAnnotation>> = {
  'alpha.istio.io/canonical-serviceaccounts': { resources: SERVICE, deprecatedFor: '' },
  'alpha.istio.io/identity': GONE,
  'alpha.istio.io/kubernetes-serviceaccounts': { resources: SERVICE, deprecatedFor: '' },
  'ambient.istio.io/bypass-inbound-capture': { resources: POD },
  'ambient.istio.io/dns-capture': { resources: POD },
  'ambient.istio.io/redirection': { resources: POD },
  'ambient.istio.io/waypoint-inbound-binding': { resources: ANY },
  'galley.istio.io/analyze-suppress': { resources: ANY },
  'gateway.istio.io/controller-version': { resources: ANY },
  'gateway.istio.io/name-override': { resources: ANY },
  'gateway.istio.io/service-account': { resources: ANY },
  'gateway.istio.io/tls-cipher-suites': { resources: ANY },
  'inject.istio.io/templates': { resources: POD },
  'install.operator.istio.io/chart-owner': { resources: ANY },
  'install.operator.istio.io/owner-generation': { resources: ANY },
  'install.operator.istio.io/version': { resources: ANY },
  'istio.io/autoRegistrationGroup': { resources: WORKLOAD_ENTRY },
  'istio.io/connectedAt': { resources: WORKLOAD_ENTRY },
  'istio.io/disconnectedAt': { resources: WORKLOAD_ENTRY },
  'istio.io/dry-run': { resources: ['AuthorizationPolicy'] },
  'istio.io/reroute-virtual-interfaces': { resources: POD },
  'istio.io/rev': { resources: POD },
  'istio.io/workloadController': { resources: WORKLOAD_ENTRY },
  'kubernetes.io/ingress.class': { resources: ['Ingress'] },
  'networking.alpha.istio.io/endpointsVersion': { resources: SERVICE_ENTRY },
  'networking.alpha.istio.io/notReadyEndpoints': { resources: SERVICE_ENTRY },
  'networking.alpha.istio.io/serviceVersion': { resources: SERVICE_ENTRY },
  'networking.istio.io/address-type': { resources: ANY },
  'networking.istio.io/exportTo': { resources: SERVICE },
  'networking.istio.io/service-type': { resources: ANY },
  'networking.istio.io/traffic-distribution': { resources: ['Service', 'ServiceEntry'] },
  'prometheus.istio.io/merge-metrics': { resources: POD },
  'proxy.istio.io/config': { resources: POD },
  'proxy.istio.io/overrides': { resources: POD },
  'readiness.status.sidecar.istio.io/applicationPorts': { resources: POD },
  'readiness.status.sidecar.istio.io/failureThreshold': { resources: POD },
  'readiness.status.sidecar.istio.io/initialDelaySeconds': { resources: POD },
  'readiness.status.sidecar.istio.io/periodSeconds': { resources: POD },
  'sidecar.istio.io/agentLogLevel': { resources: POD },
  'sidecar.istio.io/bootstrapOverride': { resources: POD },
  'sidecar.istio.io/componentLogLevel': { resources: POD },
  'sidecar.istio.io/controlPlaneAuthPolicy': GONE,
  'sidecar.istio.io/discoveryAddress': GONE,
  'sidecar.istio.io/enableCoreDump': { resources: POD },
  'sidecar.istio.io/extraStatTags': { resources: POD },
  'sidecar.istio.io/inject': { resources: POD, deprecatedFor: 'the sidecar.istio.io/inject label' },
  'sidecar.istio.io/interceptionMode': { resources: POD },
  'sidecar.istio.io/logLevel': { resources: POD },
  'sidecar.istio.io/nativeSidecar': { resources: POD },
  'sidecar.istio.io/proxyCPU': { resources: POD },
  'sidecar.istio.io/proxyCPULimit': { resources: POD },
  'sidecar.istio.io/proxyImage': { resources: POD },
  'sidecar.istio.io/proxyImageType': { resources: POD },
  'sidecar.istio.io/proxyMemory': { resources: POD },
  'sidecar.istio.io/proxyMemoryLimit': { resources: POD },
  'sidecar.istio.io/rewriteAppHTTPProbers': { resources: POD },
  'sidecar.istio.io/statsCompression': { resources: POD },
  'sidecar.istio.io/statsEvictionInterval': { resources: POD },
  'sidecar.istio.io/statsFlushInterval': { resources: POD },
  'sidecar.istio.io/statsHistogramBuckets': { resources: POD },
  'sidecar.istio.io/statsInclusionPrefixes': GONE,
  'sidecar.istio.io/statsInclusionRegexps': GONE,
  'sidecar.istio.io/statsInclusionSuffixes': GONE,
  'sidecar.istio.io/status': { resources: POD },
  'sidecar.istio.io/userVolume': { resources: POD },
  'sidecar.istio.io/userVolumeMount': { resources: POD },
  'status.sidecar.istio.io/port': { resources: POD },
  'topology.istio.io/controlPlaneClusters': { resources: ANY },
  'traffic.istio.io/nodeSelector': { resources: SERVICE },
  'traffic.sidecar.istio.io/excludeInboundPorts': { resources: POD },
  'traffic.sidecar.istio.io/excludeInterfaces': { resources: POD },
  'traffic.sidecar.istio.io/excludeOutboundIPRanges': { resources: POD },
  'traffic.sidecar.istio.io/excludeOutboundPorts': { resources: POD },
  'traffic.sidecar.istio.io/includeInboundPorts': { resources: POD },
  'traffic.sidecar.istio.io/includeOutboundIPRanges': { resources: POD },
  'traffic.sidecar.istio.io/includeOutboundPorts': { resources: POD },
  'traffic.sidecar.istio.io/kubevirtInterfaces': {
    resources: POD,
    deprecatedFor: 'istio.io/reroute-virtual-interfaces',
  },
};

/** `istioAnnotation`: the key's domain ends in `istio.io`, or it is the documented ingress class. */
export function isIstioAnnotation(key: string): boolean {
  if (key === 'kubernetes.io/ingress.class') {
    return true;
  }
  const slash = key.indexOf('/');
  return (slash < 0 ? key : key.slice(0, slash)).endsWith('istio.io');
}

/** The definition of an Istio annotation, or null when Istio does not define it. */
export function lookupIstioAnnotation(key: string): IstioAnnotation | null {
  return Object.hasOwn(TABLE, key) ? (TABLE[key] ?? null) : null;
}
