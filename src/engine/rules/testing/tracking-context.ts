import type { Finding } from '../finding.js';
import type { KindName } from '../kinds.js';
import type { Rule, RuleContext } from '../rule.js';
import { createRuleContext } from '../rule-context.js';
import type { SnapshotView } from '../snapshot-view.js';

/** Which kinds each part of the mesh graph is built from. */
const GRAPH_INPUTS: Readonly<Record<string, readonly KindName[]>> = {
  meshConfig: ['MeshConfig'],
  namespaces: ['Namespace'],
  workloads: ['Workload'],
  workloadsById: ['Workload'],
  workloadsByNamespace: ['Workload'],
  services: ['Service', 'ServiceEntry', 'Workload'],
  destinationRules: ['DestinationRule'],
  gateways: ['Gateway', 'Workload'],
  gatewaysById: ['Gateway', 'Workload'],
  gatewaysByProxy: ['Gateway', 'Workload'],
  virtualServices: ['VirtualService'],
  sidecars: ['Sidecar'],
  peerAuthentication: ['PeerAuthentication'],
  authorization: ['AuthorizationPolicy'],
};

/**
 * A rule context that records every kind a rule reads — through `ofKind`/`find`, the graph and
 * the mesh config — so the meta-test can check it against the declared `inputs` (STYLE §5).
 */
export function createTrackingContext(
  view: SnapshotView,
  rule: Rule,
  sink: (finding: Finding) => void,
): { ctx: RuleContext; read: Set<KindName> } {
  const read = new Set<KindName>();
  const base = createRuleContext(view, rule, sink, { onKindRead: (kind) => read.add(kind) });
  const graph = new Proxy(view.graph, {
    get(target, property, receiver) {
      for (const kind of GRAPH_INPUTS[String(property)] ?? []) {
        read.add(kind);
      }
      return Reflect.get(target, property, receiver) as unknown;
    },
  });
  const options = new Proxy(view.options, {
    get(target, property, receiver) {
      if (property === 'meshConfig') {
        read.add('MeshConfig');
      }
      return Reflect.get(target, property, receiver) as unknown;
    },
  });
  const ctx: RuleContext = {
    ...base,
    graph,
    options,
    memo: (id, build) => base.memo(id, () => build(ctx)),
  };
  return { ctx, read };
}
