import { parseExportTo } from '../hosts/export-to.js';
import type { ServiceInfo } from '../types/service.js';
import type { WorkloadInfo } from '../types/workload.js';
import { spiffeIdentity } from './classify-workloads.js';

export const DEFAULT_INGRESS_NOTE =
  'no workload carries istio=ingressgateway: assumed Istio default ingress gateway istio-system/istio-ingressgateway (ports 80/443), as istioctl analyze does';

const NAME = 'istio-ingressgateway';
const LABELS = { app: NAME, istio: 'ingressgateway' } as const;

/**
 * SEMANTICS §0 "Gateway proxies" / §2: like `istioctl analyze --use-kube=false`, model Istio's
 * default ingress gateway Pod and Service when the snapshot has none. Marked `isAssumed`.
 */
export function assumedIngressGateway(
  namespace: string,
  trustDomain: string,
  clusterDomain: string,
): { workload: WorkloadInfo; service: ServiceInfo } {
  const serviceAccount = `${NAME}-service-account`;
  const workload: WorkloadInfo = {
    id: `${namespace}/${NAME}`,
    key: { group: 'apps', kind: 'Deployment', namespace, name: NAME },
    kind: 'Deployment',
    namespace,
    name: NAME,
    labels: LABELS,
    annotations: { 'inject.istio.io/templates': 'gateway' },
    serviceAccount,
    ports: [
      { number: 8080, name: 'http2' },
      { number: 8443, name: 'https' },
    ],
    address: null,
    identity: spiffeIdentity(trustDomain, namespace, serviceAccount),
    inMesh: true,
    inMeshReason: 'gateway proxy',
    inMeshAssumed: false,
    isGatewayProxy: true,
    isAssumed: true,
    notes: [DEFAULT_INGRESS_NOTE],
  };
  const service: ServiceInfo = {
    uid: `Service:${namespace}/${NAME}`,
    key: { group: '', kind: 'Service', namespace, name: NAME },
    kind: 'Service',
    namespace,
    name: NAME,
    hostname: `${NAME}.${namespace}.svc.${clusterDomain}`,
    ports: [
      { number: 80, name: 'http2', protocol: 'HTTP2', traffic: 'http', targetPort: 8080 },
      { number: 443, name: 'https', protocol: 'HTTPS', traffic: 'tls', targetPort: 8443 },
    ],
    selector: LABELS,
    exportTo: parseExportTo([], namespace, ['*']),
    addresses: [],
    resolution: null,
    location: null,
    externalEndpoints: [],
    serviceType: 'LoadBalancer',
    isAssumed: true,
  };
  return { workload, service };
}
