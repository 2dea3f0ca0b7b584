import { MESH_GATEWAY, resolveGatewayName } from '../../../graph/hosts/short-name.js';
import { stringsAt } from '../../shared/json.js';
import type { Resource } from '../../../model/resource.js';
import { fieldPath, specOf } from '../../shared/resource-fields.js';

export interface GatewayRef {
  /** As written in `spec.gateways`. */
  readonly written: string;
  /** `ns/name` (SEMANTICS R2). */
  readonly id: string;
  readonly path: string;
}

/**
 * `kubeconfig.IsInternalGatewayReference`: Istio names the Gateways it generates from Gateway API
 * objects `<name>~<suffix>`; `~` cannot appear in a Kubernetes name.
 */
export function isInternalGatewayName(name: string): boolean {
  return name.includes('~');
}

/** `spec.gateways` entries other than `mesh`. */
export function gatewayRefs(vs: Resource): GatewayRef[] {
  const out: GatewayRef[] = [];
  stringsAt(specOf(vs), 'gateways').forEach((written, i) => {
    if (written !== MESH_GATEWAY) {
      const id = resolveGatewayName(written, vs.key.namespace);
      out.push({ written, id, path: fieldPath('spec', 'gateways', i) });
    }
  });
  return out;
}

export function splitId(id: string): { namespace: string; name: string } {
  const slash = id.indexOf('/');
  return { namespace: id.slice(0, slash), name: id.slice(slash + 1) };
}
