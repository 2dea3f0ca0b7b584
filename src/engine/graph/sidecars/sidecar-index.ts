import type { OutboundTrafficMode } from '../mesh-config/mesh-config.js';
import type { EgressImport, SidecarInfo, SidecarScope } from '../types/sidecar.js';
import { pushTo } from '../util/compare.js';
import { type CreationComparator, creationNote, orderIsAssumed } from '../util/creation-order.js';
import { type Labels, NO_LABELS, selectorMatches } from '../util/labels.js';

/**
 * R8 — which Sidecar applies (`initSidecarScopes`, `getSidecarScope`, P/model/push_context.go):
 * the oldest Sidecar of the workload's namespace whose selector ⊆ its labels, else that namespace's
 * selector-less Sidecar, else the root namespace's selector-less Sidecar, else the implicit default.
 * Gateways never use Sidecars (callers do not ask for them).
 */
export class SidecarIndex {
  private readonly withSelector = new Map<string, SidecarInfo[]>();
  private readonly withoutSelector = new Map<string, SidecarInfo[]>();
  private readonly scopes = new Map<string, SidecarScope>();

  constructor(
    readonly sidecars: readonly SidecarInfo[],
    private readonly rootNamespace: string,
    private readonly meshOutbound: OutboundTrafficMode,
    compare: CreationComparator,
  ) {
    for (const sidecar of [...sidecars].sort(compare)) {
      pushTo(
        sidecar.selector === null ? this.withoutSelector : this.withSelector,
        sidecar.namespace,
        sidecar,
      );
    }
  }

  /** The scope of a sidecar proxy in `namespace` with `labels` (null: anonymous client, no labels). */
  scopeFor(namespace: string, labels: Labels | null): SidecarScope {
    const { sidecar, notes } = this.choose(namespace, labels ?? NO_LABELS);
    const key = `${namespace}|${sidecar?.id ?? '*'}`;
    const cached = this.scopes.get(key);
    if (cached !== undefined) {
      return notes.length === 0 ? cached : { ...cached, notes: [...cached.notes, ...notes] };
    }
    const scope: SidecarScope = {
      key,
      namespace,
      sidecar,
      imports: sidecar?.hasEgress === true ? resolveImports(sidecar.egress, namespace) : null,
      outboundTrafficPolicy: sidecar?.outboundTrafficPolicy ?? this.meshOutbound,
      notes: [],
    };
    this.scopes.set(key, scope);
    return notes.length === 0 ? scope : { ...scope, notes };
  }

  private choose(
    namespace: string,
    labels: Labels,
  ): { sidecar: SidecarInfo | null; notes: string[] } {
    const selected = (this.withSelector.get(namespace) ?? []).filter((s) =>
      selectorMatches(s.selector, labels),
    );
    if (selected.length > 0) {
      return pick(selected, `Sidecar choice in ${namespace}`);
    }
    const plain = this.withoutSelector.get(namespace) ?? [];
    if (plain.length > 0) {
      return pick(plain, `Sidecar choice in ${namespace}`);
    }
    const root = this.withoutSelector.get(this.rootNamespace) ?? [];
    return root.length > 0
      ? pick(root, 'root namespace Sidecar choice')
      : { sidecar: null, notes: [] };
  }
}

function pick(
  candidates: readonly SidecarInfo[],
  what: string,
): { sidecar: SidecarInfo | null; notes: string[] } {
  const notes = orderIsAssumed(candidates) ? [creationNote(what, candidates)] : [];
  return { sidecar: candidates[0] ?? null, notes };
}

/** `.` is the workload's namespace — also for a Sidecar inherited from the root namespace (R8). */
function resolveImports(egress: readonly EgressImport[], namespace: string): EgressImport[] {
  return egress.map((entry) => (entry.namespace === '.' ? { ...entry, namespace } : entry));
}
