import type { Resource } from '../../model/resource.js';
import { numberAt, objectsAt, stringAt } from './json.js';
import { specOf } from './resource-fields.js';

/** One `spec.listeners[]` entry of a Gateway API Gateway. */
export interface GatewayListener {
  readonly index: number;
  readonly name: string;
  /** null when absent: the listener accepts every hostname. */
  readonly hostname: string | null;
  readonly port: number | null;
  readonly protocol: string;
}

export function listenersOf(gateway: Resource): GatewayListener[] {
  return objectsAt(specOf(gateway), 'listeners').map((listener, index) => ({
    index,
    name: stringAt(listener, 'name') ?? '',
    hostname: stringAt(listener, 'hostname'),
    port: numberAt(listener, 'port'),
    protocol: stringAt(listener, 'protocol') ?? '',
  }));
}

/** `hostname:port/PROTOCOL`, `*` standing for an absent hostname. */
export function describeListener(listener: GatewayListener): string {
  const port = listener.port === null ? '?' : String(listener.port);
  return `${listener.hostname ?? '*'}:${port}/${listener.protocol}`;
}

/** The listener's name, or its index when it has none. */
export function listenerLabel(listener: GatewayListener): string {
  return listener.name === '' ? `#${String(listener.index)}` : listener.name;
}
