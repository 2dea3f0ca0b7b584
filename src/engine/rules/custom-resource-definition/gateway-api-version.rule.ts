import type { Rule } from '../rule.js';
import { annotationsOf } from '../shared/resource-fields.js';

const BUNDLE_VERSION = 'gateway.networking.k8s.io/bundle-version';

/**
 * Minimum Gateway API bundle versions istiod watches (`MinimumCRDVersions`,
 * istio/istio:pkg/config/schema/gatewayapi@86c9f01f).
 */
const MINIMUM: Readonly<Record<string, readonly [number, number, number]>> = {
  'grpcroutes.gateway.networking.k8s.io': [1, 1, 0],
  'backendtlspolicies.gateway.networking.k8s.io': [1, 4, 0],
  'tlsroutes.gateway.networking.k8s.io': [1, 5, 0],
};

/** `v1.4.1-rc.1` → [1, 4, 1] (pre-release dropped, as the analyzer does); null when not semver. */
function parseVersion(value: string): readonly [number, number, number] | null {
  const match = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:[-+].*)?$/.exec(value.trim());
  if (match === null) {
    return null;
  }
  return [Number(match[1]), Number(match[2] ?? 0), Number(match[3] ?? 0)];
}

function isBelow(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < 3; i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) {
      return x < y;
    }
  }
  return false;
}

/**
 * `CRDVersionAnalyzer` (istio/istio:pkg/config/analysis/analyzers/k8sgateway/crdversion.go@86c9f01f):
 * CRDs below the minimum are filtered out by istiod's CRD watcher.
 */
export const gatewayApiVersionRule: Rule = {
  id: 'custom-resource-definition/gateway-api-version',
  description: 'Flags Gateway API CRDs whose bundle version is below what Istio requires.',
  inputs: ['CustomResourceDefinition'],
  messages: ['gatewayApiCrdTooOld'],
  check(ctx) {
    for (const crd of ctx.ofKind('CustomResourceDefinition')) {
      const minimum = MINIMUM[crd.key.name];
      const raw = annotationsOf(crd)[BUNDLE_VERSION];
      const version = raw === undefined ? null : parseVersion(raw);
      if (
        minimum !== undefined &&
        raw !== undefined &&
        version !== null &&
        isBelow(version, minimum)
      ) {
        ctx.report('gatewayApiCrdTooOld', crd, `metadata.annotations[${BUNDLE_VERSION}]`, {
          crd: crd.key.name,
          version: raw,
          minimum: `v${minimum.join('.')}`,
        });
      }
    }
  },
};
