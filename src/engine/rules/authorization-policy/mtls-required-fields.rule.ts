import { effectiveMtlsMode } from '../../policy/peer-authentication.js';
import type { Resource } from '../../model/resource.js';
import type { Rule, RuleContext } from '../rule.js';
import { hasKey, objectAt, objectsAt, stringAt, stringsAt } from '../shared/json.js';
import { hasMode, settingsOf, wideDestinationRules } from '../shared/kiali-mtls.js';
import { matchLabelsOf } from '../shared/policy-selectors.js';
import { fieldPath, specOf } from '../shared/resource-fields.js';

const SOURCE_FIELDS = ['principals', 'notPrincipals', 'namespaces', 'notNamespaces'] as const;
/** Condition keys read from the peer certificate (Kiali `conditionNeedsMtls`). */
const MTLS_KEYS: ReadonlySet<string> = new Set([
  'source.principal',
  'source.namespace',
  'connection.sni',
]);

/** Field paths of the policy that only match on mTLS connections (Kiali `needsMtls`). */
function mtlsOnlyPaths(policy: Resource): string[] {
  const paths: string[] = [];
  objectsAt(specOf(policy), 'rules').forEach((rule, i) => {
    objectsAt(rule, 'from').forEach((from, j) => {
      const source = objectAt(from, 'source');
      for (const field of SOURCE_FIELDS) {
        if (stringsAt(source, field).length > 0) {
          paths.push(fieldPath('spec', 'rules', i, 'from', j, 'source', field));
        }
      }
    });
    objectsAt(rule, 'when').forEach((condition, k) => {
      if (MTLS_KEYS.has(stringAt(condition, 'key') ?? '')) {
        paths.push(fieldPath('spec', 'rules', i, 'when', k));
      }
    });
  });
  return paths;
}

/**
 * Why the workloads of `policy` receive plaintext, or null when they receive mTLS: the effective
 * PeerAuthentication mode for the policy's namespace and selector labels (R9) is DISABLE, or
 * PERMISSIVE while clients have no reason to originate mTLS (auto mTLS off and no namespace-wide
 * or mesh-wide ISTIO_MUTUAL DestinationRule).
 */
function plaintextReason(ctx: RuleContext, policy: Resource): string | null {
  const namespace = policy.key.namespace;
  const workload = { namespace, labels: matchLabelsOf(policy) ?? {} };
  const { mode, decidedBy } = effectiveMtlsMode(ctx.graph.peerAuthentication, workload, null);
  const by = decidedBy === null ? 'no PeerAuthentication' : `PeerAuthentication ${decidedBy}`;
  if (mode === 'DISABLE') {
    return `${by} sets mode DISABLE`;
  }
  if (mode !== 'PERMISSIVE' || ctx.graph.meshConfig.enableAutoMtls) {
    return null;
  }
  const rules = wideDestinationRules(ctx);
  const originated =
    hasMode(rules.mesh, ['ISTIO_MUTUAL']) ||
    hasMode(settingsOf(rules, namespace), ['ISTIO_MUTUAL']);
  return originated
    ? null
    : `${by} leaves mode PERMISSIVE, auto mTLS is disabled and no namespace-wide or mesh-wide DestinationRule sets ISTIO_MUTUAL`;
}

/**
 * Principals, namespaces and the `source.principal` / `source.namespace` / `connection.sni`
 * conditions only match mTLS requests (SEMANTICS R10, `PolicySource.principal`); when the workloads
 * of the policy get plaintext they never match. Follows
 * kiali/kiali:`business/checkers/authorization/mtls_enabled_checker.go`
 * (`authorizationpolicy.mtls.needstobeenabled`, KIA0105), with the mTLS status taken from the
 * effective PeerAuthentication mode (R9). Policies using `targetRef(s)` attach to waypoints and
 * gateways, not sidecars, and are skipped.
 */
export const authorizationMtlsRequiredFieldsRule: Rule = {
  id: 'authorization-policy/mtls-required-fields',
  description:
    'Flags AuthorizationPolicy principals, namespaces and peer conditions on workloads that receive plaintext.',
  inputs: ['AuthorizationPolicy', 'PeerAuthentication', 'DestinationRule', 'MeshConfig'],
  messages: ['authorizationRequiresMtls'],
  check(ctx) {
    for (const policy of ctx.ofKind('AuthorizationPolicy')) {
      const spec = specOf(policy);
      if (hasKey(spec, 'targetRef') || hasKey(spec, 'targetRefs')) {
        continue;
      }
      const paths = mtlsOnlyPaths(policy);
      const reason = paths.length === 0 ? null : plaintextReason(ctx, policy);
      if (reason === null) {
        continue;
      }
      for (const path of paths) {
        ctx.report('authorizationRequiresMtls', policy, path, { field: path, reason });
      }
    }
  },
};
