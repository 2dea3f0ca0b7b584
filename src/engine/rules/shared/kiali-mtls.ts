/**
 * Namespace-wide and mesh-wide mTLS settings as Kiali's mTLS validations read them
 * (kiali/kiali package `kubernetes`: `PeerAuthnHasMTLSEnabled`,
 * `DestinationRuleHasMeshWideMTLSEnabled`, `DestinationRuleHasNamespaceWideMTLSEnabled`).
 * Only selector-less PeerAuthentications and the top-level `trafficPolicy.tls` of
 * DestinationRules with a wildcard namespace or mesh host count.
 */
import type { Resource } from '../../model/resource.js';
import type { RuleContext } from '../rule.js';
import { pathObject, pushTo, stringAt } from './json.js';
import { matchLabelsOf } from './policy-selectors.js';
import { specOf } from './resource-fields.js';

/** An object with the mode it sets. */
export interface ModeSetting {
  readonly resource: Resource;
  readonly mode: string;
}

/** Settings of one scope: the whole mesh, and each namespace. */
export interface ScopedSettings {
  readonly mesh: readonly ModeSetting[];
  readonly byNamespace: ReadonlyMap<string, readonly ModeSetting[]>;
}

/** `spec.trafficPolicy.tls.mode` (top level only), or null. */
export function destinationRuleTlsMode(dr: Resource): string | null {
  return stringAt(pathObject(specOf(dr), 'trafficPolicy', 'tls'), 'mode');
}

/** `*`, `*.local` and `*.<cluster domain>` cover every service of the mesh. */
export function isMeshWideHost(host: string, clusterDomain: string): boolean {
  return host === '*' || host === '*.local' || host === `*.${clusterDomain}`;
}

/** The host covering every service of a namespace: `*.<ns>.svc.<cluster domain>`. */
export function namespaceWideHost(namespace: string, clusterDomain: string): string {
  return `*.${namespace}.svc.${clusterDomain}`;
}

/** The namespace a `*.<ns>.svc.<cluster domain>` host covers, else null. */
export function namespaceOfWideHost(host: string, clusterDomain: string): string | null {
  const suffix = `.svc.${clusterDomain}`;
  if (!host.startsWith('*.') || !host.endsWith(suffix)) {
    return null;
  }
  const namespace = host.slice(2, host.length - suffix.length);
  return namespace === '' || namespace.includes('.') ? null : namespace;
}

/**
 * `spec.mtls.mode` of a PeerAuthentication without selector (empty matchLabels = none), else
 * null.
 */
export function peerAuthenticationWideMode(pa: Resource): string | null {
  const labels = matchLabelsOf(pa);
  if (labels !== null && Object.keys(labels).length > 0) {
    return null;
  }
  return stringAt(pathObject(specOf(pa), 'mtls'), 'mode');
}

/** DestinationRules with a top-level TLS mode and a mesh-wide or namespace-wide host. */
export function wideDestinationRules(ctx: RuleContext): ScopedSettings {
  return ctx.memo('kiali.wideDestinationRules', (c) => {
    const domain = c.graph.clusterDomain;
    const mesh: ModeSetting[] = [];
    const byNamespace = new Map<string, ModeSetting[]>();
    for (const dr of c.ofKind('DestinationRule')) {
      const mode = destinationRuleTlsMode(dr);
      const host = stringAt(specOf(dr), 'host') ?? '';
      const namespace = namespaceOfWideHost(host, domain);
      if (mode === null) {
        continue;
      }
      if (isMeshWideHost(host, domain)) {
        mesh.push({ resource: dr, mode });
      } else if (namespace !== null) {
        pushTo(byNamespace, namespace, { resource: dr, mode });
      }
    }
    return { mesh, byNamespace };
  });
}

/**
 * PeerAuthentications without selector that set a mode: the root namespace is the mesh, others
 * are grouped by namespace.
 */
export function widePeerAuthentications(ctx: RuleContext): ScopedSettings {
  return ctx.memo('kiali.widePeerAuthentications', (c) => {
    const root = c.graph.rootNamespace;
    const mesh: ModeSetting[] = [];
    const byNamespace = new Map<string, ModeSetting[]>();
    for (const pa of c.ofKind('PeerAuthentication')) {
      const mode = peerAuthenticationWideMode(pa);
      if (mode === null) {
        continue;
      }
      if (pa.key.namespace === root) {
        mesh.push({ resource: pa, mode });
      } else {
        pushTo(byNamespace, pa.key.namespace, { resource: pa, mode });
      }
    }
    return { mesh, byNamespace };
  });
}

/** The settings of a namespace (none when absent). */
export function settingsOf(scoped: ScopedSettings, namespace: string): readonly ModeSetting[] {
  return scoped.byNamespace.get(namespace) ?? [];
}

/** True when some setting has one of `modes`. */
export function hasMode(settings: readonly ModeSetting[], modes: readonly string[]): boolean {
  return settings.some((s) => modes.includes(s.mode));
}
