import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../model/json.js';
import {
  app,
  graphOf,
  istioObject,
  namespace,
  service,
  yamlOf,
} from '../../testing/mesh-builders.js';
import { routesFor } from './routes-for.js';

const client = { kind: 'sidecar', workload: 'web/shop-v1' } as const;
const host = (name: string, ns: string) => `${name}.${ns}.svc.cluster.local`;

/** Why the client's sidecar has no registry entry for the host:port (status passthrough here: ALLOW_ANY). */
function missOf(docs: readonly JsonObject[], target: string, port = 80) {
  const table = routesFor(graphOf(yamlOf(...docs)), client, target, port);
  expect(table.status).toBe('passthrough');
  return table.registryMiss;
}

const mesh = [namespace('web'), namespace('billing'), ...app('web', 'shop')];

// R3 (exportTo) and R8 (Sidecar egress) hide a host for different reasons; a reviewer needs to
// know which object to change (`selectServices`, P/model/sidecar.go; `pickService`).
describe('why a host is not in a sidecar registry', () => {
  it('names an unknown host', () => {
    expect(missOf(mesh, host('ghost', 'billing'))).toBe('no Service or ServiceEntry defines it');
  });

  it('R3 names a service not exported to the client namespace', () => {
    const hidden = service('billing', 'invoices', {
      annotations: { 'networking.istio.io/exportTo': '.' },
    });
    expect(missOf([...mesh, hidden], host('invoices', 'billing'))).toBe(
      'it is not exported to namespace web (exportTo, R3)',
    );
  });

  it('R8 names the Sidecar whose egress hosts do not import an exported service', () => {
    const sidecar = istioObject('Sidecar', 'web', 'local-only', {
      egress: [{ hosts: ['./*'] }],
    });
    expect(
      missOf([...mesh, service('billing', 'invoices'), sidecar], host('invoices', 'billing')),
    ).toBe('the egress hosts of Sidecar web/local-only do not import it (R8)');
  });

  it('R1 names the ports of a visible service that lacks the port', () => {
    expect(
      missOf([...mesh, service('billing', 'invoices')], host('invoices', 'billing'), 9090),
    ).toBe('its service has no port 9090 (ports 80)');
  });
});
