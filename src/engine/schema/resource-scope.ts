import { findIstioKind } from './istio-crd-catalog.js';

/**
 * Cluster-scoped kinds by group then kind (core group written as ''): their objects have no
 * namespace, so none is defaulted and any given one is dropped (as the API server ignores it).
 * Everything else is namespaced. Istio kinds take their scope from their CRD.
 */
const CLUSTER_SCOPED: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['', new Set(['ComponentStatus', 'Namespace', 'Node', 'PersistentVolume'])],
  [
    'admissionregistration.k8s.io',
    new Set([
      'MutatingAdmissionPolicy',
      'MutatingAdmissionPolicyBinding',
      'MutatingWebhookConfiguration',
      'ValidatingAdmissionPolicy',
      'ValidatingAdmissionPolicyBinding',
      'ValidatingWebhookConfiguration',
    ]),
  ],
  ['apiextensions.k8s.io', new Set(['CustomResourceDefinition'])],
  ['apiregistration.k8s.io', new Set(['APIService'])],
  ['cert-manager.io', new Set(['ClusterIssuer'])],
  ['certificates.k8s.io', new Set(['CertificateSigningRequest', 'ClusterTrustBundle'])],
  ['certmanager.k8s.io', new Set(['ClusterIssuer'])],
  ['flowcontrol.apiserver.k8s.io', new Set(['FlowSchema', 'PriorityLevelConfiguration'])],
  ['gateway.networking.k8s.io', new Set(['GatewayClass'])],
  ['networking.k8s.io', new Set(['IngressClass', 'IPAddress', 'ServiceCIDR'])],
  ['node.k8s.io', new Set(['RuntimeClass'])],
  ['rbac.authorization.k8s.io', new Set(['ClusterRole', 'ClusterRoleBinding'])],
  ['resource.k8s.io', new Set(['DeviceClass'])],
  ['scheduling.k8s.io', new Set(['PriorityClass'])],
  [
    'storage.k8s.io',
    new Set(['CSIDriver', 'CSINode', 'StorageClass', 'VolumeAttachment', 'VolumeAttributesClass']),
  ],
]);

export function isClusterScoped(group: string, kind: string): boolean {
  const istio = findIstioKind(group, kind);
  if (istio !== undefined) {
    return istio.scope === 'Cluster';
  }
  return CLUSTER_SCOPED.get(group)?.has(kind) === true;
}
