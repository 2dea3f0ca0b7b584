import { numberAt, objectsAt, stringAt } from '../shared/json.js';
import type { JsonObject } from '../../model/json.js';
import type { Resource } from '../../model/resource.js';
import type { Rule } from '../rule.js';
import { isSupportedServicePort } from '../shared/port-protocol.js';
import { fieldPath, labelsOf, specOf } from '../shared/resource-fields.js';

/** `inject.IgnoredNamespaces` (istio/istio:pkg/kube/inject@86c9f01f). */
const SYSTEM_NAMESPACES: ReadonlySet<string> = new Set([
  'kube-system',
  'kube-public',
  'kube-node-lease',
  'local-path-storage',
]);

/** `util.IsIstioControlPlane`. */
function isControlPlane(resource: Resource): boolean {
  const labels = labelsOf(resource);
  return labels['istio'] !== undefined || labels['release'] === 'istio';
}

function targetPortText(port: JsonObject): string {
  const target = port['targetPort'];
  return typeof target === 'string' || typeof target === 'number' ? String(target) : '0';
}

function isSupported(port: JsonObject): boolean {
  return isSupportedServicePort(
    stringAt(port, 'name') ?? '',
    stringAt(port, 'protocol'),
    stringAt(port, 'appProtocol'),
  );
}

/**
 * Service ports Istio cannot tell the protocol of (`PortNameAnalyzer`,
 * istio/istio:pkg/config/analysis/analyzers/service/portname.go@86c9f01f; Kiali
 * `port.name.mismatch`). System namespaces and control-plane Services are skipped; ExternalName
 * Services get IST0150 instead, also for a port named `tcp`.
 */
export const portNameConventionRule: Rule = {
  id: 'service/port-name-convention',
  description: 'Flags Service ports whose name or appProtocol does not tell Istio the protocol.',
  inputs: ['Service'],
  messages: ['portNameNotConvention', 'externalNamePortName'],
  check(ctx) {
    for (const service of ctx.ofKind('Service')) {
      if (SYSTEM_NAMESPACES.has(service.key.namespace) || isControlPlane(service)) {
        continue;
      }
      const spec = specOf(service);
      const isExternalName = stringAt(spec, 'type') === 'ExternalName';
      objectsAt(spec, 'ports').forEach((port, i) => {
        const name = stringAt(port, 'name') ?? '';
        if (isSupported(port) && !(isExternalName && name === 'tcp')) {
          return;
        }
        const path = fieldPath('spec', 'ports', i);
        if (isExternalName) {
          ctx.report('externalNamePortName', service, path, {});
        } else {
          const params = {
            portName: name,
            port: numberAt(port, 'port') ?? 0,
            targetPort: targetPortText(port),
          };
          ctx.report('portNameNotConvention', service, `${path}.name`, params);
        }
      });
    }
  },
};
