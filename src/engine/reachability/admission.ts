import type { MeshGraph } from '../graph/types/mesh-graph.js';
import type { WorkloadInfo } from '../graph/types/workload.js';
import type { CompiledPolicy } from '../policy/authz-compile.js';
import { applicablePolicies } from '../policy/authz-index.js';
import { canSourceReach } from '../policy/authz-reach.js';
import { clientTlsMode, isTlsCompatible } from '../policy/client-tls.js';
import { effectiveMtlsMode } from '../policy/peer-authentication.js';
import type { MtlsMode } from '../policy/policy-types.js';
import type { TargetHit } from './route-hits.js';

/** What the client side brings: whether it has a proxy (and so DestinationRules/mTLS). */
export interface ClientSide {
  readonly inMesh: boolean;
}

/** TLS outcome of one hit: refused, or admitted with or without a peer identity. */
export type TlsOutcome = 'refused' | 'mtls' | 'plaintext';

/** The AuthorizationPolicies applying to a workload: `key` is `open` when there are none. */
export interface AuthzClass {
  readonly key: string;
  /** Some condition reads the principal, service account or trust domain (not only the namespace). */
  readonly principalSensitive: boolean;
}

export const OPEN_CLASS: AuthzClass = { key: 'open', principalSensitive: false };

/** What the server side does with a hit for one kind of client (memoised per hit). */
export interface HitAdmission {
  readonly tls: TlsOutcome;
  readonly authz: AuthzClass;
}

const PRINCIPAL_KINDS: ReadonlySet<string> = new Set([
  'principal',
  'serviceAccount',
  'trustDomain',
]);

function readsPrincipal(policies: readonly CompiledPolicy[]): boolean {
  return policies.some((p) =>
    p.rules.some((r) => [...r.from.flat(), ...r.when].some((c) => PRINCIPAL_KINDS.has(c.kind))),
  );
}

/**
 * Server-side admission (SEMANTICS §0: R9 mTLS compatibility, R10 authorization), memoised per
 * workload/port, per hit, and per (policy set, identity, protocol, port) so grouped sources share work.
 */
export class Admission {
  private readonly serverModes = new Map<string, MtlsMode>();
  private readonly classes = new Map<string, AuthzClass>();
  private readonly decisions = new Map<string, boolean>();
  private readonly admitted = [
    new WeakMap<TargetHit, HitAdmission>(),
    new WeakMap<TargetHit, HitAdmission>(),
  ];

  constructor(private readonly graph: MeshGraph) {}

  serverMode(workload: WorkloadInfo, port: number): MtlsMode {
    const key = `${workload.id}|${String(port)}`;
    let mode = this.serverModes.get(key);
    if (mode === undefined) {
      mode = effectiveMtlsMode(this.graph.peerAuthentication, workload, port).mode;
      this.serverModes.set(key, mode);
    }
    return mode;
  }

  /** R9 + auto mTLS: what the client sends and whether the workload's sidecar accepts it. */
  tls(hit: TargetHit, client: ClientSide): TlsOutcome {
    const target = hit.workload;
    if (target.isGatewayProxy) {
      return 'plaintext';
    }
    const server: MtlsMode = target.inMesh
      ? this.serverMode(target, hit.workloadPort)
      : 'PERMISSIVE';
    if (!client.inMesh || hit.forcePlaintext) {
      return isTlsCompatible('DISABLE', server, false, target.inMesh) ? 'plaintext' : 'refused';
    }
    const mode = clientTlsMode(
      hit.drTlsMode,
      this.graph.meshConfig.enableAutoMtls,
      target.inMesh,
      server,
    );
    if (!isTlsCompatible(mode, server, true, target.inMesh)) {
      return 'refused';
    }
    return mode === 'ISTIO_MUTUAL' ? 'mtls' : 'plaintext';
  }

  authzClass(workload: WorkloadInfo): AuthzClass {
    let found = this.classes.get(workload.id);
    if (found === undefined) {
      found = OPEN_CLASS;
      if (workload.inMesh && !workload.isGatewayProxy) {
        const applicable = applicablePolicies(this.graph.authorization, workload);
        const policies = [...applicable.custom, ...applicable.deny, ...applicable.allow];
        if (policies.length > 0) {
          found = {
            key: policies.map((p) => p.id).join(','),
            principalSensitive: readsPrincipal(policies),
          };
        }
      }
      this.classes.set(workload.id, found);
    }
    return found;
  }

  admit(hit: TargetHit, client: ClientSide): HitAdmission {
    const memo = this.admitted[client.inMesh ? 1 : 0];
    let found = memo?.get(hit);
    if (found === undefined) {
      found = { tls: this.tls(hit, client), authz: this.authzClass(hit.workload) };
      memo?.set(hit, found);
    }
    return found;
  }

  /** R10 — "is some request from this source allowed" (`canSourceReach`), memoised per class. */
  allows(
    hit: TargetHit,
    authz: AuthzClass,
    source: { readonly namespace: string | null; readonly principal: string | null },
  ): boolean {
    if (authz === OPEN_CLASS) {
      return true;
    }
    const who = authz.principalSensitive ? (source.principal ?? '') : (source.namespace ?? '');
    const key = `${authz.key}|${who}|${String(source.principal !== null)}|${hit.protocol}|${String(hit.workloadPort)}`;
    let allowed = this.decisions.get(key);
    if (allowed === undefined) {
      allowed = canSourceReach(
        this.graph.authorization,
        hit.workload,
        source,
        hit.protocol,
        hit.workloadPort,
      ).allowed;
      this.decisions.set(key, allowed);
    }
    return allowed;
  }
}
