import { type MessageFamily, quote } from './message-spec.js';

/**
 * More `istioctl analyze` checks (issue 5): pods and injection (12xx), ServiceEntry protocol
 * conflicts (21xx), Istio annotations and ineffective settings (22xx), JWKS fetching (3xxx) and
 * deprecated annotations (4xxx). Istio codes from istio/istio:pkg/config/analysis/msg/messages.yaml.
 */
export const ISTIO_MORE_MESSAGES = {
  podMissingProxy: {
    code: 'MESH1216',
    level: 'Warning',
    istioCode: 'IST0103',
    title: 'Pod in an injected namespace runs without the Istio proxy',
    docs: 'The pod was admitted (it comes from a cluster: it is scheduled or has a uid) in a namespace labelled for injection, without opting out, yet has no `istio-proxy` container: it was created before injection was enabled, or the webhook missed it. Restart the workload.',
    template: (p: { pod: string }) =>
      `Pod ${p.pod} has no istio-proxy container although its namespace is labelled for injection; restart or redeploy it.`,
  },
  imageAutoNotInjected: {
    code: 'MESH1217',
    level: 'Warning',
    istioCode: 'IST0146',
    title: 'Workload with `image: auto` that no injection webhook selects',
    docs: 'An `istio-proxy` container with `image: auto` is a placeholder the injection webhook fills in (gateway injection). No Istio injection webhook selects this pod template (namespace and object selectors), so the pods start with the literal image `auto` and fail to pull it.',
    template: (p: { kind: string; name: string }) =>
      `${p.kind} ${p.name} uses the placeholder image "auto" for istio-proxy, but no Istio injection webhook selects its pods.`,
  },
  imageAutoPod: {
    code: 'MESH1218',
    level: 'Error',
    istioCode: 'IST0147',
    title: 'Pod still carries the `image: auto` placeholder',
    docs: 'A Pod object whose `istio-proxy` container has `image: auto` was not rewritten by the injection webhook; its proxy cannot start.',
    template: (p: { kind: string; name: string }) =>
      `${p.kind} ${p.name} has an istio-proxy container with the unresolved placeholder image "auto".`,
  },
  jwtClaimRouteWithoutRequestAuthentication: {
    code: 'MESH1219',
    level: 'Error',
    istioCode: 'IST0149',
    title: 'Route on JWT claims without a RequestAuthentication on the gateway',
    docs: 'Matching on `@request.auth.claims.*` headers needs a RequestAuthentication that validates the token on the gateway workload (its namespace or the root namespace); without one the claims are never set and the route never matches.',
    template: (p: { key: string; gateway: string; workload: string }) =>
      `Route matches JWT claim ${quote(p.key)} on gateway ${p.gateway}, but no RequestAuthentication applies to its workload ${p.workload}.`,
  },
  namespaceInjectedByDefault: {
    code: 'MESH1220',
    level: 'Info',
    istioCode: 'IST0148',
    title: 'Namespace injected because the injector enables namespaces by default',
    docs: 'The namespace has neither `istio-injection` nor `istio.io/rev`, but its injector ConfigMap (`istio-sidecar-injector[-<revision>]`) sets `sidecarInjectorWebhook.enableNamespacesByDefault`: its pods get a sidecar unless they opt out. Label the namespace to make the choice explicit.',
    template: (p: { namespace: string }) =>
      `Namespace ${p.namespace} gets sidecars: the injector enables namespaces by default (enableNamespacesByDefault: true) and the namespace has no injection label.`,
  },
  misplacedAnnotation: {
    code: 'MESH2219',
    level: 'Warning',
    istioCode: 'IST0107',
    title: 'Istio annotation on a kind it does not apply to',
    docs: 'Istio reads this annotation only on other kinds of objects (for example sidecar annotations belong on the pod template, not on the Deployment), so it has no effect here.',
    template: (p: { annotation: string; kinds: readonly string[] }) =>
      `Annotation ${p.annotation} has no effect here; Istio reads it only on ${p.kinds.join(', ')}.`,
  },
  unknownAnnotation: {
    code: 'MESH2220',
    level: 'Warning',
    istioCode: 'IST0108',
    title: 'Unknown Istio annotation',
    docs: 'The annotation is in an Istio domain (`*istio.io/`) but Istio defines no annotation of that name (often a typo), so it is ignored.',
    template: (p: { annotation: string }) =>
      `Annotation ${p.annotation} is in an Istio domain but Istio does not know it.`,
  },
  invalidAnnotation: {
    code: 'MESH2221',
    level: 'Warning',
    istioCode: 'IST0125',
    title: 'Istio annotation with an invalid value',
    docs: 'The sidecar injector validates this annotation and rejects the value (bad port, CIDR, number, boolean or mode), so injection fails or the setting is ignored.',
    template: (p: { annotation: string; problem: string }) =>
      `Annotation ${p.annotation} has an invalid value: ${p.problem}`,
  },
  ingressSubsetRoutingIgnored: {
    code: 'MESH2222',
    level: 'Warning',
    istioCode: 'IST0140',
    title: 'Gateway route bypasses the subsets another VirtualService routes to',
    docs: 'Another VirtualService splits traffic for this host into subsets, but its rules do not apply to requests a gateway forwards: this gateway route sends to the host without a subset, so ingress traffic ignores the subset routing.',
    template: (p: { virtualService: string; routing: string }) =>
      `Subset routing of VirtualService ${p.virtualService} does not apply to gateway requests routed by ${p.routing}.`,
  },
  ineffectiveSelectorOnKubernetesGateway: {
    code: 'MESH2223',
    level: 'Warning',
    istioCode: 'IST0166',
    title: 'Policy selects a Kubernetes Gateway by labels',
    docs: 'A policy `selector` that matches the pods of a Kubernetes Gateway (gateway.networking.k8s.io) is not honoured for it; attach the policy with `targetRefs` naming the Gateway instead.',
    template: (p: { gateway: string }) =>
      `The selector matches Kubernetes Gateway ${p.gateway}, where selectors have no effect; use targetRefs.`,
  },
  ineffectiveSidecarInAmbient: {
    code: 'MESH2224',
    level: 'Warning',
    istioCode: 'IST0167',
    title: 'Sidecar resource for workloads in ambient mode',
    docs: 'Workloads in ambient mode have no sidecar proxy, so a Sidecar resource that applies to them (a namespace in ambient mode, or pods enrolled in ambient) changes nothing.',
    template: (p: { reason: string }) => `This Sidecar has no effect: ${p.reason}.`,
  },
  jwksFetchUnrestricted: {
    code: 'MESH3107',
    level: 'Warning',
    istioCode: 'IST0175',
    title: 'istiod fetches JWKS URIs without blocked CIDRs',
    docs: 'RequestAuthentications make istiod fetch `jwksUri` / issuer URLs chosen by namespace owners. Without `BLOCKED_CIDRS_IN_JWKS_URIS` on istiod, those fetches can reach private and loopback addresses (server-side request forgery).',
    template: (p: { count: number; policies: string }) =>
      `istiod has no BLOCKED_CIDRS_IN_JWKS_URIS while ${p.count} RequestAuthentication(s) make it fetch JWKS URIs: ${p.policies}.`,
  },
  deprecatedAnnotation: {
    code: 'MESH4107',
    level: 'Info',
    istioCode: 'IST0135',
    title: 'Deprecated Istio annotation',
    docs: 'Istio still reads this annotation but has deprecated it; it may stop working in a later release.',
    template: (p: { annotation: string; replacement: string }) =>
      `Annotation ${p.annotation} is deprecated${p.replacement === '' ? '' : `; use ${p.replacement}`}.`,
  },
  proxyImageMismatch: {
    code: 'MESH4108',
    level: 'Warning',
    istioCode: 'IST0158',
    title: 'Pods run an older proxy image than the injector injects',
    docs: 'Running pods of this injected namespace have an `istio-proxy` image other than the one its injector ConfigMap (`istio-sidecar-injector[-<revision>]`) injects now, typically after a control-plane upgrade. Restart them to pick up the current proxy.',
    template: (p: { pods: readonly string[] }) =>
      `Pods [${p.pods.join(', ')}] run an istio-proxy image other than the injector's current one; restart them.`,
  },
} as const satisfies MessageFamily;

/**
 * 21xx conflicts of issue 5, spread in the catalog right after the other 21xx codes so that the
 * family stays in code order (registry meta-test).
 */
export const ISTIO_MORE_CONFLICT_MESSAGES = {
  conflictingServiceEntryProtocol: {
    code: 'MESH2113',
    level: 'Warning',
    istioCode: 'IST0177',
    title: 'ServiceEntries give one host and port different protocols',
    docs: 'Several ServiceEntries visible in the same namespace declare the same host and port number with different protocols; the proxy keeps only one of them, so the others are served with the wrong protocol.',
    template: (p: {
      serviceEntries: readonly string[];
      host: string;
      port: number;
      protocols: readonly string[];
    }) =>
      `ServiceEntries [${p.serviceEntries.join(', ')}] declare ${p.host}:${p.port} with different protocols [${p.protocols.join(', ')}].`,
  },
} as const satisfies MessageFamily;
