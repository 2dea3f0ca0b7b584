import type { JsonObject } from '../model/json.js';
import { fieldArray, fieldObject, fieldString } from './json-fields.js';
import type { ClientTlsMode, MtlsMode } from './policy-types.js';
import { isJsonObject } from '../model/json.js';

const CLIENT_MODES: ReadonlySet<string> = new Set(['ISTIO_MUTUAL', 'DISABLE', 'SIMPLE', 'MUTUAL']);

function asClientMode(mode: string | null | undefined): ClientTlsMode | null {
  return mode !== null && mode !== undefined && CLIENT_MODES.has(mode)
    ? (mode as ClientTlsMode)
    : null;
}

/**
 * TLS a sidecar client originates (`buildUpstreamTLSSettings` / `buildAutoMtlsSettings`,
 * istio/istio:pilot/pkg/networking/core/cluster_tls.go):
 * - a DestinationRule `tls` block wins whatever auto mTLS says (a `tls: {}` without mode is the
 *   proto default DISABLE — use {@link drTlsModeForPort} to read it);
 * - otherwise, with auto mTLS on, ISTIO_MUTUAL to endpoints that have a sidecar and plaintext to
 *   the others (endpoint `tlsMode` label);
 * - auto mTLS also sends plaintext when the server's PeerAuthentication is DISABLE: at
 *   namespace/mesh level through `BestEffortInferServiceMTLSMode` (pilot/pkg/model/push_context.go),
 *   at workload/port level through the EDS mTLS checker — istio's reachability test
 *   `beta-mtls-automtls-workload` expects sidecar → DISABLE-workload calls to succeed in plaintext
 *   (istio/istio:tests/integration/security/reachability_test.go). Pass `serverMode` to get this.
 * Plain (non-mesh) clients never apply DestinationRules: they always send plaintext (DISABLE).
 */
export function clientTlsMode(
  drTlsMode: string | null,
  autoMtls: boolean,
  targetInMesh: boolean,
  serverMode?: MtlsMode,
): ClientTlsMode {
  const explicit = asClientMode(drTlsMode);
  if (explicit !== null) {
    return explicit;
  }
  if (!autoMtls || !targetInMesh || serverMode === 'DISABLE') {
    return 'DISABLE';
  }
  return 'ISTIO_MUTUAL';
}

/**
 * Whether the server side admits what the client sends (SEMANTICS §0, R9). Modes per
 * API security/v1beta1/peer_authentication.proto: STRICT = "Connection is an mTLS tunnel",
 * PERMISSIVE = "plaintext or mTLS tunnel", DISABLE = "Connection is not tunneled".
 * - STRICT admits only ISTIO_MUTUAL from a sidecar (a plain client has no mesh certificate).
 * - PERMISSIVE admits everything: the mTLS chain is chosen by ALPN, anything else falls through.
 * - DISABLE admits anything but Istio mTLS: its inbound listener has only the plaintext chain, so
 *   an ISTIO_MUTUAL handshake reaches the application as garbage (istio's analyzer IST0113 treated
 *   "DR ISTIO_MUTUAL vs policy DISABLE" as a conflict for the same reason).
 * - `targetInMesh` false: no sidecar terminates TLS, so ISTIO_MUTUAL fails whatever the policy
 *   (reachability_test.go `automtls-partial-sidecar-dr-mutual`: only the sidecar subset answers).
 */
export function isTlsCompatible(
  client: string,
  server: MtlsMode,
  clientInMesh: boolean,
  targetInMesh = true,
): boolean {
  const sendsIstioMtls = clientInMesh && client === 'ISTIO_MUTUAL';
  if (!targetInMesh) {
    return !sendsIstioMtls;
  }
  switch (server) {
    case 'STRICT':
      return sendsIstioMtls;
    case 'PERMISSIVE':
      return true;
    case 'DISABLE':
      return !sendsIstioMtls;
  }
}

function portLevelTls(
  policy: JsonObject,
  port: number,
): { readonly found: boolean; readonly tls: JsonObject | undefined } {
  for (const item of fieldArray(policy, 'portLevelSettings')) {
    if (isJsonObject(item) && fieldObject(item, 'port')?.['number'] === port) {
      return { found: true, tls: fieldObject(item, 'tls') };
    }
  }
  return { found: false, tls: undefined };
}

/** TLS block of one policy for a port: a matching port-level entry replaces it wholesale. */
function tlsFor(policy: JsonObject, port: number | null): JsonObject | undefined {
  if (port !== null) {
    const level = portLevelTls(policy, port);
    if (level.found) {
      return level.tls;
    }
  }
  return fieldObject(policy, 'tls');
}

/**
 * Effective DestinationRule TLS mode for a port — `MergeTrafficPolicy`
 * (istio/istio:pilot/pkg/networking/core/cluster_builder.go, SEMANTICS R7): the top-level policy,
 * replaced by its matching `portLevelSettings` entry ("port level policies do not inherit"), then
 * the subset policy's `tls` if set, then the subset's matching port-level entry (wholesale again).
 * Returns null when no TLS is configured (auto mTLS decides); a `tls` block without `mode` is the
 * proto default DISABLE.
 */
export function drTlsModeForPort(
  trafficPolicy: JsonObject | null | undefined,
  port: number | null,
  subsetTrafficPolicy?: JsonObject | null,
): ClientTlsMode | null {
  let tls =
    trafficPolicy === null || trafficPolicy === undefined ? undefined : tlsFor(trafficPolicy, port);
  if (subsetTrafficPolicy !== null && subsetTrafficPolicy !== undefined) {
    const subsetTls = fieldObject(subsetTrafficPolicy, 'tls');
    if (subsetTls !== undefined) {
      tls = subsetTls;
    }
    const level = port === null ? undefined : portLevelTls(subsetTrafficPolicy, port);
    if (level?.found === true) {
      tls = level.tls;
    }
  }
  if (tls === undefined) {
    return null;
  }
  return asClientMode(fieldString(tls, 'mode') ?? 'DISABLE');
}
