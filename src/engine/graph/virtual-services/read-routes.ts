import type { JsonObject } from '../../model/json.js';
import { resolveGatewayName, resolveShortName } from '../hosts/short-name.js';
import type { RouteDestination, RouteMatch } from '../types/virtual-service.js';
import { numberAt, objectAt, objectsAt, stringAt, stringMapAt, stringsAt } from '../util/json.js';

/** Where short names in a rule are expanded: the namespace of the VS holding it (R2). */
export interface NameScope {
  readonly namespace: string;
  readonly clusterDomain: string;
}

export function readDestination(
  destination: JsonObject | null,
  weight: number | null,
  scope: NameScope,
): RouteDestination | null {
  const host = stringAt(destination, 'host');
  if (host === null) {
    return null;
  }
  return {
    host: resolveShortName(host, scope.namespace, scope.clusterDomain),
    subset: stringAt(destination, 'subset'),
    port: numberAt(objectAt(destination, 'port'), 'number'),
    weight,
  };
}

/** `route[]` (HTTP, TCP and TLS share the shape). */
export function readDestinations(rule: JsonObject, scope: NameScope): RouteDestination[] {
  const out: RouteDestination[] = [];
  for (const entry of objectsAt(rule, 'route')) {
    const destination = readDestination(
      objectAt(entry, 'destination'),
      numberAt(entry, 'weight'),
      scope,
    );
    if (destination !== null) {
      out.push(destination);
    }
  }
  return out;
}

/** `mirror` and `mirrors[].destination` (R2 applies to both). */
export function readMirrors(rule: JsonObject, scope: NameScope): RouteDestination[] {
  const out: RouteDestination[] = [];
  const single = readDestination(objectAt(rule, 'mirror'), null, scope);
  if (single !== null) {
    out.push(single);
  }
  for (const entry of objectsAt(rule, 'mirrors')) {
    const destination = readDestination(objectAt(entry, 'destination'), null, scope);
    if (destination !== null) {
      out.push(destination);
    }
  }
  return out;
}

/** A match; gateway names resolve in `namespace`, the namespace of the VS that holds it (R2). */
export function readMatch(raw: JsonObject, namespace: string): RouteMatch {
  const sourceLabels =
    objectAt(raw, 'sourceLabels') === null ? null : stringMapAt(raw, 'sourceLabels');
  return {
    raw,
    gateways: stringsAt(raw, 'gateways').map((g) => resolveGatewayName(g, namespace)),
    sourceLabels,
    sourceNamespace: stringAt(raw, 'sourceNamespace'),
    port: numberAt(raw, 'port'),
  };
}

export function readMatches(rule: JsonObject, scope: NameScope): RouteMatch[] {
  return objectsAt(rule, 'match').map((m) => readMatch(m, scope.namespace));
}
