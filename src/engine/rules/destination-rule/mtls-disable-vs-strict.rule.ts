import type { Resource } from '../../model/resource.js';
import type { Rule, RuleContext } from '../rule.js';
import { objectAt, pathObject, stringAt } from '../shared/json.js';
import { fullName, specOf } from '../shared/resource-fields.js';

/** The namespace-wide (no selector) PeerAuthentication of `namespace` that sets a mode. */
function namespacePolicy(
  ctx: RuleContext,
  namespace: string,
): { policy: Resource; mode: string } | null {
  for (const pa of ctx.ofKind('PeerAuthentication')) {
    const mode = stringAt(pathObject(specOf(pa), 'mtls'), 'mode') ?? 'UNSET';
    if (
      pa.key.namespace === namespace &&
      objectAt(specOf(pa), 'selector') === null &&
      mode !== 'UNSET'
    ) {
      return { policy: pa, mode };
    }
  }
  return null;
}

/** The STRICT policy deciding a namespace: its own namespace-wide policy, else the mesh's (R9). */
function strictPolicy(ctx: RuleContext, namespace: string, root: string): Resource | undefined {
  const decided = namespacePolicy(ctx, namespace) ?? namespacePolicy(ctx, root);
  return decided?.mode === 'STRICT' ? decided.policy : undefined;
}

/** `*` / `*.local` / `*.<domain>` hosts are mesh-wide; `*.ns.svc.<domain>` and `x.ns.svc...` name a namespace. */
function hostScope(
  host: string,
  domain: string,
  drNamespace: string,
): { mesh: boolean; namespace: string } {
  if (host === '*' || host === '*.local' || host === `*.${domain}`) {
    return { mesh: true, namespace: '' };
  }
  const match = new RegExp(
    `^(?:\\*|[^.]+)\\.([^.]+)\\.svc\\.${domain.replace(/\./g, '\\.')}$`,
  ).exec(host);
  return { mesh: false, namespace: match?.[1] ?? drNamespace };
}

/**
 * A DestinationRule that disables TLS towards workloads a STRICT PeerAuthentication protects
 * — the namespace-wide policy of the namespace wins over the mesh-wide one (R9) —
 * (Kiali `destinationrules.mtls.policymtlsenabled` KIA0207 for a namespace,
 * `destinationrules.mtls.meshpolicymtlsenabled` KIA0208 mesh-wide; SEMANTICS R9).
 */
export const mtlsDisableVsStrictRule: Rule = {
  id: 'destination-rule/mtls-disable-vs-strict',
  description:
    'Flags DestinationRules with tls.mode DISABLE towards namespaces or a mesh that is STRICT.',
  inputs: ['DestinationRule', 'PeerAuthentication'],
  subject: 'DestinationRule',
  messages: ['mtlsDisabledNamespaceStrict', 'mtlsDisabledMeshStrict'],
  check(ctx) {
    const root = ctx.graph.rootNamespace;
    for (const dr of ctx.ofKind('DestinationRule')) {
      if (stringAt(pathObject(specOf(dr), 'trafficPolicy', 'tls'), 'mode') !== 'DISABLE') {
        continue;
      }
      const scope = hostScope(
        stringAt(specOf(dr), 'host') ?? '',
        ctx.graph.clusterDomain,
        dr.key.namespace,
      );
      const meshPolicy = strictPolicy(ctx, root, root);
      const nsPolicy = scope.mesh ? undefined : strictPolicy(ctx, scope.namespace, root);
      const path = 'spec.trafficPolicy.tls.mode';
      if (scope.mesh && meshPolicy !== undefined) {
        ctx.report('mtlsDisabledMeshStrict', dr, path, { policy: fullName(meshPolicy) });
      } else if (nsPolicy !== undefined) {
        ctx.report('mtlsDisabledNamespaceStrict', dr, path, {
          namespace: scope.namespace,
          policy: fullName(nsPolicy),
        });
      }
    }
  },
};
