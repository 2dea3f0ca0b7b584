import { load } from 'js-yaml';
import { isJsonObject } from '../../model/json.js';

/**
 * Value checks the sidecar injector applies to annotations (`inject.AnnotationValidation`,
 * istio/istio:pkg/kube/inject/validate.go). Each returns the problem, or null when the value is
 * valid. `proxy.istio.io/config` is only checked to be a YAML mapping (Istio also validates the
 * ProxyConfig fields).
 */
type Validate = (value: string) => string | null;

const UINT = /^\d+$/;
const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const HEX_GROUP = /^[0-9a-fA-F]{1,4}$/;
const MODES: ReadonlySet<string> = new Set(['REDIRECT', 'TPROXY', 'NONE']);
const BOOLS: ReadonlySet<string> = new Set(
  ['1', 't', 'T', 'TRUE', 'true', 'True'].concat(['0', 'f', 'F', 'FALSE', 'false', 'False']),
);

function isUint(value: string, max: number): boolean {
  return UINT.test(value) && Number(value) <= max;
}

function ipv6Groups(part: string): number | null {
  if (part === '') {
    return 0;
  }
  const groups = part.split(':');
  const last = groups[groups.length - 1] ?? '';
  const v4 = IPV4.test(last);
  const hex = v4 ? groups.slice(0, -1) : groups;
  return hex.every((g) => HEX_GROUP.test(g)) ? hex.length + (v4 ? 2 : 0) : null;
}

function isIpv6(address: string): boolean {
  const halves = address.split('::');
  if (halves.length > 2) {
    return false;
  }
  const counts = halves.map(ipv6Groups);
  if (counts.some((c) => c === null)) {
    return false;
  }
  const total = counts.reduce<number>((sum, c) => sum + (c ?? 0), 0);
  return halves.length === 2 ? total < 8 : total === 8;
}

/** `netip.ParsePrefix`: an IPv4 or IPv6 address and a prefix length that fits it. */
function isCidr(cidr: string): boolean {
  const slash = cidr.lastIndexOf('/');
  const address = cidr.slice(0, slash);
  const bits = cidr.slice(slash + 1);
  if (slash < 0 || !/^(0|[1-9]\d{0,2})$/.test(bits)) {
    return false;
  }
  if (IPV4.test(address)) {
    return Number(bits) <= 32;
  }
  return isIpv6(address) && Number(bits) <= 128;
}

function cidrList(value: string): string | null {
  const bad = value === '' ? undefined : value.split(',').find((c) => !isCidr(c));
  return bad === undefined ? null : `"${bad}" is not an IP range in CIDR form`;
}

function portList(value: string): string | null {
  const trimmed = value.trim();
  const bad = trimmed === '' ? undefined : trimmed.split(',').find((p) => !isUint(p.trim(), 65535));
  return bad === undefined ? null : `"${bad}" is not a port number`;
}

function port(value: string): string | null {
  return isUint(value.trim(), 65535) ? null : `"${value}" is not a port number`;
}

function uint32(value: string): string | null {
  return isUint(value, 4294967295) ? null : `"${value}" is not a non-negative integer`;
}

function yamlMapping(value: string): string | null {
  try {
    const parsed: unknown = load(value);
    return parsed === undefined || parsed === null || isJsonObject(parsed)
      ? null
      : 'not a ProxyConfig mapping';
  } catch {
    return 'not valid YAML';
  }
}

const VALIDATORS: Readonly<Record<string, Validate>> = {
  'sidecar.istio.io/interceptionMode': (v) =>
    MODES.has(v) ? null : `"${v}" is not one of REDIRECT, TPROXY, NONE`,
  'status.sidecar.istio.io/port': port,
  'readiness.status.sidecar.istio.io/initialDelaySeconds': uint32,
  'readiness.status.sidecar.istio.io/periodSeconds': uint32,
  'readiness.status.sidecar.istio.io/failureThreshold': uint32,
  'traffic.sidecar.istio.io/includeOutboundIPRanges': (v) => (v === '*' ? null : cidrList(v)),
  'traffic.sidecar.istio.io/excludeOutboundIPRanges': cidrList,
  'traffic.sidecar.istio.io/includeInboundPorts': (v) => (v === '*' ? null : portList(v)),
  'traffic.sidecar.istio.io/excludeInboundPorts': portList,
  'traffic.sidecar.istio.io/excludeOutboundPorts': portList,
  'prometheus.istio.io/merge-metrics': (v) => (BOOLS.has(v) ? null : `"${v}" is not a boolean`),
  'proxy.istio.io/config': yamlMapping,
};

/** The problem with an annotation value, or null when it is valid or not validated. */
export function annotationValueProblem(key: string, value: string): string | null {
  const validate = Object.hasOwn(VALIDATORS, key) ? VALIDATORS[key] : undefined;
  return validate === undefined ? null : validate(value);
}
