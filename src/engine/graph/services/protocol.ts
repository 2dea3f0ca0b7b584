import type { PortProtocol, TrafficClass } from '../types/service.js';

const KNOWN: ReadonlySet<string> = new Set([
  'HTTP',
  'HTTP2',
  'GRPC',
  'GRPC-WEB',
  'HTTPS',
  'TLS',
  'TCP',
  'MONGO',
  'MYSQL',
  'REDIS',
  'UDP',
]);

const APP_PROTOCOL_ALIASES: Readonly<Record<string, PortProtocol>> = {
  'kubernetes.io/h2c': 'HTTP2',
  'kubernetes.io/ws': 'HTTP',
  'kubernetes.io/wss': 'HTTPS',
};

function parseName(value: string): PortProtocol | null {
  const upper = value.toUpperCase();
  if (KNOWN.has(upper)) {
    return upper as PortProtocol;
  }
  return null;
}

/**
 * Protocol selection (istio.io "Protocol Selection"; `protocol.Parse`, istio/istio:pkg/config/
 * protocol): `appProtocol`, else the port name prefix before `-`; otherwise sniffed (UNKNOWN).
 */
export function kubePortProtocol(
  name: string | null,
  appProtocol: string | null,
  kubeProtocol: string | null,
): PortProtocol {
  if (kubeProtocol?.toUpperCase() === 'UDP') {
    return 'UDP';
  }
  if (appProtocol !== null) {
    const alias = APP_PROTOCOL_ALIASES[appProtocol.toLowerCase()];
    const parsed = alias ?? parseName(appProtocol);
    if (parsed !== null) {
      return parsed;
    }
  }
  if (name === null) {
    return 'UNKNOWN';
  }
  const dash = name.indexOf('-');
  const prefix = name.toLowerCase() === 'grpc-web' ? name : dash < 0 ? name : name.slice(0, dash);
  return parseName(prefix) ?? 'UNKNOWN';
}

export function declaredProtocol(value: string | null): PortProtocol {
  return value === null ? 'UNKNOWN' : (parseName(value) ?? 'UNKNOWN');
}

export function trafficClassOf(protocol: PortProtocol): TrafficClass {
  return TRAFFIC[protocol];
}

const TRAFFIC: Readonly<Record<PortProtocol, TrafficClass>> = {
  HTTP: 'http',
  HTTP2: 'http',
  GRPC: 'http',
  'GRPC-WEB': 'http',
  HTTPS: 'tls',
  TLS: 'tls',
  TCP: 'tcp',
  MONGO: 'tcp',
  MYSQL: 'tcp',
  REDIS: 'tcp',
  UDP: 'udp',
  UNKNOWN: 'auto',
};
