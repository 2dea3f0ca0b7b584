import type { EndpointCheck } from './endpoint-checks.js';
import type { SimulateAuthorization, SimulateTls } from './simulate-types.js';

export interface AdmissionOutcome {
  readonly outcome: 'route' | 'tls-mismatch' | 'denied';
  readonly tls: SimulateTls | null;
  readonly authorization: SimulateAuthorization | null;
  readonly notes: readonly string[];
}

function shareNote(what: string, failing: readonly EndpointCheck[], all: number, shown: string) {
  return failing.length === all
    ? []
    : [
        `${what} at ${String(failing.length)} of ${String(all)} endpoints (${failing.map((c) => c.endpoint.workload).join(', ')}): requests fail only when sent there; reported: ${shown}`,
      ];
}

/**
 * Which endpoint the top-level `tls` / `authorization` describe when a route delivers to several
 * workloads: every endpoint of every destination with weight > 0 is evaluated (see
 * `destinations[].endpoints`); the first one whose TLS handshake fails is reported (outcome
 * `tls-mismatch`, TLS is negotiated before authorization), else the first one that denies
 * (`denied`), else the first endpoint (`route`). When only some endpoints fail, a note says which.
 */
export function admissionOutcome(checks: readonly EndpointCheck[]): AdmissionOutcome {
  const first = checks[0];
  if (first === undefined) {
    return { outcome: 'route', tls: null, authorization: null, notes: [] };
  }
  const refused = checks.filter((c) => !c.endpoint.tls.compatible);
  const refusedFirst = refused[0];
  if (refusedFirst !== undefined) {
    const shown = refusedFirst.endpoint;
    return {
      outcome: 'tls-mismatch',
      tls: shown.tls,
      authorization: null,
      notes: [
        `${shown.workload} refuses the connection: client sends ${shown.tls.client}, server mode ${shown.tls.server} (R9)`,
        ...shareNote('TLS fails', refused, checks.length, shown.workload),
      ],
    };
  }
  const denied = checks.filter((c) => c.endpoint.authorization?.allowed === false);
  const deniedFirst = denied[0];
  if (deniedFirst !== undefined) {
    const shown = deniedFirst.endpoint;
    return {
      outcome: 'denied',
      tls: shown.tls,
      authorization: shown.authorization,
      notes: [
        `${shown.workload} denies the request (${shown.authorization?.decidedBy ?? 'no policy'}, R10): 403`,
        ...shareNote('authorization denies', denied, checks.length, shown.workload),
      ],
    };
  }
  return {
    outcome: 'route',
    tls: first.endpoint.tls,
    authorization: first.endpoint.authorization,
    notes: [],
  };
}
