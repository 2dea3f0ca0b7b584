import {
  CelScalar,
  celEnv,
  celFunc,
  celMethod,
  mapType,
  type CelEnv,
  type CelFunc,
} from '@bufbuild/cel';
import { strings } from '@bufbuild/cel/ext';
import { parseRequestUri, type GoUrl } from './go-url.js';

/**
 * The slice of the Kubernetes CEL environment (k8s.io/apiserver/pkg/cel/library) that Istio's
 * CRD rules use, on top of @bufbuild/cel's standard library:
 * - the strings extension (`substring`, ... — Kubernetes enables ext.Strings);
 * - the URL library: `url(string)`, `isURL(string)` and the `getScheme()`-style accessors;
 * - `int(string)` failing with cel-go's wording ("type conversion error from 'string' to 'int'"),
 *   which Istio's own tests expect in messages (PeerAuthentication portLevelMtls keys).
 * Rules in the CRD file that need anything else fail to compile and are skipped (see
 * compile-rule.ts); the compile test lists them.
 */

const STRING = CelScalar.STRING;
/**
 * A parsed URL is carried as a string-keyed map: @bufbuild/cel object types must be protobuf
 * messages, and the rules only ever call the accessors on it.
 */
const URL_VALUE = mapType(STRING, STRING);

function toUrl(raw: string): GoUrl {
  const parsed = parseRequestUri(raw);
  if (!parsed.ok) {
    throw new Error(
      `URL parse error during conversion from string: parse "${raw}": ${parsed.error}`,
    );
  }
  return parsed.url;
}

function urlMap(url: GoUrl): Map<string, string> {
  const bracketed = url.host.startsWith('[');
  const portAt = url.host.lastIndexOf(':');
  const hasPort = portAt >= 0 && portAt > url.host.lastIndexOf(']');
  const hostname = hasPort ? url.host.slice(0, portAt) : url.host;
  return new Map([
    ['scheme', url.scheme],
    ['host', url.host],
    ['hostname', bracketed ? hostname.slice(1, -1) : hostname],
    ['port', hasPort ? url.host.slice(portAt + 1) : ''],
    ['path', url.path],
    ['query', url.query],
  ]);
}

function urlPart(part: string) {
  return function (this: ReadonlyMap<unknown, unknown>): string {
    const value = this.get(part);
    return typeof value === 'string' ? value : '';
  };
}

const GO_INT = /^[+-]?\d+$/;

const KUBERNETES_FUNCS: CelFunc[] = [
  celFunc('int', [STRING], CelScalar.INT, (text) => {
    if (!GO_INT.test(text)) {
      throw new Error("type conversion error from 'string' to 'int'");
    }
    return BigInt(text);
  }),
  celFunc('url', [STRING], URL_VALUE, (raw) => urlMap(toUrl(raw))),
  celFunc('isURL', [STRING], CelScalar.BOOL, (raw) => parseRequestUri(raw).ok),
  celMethod('getScheme', URL_VALUE, [], STRING, urlPart('scheme')),
  celMethod('getHost', URL_VALUE, [], STRING, urlPart('host')),
  celMethod('getHostname', URL_VALUE, [], STRING, urlPart('hostname')),
  celMethod('getPort', URL_VALUE, [], STRING, urlPart('port')),
  celMethod('getEscapedPath', URL_VALUE, [], STRING, urlPart('path')),
];

/** The shared environment every CRD rule is planned in (planning caches per environment). */
export const KUBERNETES_CEL_ENV: CelEnv = celEnv({ funcs: [...strings, ...KUBERNETES_FUNCS] });
