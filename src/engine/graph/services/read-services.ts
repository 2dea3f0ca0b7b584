import type { JsonObject } from '../../model/json.js';
import type { Resource } from '../../model/resource.js';
import { parseExportTo } from '../hosts/export-to.js';
import { normalizeHost } from '../hosts/host-name.js';
import type { MeshConfigView } from '../mesh-config/mesh-config.js';
import type { ServiceInfo, ServicePort } from '../types/service.js';
import {
  numberAt,
  objectAt,
  objectsAt,
  pathObject,
  stringAt,
  stringMapAt,
  stringsAt,
} from '../util/json.js';
import { isSelectorEmpty } from '../util/labels.js';
import { declaredProtocol, kubePortProtocol, trafficClassOf } from './protocol.js';

function targetPortOf(port: JsonObject): number | string | null {
  const value = port['targetPort'];
  return typeof value === 'number' || typeof value === 'string' ? value : null;
}

function kubePorts(spec: JsonObject | null): ServicePort[] {
  const out: ServicePort[] = [];
  for (const port of objectsAt(spec, 'ports')) {
    const number = numberAt(port, 'port');
    if (number === null) {
      continue;
    }
    const name = stringAt(port, 'name');
    const protocol = kubePortProtocol(
      name,
      stringAt(port, 'appProtocol'),
      stringAt(port, 'protocol'),
    );
    out.push({
      number,
      name,
      protocol,
      traffic: trafficClassOf(protocol),
      targetPort: targetPortOf(port),
    });
  }
  return out;
}

/** Kubernetes Service → one registry entry `<name>.<ns>.svc.<domain>` (P/serviceregistry/kube/conversion.go). */
export function readKubeService(
  resource: Resource,
  mesh: MeshConfigView,
  clusterDomain: string,
): ServiceInfo {
  const { namespace, name } = resource.key;
  const spec = objectAt(resource.body, 'spec');
  const annotation = stringMapAt(objectAt(resource.body, 'metadata'), 'annotations')[
    'networking.istio.io/exportTo'
  ];
  const exportValues = annotation === undefined ? [] : annotation.split(',').map((v) => v.trim());
  const selector = stringMapAt(spec, 'selector');
  const serviceType = stringAt(spec, 'type') ?? 'ClusterIP';
  return {
    uid: `Service:${namespace}/${name}`,
    key: resource.key,
    kind: 'Service',
    namespace,
    name,
    hostname: `${name}.${namespace}.svc.${clusterDomain}`.toLowerCase(),
    ports: kubePorts(spec),
    selector: isSelectorEmpty(selector) || serviceType === 'ExternalName' ? null : selector,
    exportTo: parseExportTo(exportValues, namespace, mesh.defaultServiceExportTo),
    addresses: stringsAt(spec, 'clusterIPs'),
    resolution: null,
    location: null,
    externalEndpoints: serviceType === 'ExternalName' ? [stringAt(spec, 'externalName') ?? ''] : [],
    serviceType,
    isAssumed: false,
  };
}

function entryPorts(spec: JsonObject | null): ServicePort[] {
  const out: ServicePort[] = [];
  for (const port of objectsAt(spec, 'ports')) {
    const number = numberAt(port, 'number');
    if (number !== null) {
      const protocol = declaredProtocol(stringAt(port, 'protocol'));
      const target = numberAt(port, 'targetPort');
      out.push({
        number,
        name: stringAt(port, 'name'),
        protocol,
        traffic: trafficClassOf(protocol),
        targetPort: target,
      });
    }
  }
  return out;
}

/** ServiceEntry → one registry entry per host (hosts are not short-name expanded, R2). */
export function readServiceEntry(resource: Resource, mesh: MeshConfigView): ServiceInfo[] {
  const { namespace, name } = resource.key;
  const spec = objectAt(resource.body, 'spec');
  const selector = stringMapAt(pathObject(spec, 'workloadSelector'), 'labels');
  const location =
    stringAt(spec, 'location') === 'MESH_INTERNAL' ? 'MESH_INTERNAL' : 'MESH_EXTERNAL';
  const ports = entryPorts(spec);
  const exportTo = parseExportTo(
    stringsAt(spec, 'exportTo'),
    namespace,
    mesh.defaultServiceExportTo,
  );
  const endpoints = objectsAt(spec, 'endpoints').map((e) => stringAt(e, 'address') ?? '');
  return [...new Set(stringsAt(spec, 'hosts').map(normalizeHost))].map((hostname) => ({
    uid: `ServiceEntry:${namespace}/${name}:${hostname}`,
    key: resource.key,
    kind: 'ServiceEntry',
    namespace,
    name,
    hostname,
    ports,
    selector: isSelectorEmpty(selector) ? null : selector,
    exportTo,
    addresses: stringsAt(spec, 'addresses'),
    resolution: stringAt(spec, 'resolution') ?? 'NONE',
    location,
    externalEndpoints: endpoints,
    serviceType: null,
    isAssumed: false,
  }));
}

export function readServices(
  resources: readonly Resource[],
  mesh: MeshConfigView,
  clusterDomain: string,
): ServiceInfo[] {
  const out: ServiceInfo[] = [];
  for (const resource of resources) {
    if (resource.key.group === '' && resource.key.kind === 'Service') {
      out.push(readKubeService(resource, mesh, clusterDomain));
    } else if (
      resource.key.group === 'networking.istio.io' &&
      resource.key.kind === 'ServiceEntry'
    ) {
      out.push(...readServiceEntry(resource, mesh));
    }
  }
  return out;
}
