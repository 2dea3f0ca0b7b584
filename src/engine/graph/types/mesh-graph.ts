import type { Resource } from '../../model/resource.js';
import type { AuthzIndex } from '../../policy/authorization.js';
import type { PeerAuthIndex } from '../../policy/peer-authentication.js';
import type { DestinationRuleIndex } from '../destination-rules/destination-rule-index.js';
import type { MeshConfigView } from '../mesh-config/mesh-config.js';
import type { ResolvedGraphOptions } from '../options.js';
import type { ServiceRegistry } from '../services/service-registry.js';
import type { SidecarIndex } from '../sidecars/sidecar-index.js';
import type { CreationComparator } from '../util/creation-order.js';
import type { LabelIndex } from '../util/labels.js';
import type { VirtualServiceIndex } from '../virtual-services/virtual-service-index.js';
import type { NamespaceInfo } from '../workloads/namespaces.js';
import type { GatewayInfo } from './gateway.js';
import type { WorkloadInfo } from './workload.js';

/**
 * The resolved mesh of one snapshot: typed, indexed views built once (SEMANTICS §0, §1).
 * Everything is read-only; lists are sorted by id.
 */
export interface MeshGraph {
  readonly options: ResolvedGraphOptions;
  readonly resources: readonly Resource[];
  readonly meshConfig: MeshConfigView;
  readonly clusterDomain: string;
  readonly rootNamespace: string;
  readonly namespaces: ReadonlyMap<string, NamespaceInfo>;
  readonly workloads: readonly WorkloadInfo[];
  readonly workloadsById: ReadonlyMap<string, WorkloadInfo>;
  readonly workloadsByNamespace: ReadonlyMap<string, LabelIndex<WorkloadInfo>>;
  readonly services: ServiceRegistry;
  readonly destinationRules: DestinationRuleIndex;
  readonly gateways: readonly GatewayInfo[];
  readonly gatewaysById: ReadonlyMap<string, GatewayInfo>;
  /** Gateway proxy workload id → the Gateways it serves (merged into its listeners, R4). */
  readonly gatewaysByProxy: ReadonlyMap<string, readonly GatewayInfo[]>;
  readonly virtualServices: VirtualServiceIndex;
  readonly sidecars: SidecarIndex;
  readonly peerAuthentication: PeerAuthIndex;
  readonly authorization: AuthzIndex;
  /** R12 order used for every "oldest wins" decision. */
  readonly compareCreation: CreationComparator;
  /** Assumptions the graph depends on (creation order, absent namespaces, assumed gateway). */
  readonly notes: readonly string[];
}
