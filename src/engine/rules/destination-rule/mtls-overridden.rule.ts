import { hostSubsetOf } from '../../graph/hosts/host-name.js';
import { resolveShortName } from '../../graph/hosts/short-name.js';
import { pushTo, uniqueSorted } from '../../graph/util/compare.js';
import type { Resource } from '../../model/resource.js';
import type { Rule, RuleContext } from '../rule.js';
import { hasKey, objectAt, objectsAt, stringAt } from '../shared/json.js';
import {
  destinationRuleTlsMode,
  isMeshWideHost,
  namespaceOfWideHost,
  wideDestinationRules,
} from '../shared/kiali-mtls.js';
import { fullName, specOf } from '../shared/resource-fields.js';
import { perObjectMemo } from '../shared/per-object-memo.js';

interface MutualRules {
  /** Mesh-wide ISTIO_MUTUAL DestinationRules with their host. */
  readonly mesh: readonly { readonly host: string; readonly resource: Resource }[];
  readonly byNamespace: ReadonlyMap<string, readonly Resource[]>;
  /** Other ISTIO_MUTUAL DestinationRules by expanded host (R2). */
  readonly byHost: ReadonlyMap<string, readonly Resource[]>;
}

interface Reading {
  /** Expanded host (R2). */
  readonly host: string;
  /** An ISTIO_MUTUAL DestinationRule for one host (not namespace-wide or mesh-wide). */
  readonly isHostMutual: boolean;
  readonly hasTls: boolean;
}

/** Read once per DestinationRule object. */
const readingOf = perObjectMemo(readReading);

function readReading(dr: Resource, domain: string): Reading {
  const host = hostOf(dr, domain);
  const isWide = isMeshWideHost(host, domain) || namespaceOfWideHost(host, domain) !== null;
  const isHostMutual = !isWide && destinationRuleTlsMode(dr) === 'ISTIO_MUTUAL';
  return { host, isHostMutual, hasTls: hasTlsSettings(dr) };
}

function hostOf(dr: Resource, clusterDomain: string): string {
  return resolveShortName(stringAt(specOf(dr), 'host') ?? '', dr.key.namespace, clusterDomain);
}

function mutualRules(ctx: RuleContext): MutualRules {
  const domain = ctx.graph.clusterDomain;
  const wide = wideDestinationRules(ctx);
  const mesh = wide.mesh
    .filter((s) => s.mode === 'ISTIO_MUTUAL')
    .map((s) => ({ host: hostOf(s.resource, domain), resource: s.resource }));
  const byNamespace = new Map<string, Resource[]>();
  for (const [namespace, list] of wide.byNamespace) {
    list
      .filter((s) => s.mode === 'ISTIO_MUTUAL')
      .forEach((s) => {
        pushTo(byNamespace, namespace, s.resource);
      });
  }
  const byHost = new Map<string, Resource[]>();
  for (const dr of ctx.ofKind('DestinationRule')) {
    const { host, isHostMutual } = readingOf(dr, domain);
    if (isHostMutual) {
      pushTo(byHost, host, dr);
    }
  }
  return { mesh, byNamespace, byHost };
}

/** Kiali `hasTLSSettings`: a top-level `tls` or a `tls` in some port-level setting. */
function hasTlsSettings(dr: Resource): boolean {
  const policy = objectAt(specOf(dr), 'trafficPolicy');
  return (
    hasKey(policy, 'tls') || objectsAt(policy, 'portLevelSettings').some((p) => hasKey(p, 'tls'))
  );
}

/** The namespace a (possibly wildcard) `<name>.<ns>.svc.<domain>` host belongs to. */
function namespaceOfHost(host: string, clusterDomain: string): string | null {
  const labels = host.split('.');
  const tail = `svc.${clusterDomain}`;
  return labels.length >= 3 && labels.slice(2).join('.') === tail ? (labels[1] ?? null) : null;
}

/** ISTIO_MUTUAL DestinationRules (other than `dr`) whose host also covers `host`. */
function overridden(index: MutualRules, dr: Resource, host: string, domain: string): string[] {
  const namespace = namespaceOfHost(host, domain);
  const candidates = [
    ...index.mesh.filter((m) => hostSubsetOf(host, m.host)).map((m) => m.resource),
    ...(namespace === null ? [] : (index.byNamespace.get(namespace) ?? [])),
    ...(index.byHost.get(host) ?? []),
  ];
  return uniqueSorted(candidates.filter((c) => c !== dr).map(fullName));
}

/**
 * A DestinationRule with no TLS settings hides the ISTIO_MUTUAL of a namespace-wide or mesh-wide
 * DestinationRule for its host, since only the most specific host applies (SEMANTICS R7). Follows
 * kiali/kiali:`business/checkers/destinationrules/traffic_policy_checker.go`
 * (`destinationrules.trafficpolicy.notlssettings`, KIA0204); a mesh-wide host only counts when it
 * really covers the host (`*.local` does not cover `api.example.com`).
 */
export const destinationRuleMtlsOverriddenRule: Rule = {
  id: 'destination-rule/mtls-overridden',
  description:
    'Flags DestinationRules without TLS settings for a host that a wider ISTIO_MUTUAL DestinationRule covers.',
  inputs: ['DestinationRule'],
  messages: ['destinationRuleMtlsOverridden'],
  check(ctx) {
    const domain = ctx.graph.clusterDomain;
    const index = mutualRules(ctx);
    if (index.mesh.length === 0 && index.byNamespace.size === 0 && index.byHost.size === 0) {
      return;
    }
    for (const dr of ctx.ofKind('DestinationRule')) {
      const { host, hasTls } = readingOf(dr, domain);
      if (hasTls) {
        continue;
      }
      const destinationRules = overridden(index, dr, host, domain);
      if (destinationRules.length > 0) {
        ctx.report('destinationRuleMtlsOverridden', dr, 'spec.trafficPolicy', {
          host,
          destinationRules,
        });
      }
    }
  },
};
