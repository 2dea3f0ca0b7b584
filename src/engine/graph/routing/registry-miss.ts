import { isExportedTo } from '../hosts/export-to.js';
import type { MeshGraph } from '../types/mesh-graph.js';
import type { ServiceInfo } from '../types/service.js';
import type { SidecarScope } from '../types/sidecar.js';

/**
 * Why a sidecar has no registry entry for `host:port`, as a phrase a reviewer can act on (it
 * follows "is not in the client's registry: "): the host is unknown to the mesh, known but not
 * exported to the client's namespace (R3), exported but not imported by the applicable Sidecar's
 * egress hosts (R8), or visible without that port. `visible` is the entry the sidecar resolved the
 * host to (SidecarView.resolveService), if any.
 */
export function registryMiss(
  graph: MeshGraph,
  scope: SidecarScope,
  host: string,
  port: number,
  visible: ServiceInfo | null,
): string {
  if (visible !== null) {
    const ports = visible.ports.map((p) => String(p.number)).join(', ');
    return `its service has no port ${String(port)} (ports ${ports === '' ? 'none' : ports})`;
  }
  const entries = graph.services.byHost.get(host) ?? [];
  if (entries.length === 0) {
    return 'no Service or ServiceEntry defines it';
  }
  if (!entries.some((entry) => isExportedTo(entry.exportTo, scope.namespace))) {
    return `it is not exported to namespace ${scope.namespace} (exportTo, R3)`;
  }
  const sidecar = scope.sidecar === null ? 'the applicable Sidecar' : `Sidecar ${scope.sidecar.id}`;
  return `the egress hosts of ${sidecar} do not import it (R8)`;
}
