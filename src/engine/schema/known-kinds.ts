import { ISTIO_CRDS } from './istio-crd-catalog.js';
import { coreKindNames } from './validate-core-object.js';

/** Kinds meshlens reads besides Istio's CRDs and the core models it validates (graph inputs). */
const OTHER_KINDS = [
  'GRPCRoute',
  'Gateway',
  'GatewayClass',
  'HTTPRoute',
  'ReferenceGrant',
  'TCPRoute',
  'TLSRoute',
  'UDPRoute',
];

let byLowerCase: ReadonlyMap<string, string> | null = null;

function knownKinds(): ReadonlyMap<string, string> {
  byLowerCase ??= new Map(
    [...ISTIO_CRDS.kinds.map((crd) => crd.kind), ...coreKindNames(), ...OTHER_KINDS].map((kind) => [
      kind.toLowerCase(),
      kind,
    ]),
  );
  return byLowerCase;
}

/**
 * A kind as meshlens stores it, from a user's spelling in any case (`virtualservice`, as kubectl
 * accepts): Istio's, the core Kubernetes and the Gateway API kinds it knows. Any other kind (a
 * foreign CRD) is returned as written, so it matches as written. Readers compare kinds exactly,
 * which keeps the (environment, kind, namespace, name) index in use.
 */
export function canonicalKindName(kind: string): string {
  return knownKinds().get(kind.toLowerCase()) ?? kind;
}
