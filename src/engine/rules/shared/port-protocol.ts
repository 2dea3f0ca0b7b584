/**
 * Protocol names Istio understands (`protocol.Parse`, istio/istio:pkg/config/protocol@86c9f01f),
 * compared case-insensitively.
 */
const KNOWN = new Set([
  'tcp',
  'udp',
  'grpc',
  'grpc-web',
  'http',
  'http_proxy',
  'http2',
  'https',
  'tls',
  'mongo',
  'redis',
  'mysql',
]);

export function isKnownProtocol(name: string): boolean {
  return KNOWN.has(name.toLowerCase());
}

const APP_PROTOCOL_ALIASES: ReadonlySet<string> = new Set([
  'kubernetes.io/h2c',
  'kubernetes.io/ws',
  'kubernetes.io/wss',
]);

/**
 * Whether Istio can tell a Kubernetes Service port's protocol (`kube.ConvertProtocol`,
 * istio/istio:pkg/config/kube/conversion.go@86c9f01f): UDP ports always; else `appProtocol` when
 * set, else the port name up to its first `-` (`grpc-web` whole).
 */
export function isSupportedServicePort(
  name: string,
  kubeProtocol: string | null,
  appProtocol: string | null,
): boolean {
  if (kubeProtocol?.toUpperCase() === 'UDP') {
    return true;
  }
  const value = appProtocol ?? name;
  if (APP_PROTOCOL_ALIASES.has(value.toLowerCase())) {
    return true;
  }
  if (value.toLowerCase().startsWith('grpc-web')) {
    return true;
  }
  const dash = value.indexOf('-');
  return isKnownProtocol(dash < 0 ? value : value.slice(0, dash));
}
