import { resolveShortName } from '../../../graph/hosts/short-name.js';
import { numberAt, objectAt, objectsAt, stringAt } from '../../shared/json.js';
import type { JsonObject } from '../../../model/json.js';
import type { Resource } from '../../../model/resource.js';
import { perObjectMemo } from '../../shared/per-object-memo.js';
import { fieldPath, specOf } from '../../shared/resource-fields.js';

/** One `destination` (or mirror) of a VirtualService, where it is written. */
export interface DestinationRef {
  readonly isMirror: boolean;
  /** The host as written. */
  readonly host: string;
  /** Expanded with the VirtualService namespace (SEMANTICS R2). */
  readonly fqdn: string;
  readonly subset: string | null;
  readonly port: number | null;
  /** Path of the `destination` (or `mirror`) object. */
  readonly path: string;
}

function ref(
  destination: JsonObject | null,
  isMirror: boolean,
  path: string,
  namespace: string,
  clusterDomain: string,
): DestinationRef | null {
  const host = stringAt(destination, 'host');
  if (host === null) {
    return null;
  }
  return {
    isMirror,
    host,
    fqdn: resolveShortName(host, namespace, clusterDomain),
    subset: stringAt(destination, 'subset'),
    port: numberAt(objectAt(destination, 'port'), 'number'),
    path,
  };
}

function httpMirrors(
  rule: JsonObject,
  i: number,
  ns: string,
  domain: string,
): (DestinationRef | null)[] {
  const out = [
    ref(objectAt(rule, 'mirror'), true, fieldPath('spec', 'http', i, 'mirror'), ns, domain),
  ];
  objectsAt(rule, 'mirrors').forEach((m, k) => {
    const path = fieldPath('spec', 'http', i, 'mirrors', k, 'destination');
    out.push(ref(objectAt(m, 'destination'), true, path, ns, domain));
  });
  return out;
}

/**
 * Every route destination and mirror of a VirtualService, http then tcp then tls
 * (`getRouteDestinations` / `getHTTPMirrorDestinations`, istio/istio:pkg/config/analysis/
 * analyzers/virtualservice/util.go@86c9f01f). Read once per object and cluster domain.
 */
export const destinationsOf: (vs: Resource, clusterDomain: string) => readonly DestinationRef[] =
  perObjectMemo((vs, clusterDomain) => readDestinations(vs, clusterDomain));

function readDestinations(vs: Resource, clusterDomain: string): DestinationRef[] {
  const spec = specOf(vs);
  const ns = vs.key.namespace;
  const out: (DestinationRef | null)[] = [];
  for (const field of ['http', 'tcp', 'tls'] as const) {
    objectsAt(spec, field).forEach((rule, i) => {
      objectsAt(rule, 'route').forEach((route, j) => {
        const path = fieldPath('spec', field, i, 'route', j, 'destination');
        out.push(ref(objectAt(route, 'destination'), false, path, ns, clusterDomain));
      });
      if (field === 'http') {
        out.push(...httpMirrors(rule, i, ns, clusterDomain));
      }
    });
  }
  return out.filter((d): d is DestinationRef => d !== null);
}
