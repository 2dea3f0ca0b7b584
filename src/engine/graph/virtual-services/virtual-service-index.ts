import type { VirtualServiceInfo } from '../types/virtual-service.js';
import { pushTo } from '../util/compare.js';
import type { CreationComparator } from '../util/creation-order.js';

const NO_VIRTUAL_SERVICES: readonly VirtualServiceInfo[] = [];

/**
 * R3/R5 — VirtualServices per gateway name in three tiers (`initVirtualServices`,
 * `VirtualServicesForGateway`, P/model/push_context.go): private to the proxy's namespace,
 * exported to it by name, public; oldest first inside each tier (R12).
 */
export class VirtualServiceIndex {
  readonly all: readonly VirtualServiceInfo[];
  readonly byId: ReadonlyMap<string, VirtualServiceInfo>;
  private readonly privateByNsGateway = new Map<string, VirtualServiceInfo[]>();
  private readonly exportedByNsGateway = new Map<string, VirtualServiceInfo[]>();
  private readonly publicByGateway = new Map<string, VirtualServiceInfo[]>();
  private readonly memo = new Map<string, readonly VirtualServiceInfo[]>();

  constructor(virtualServices: readonly VirtualServiceInfo[], compare: CreationComparator) {
    this.all = [...virtualServices].sort(compare);
    this.byId = new Map(this.all.map((vs) => [vs.id, vs]));
    for (const vs of this.all) {
      if (!vs.isDelegate) {
        this.addToTiers(vs);
      }
    }
  }

  private addToTiers(vs: VirtualServiceInfo): void {
    for (const gateway of vs.gateways) {
      if (vs.exportTo.isPublic) {
        pushTo(this.publicByGateway, gateway, vs);
      } else if (!vs.exportTo.isNone) {
        for (const ns of vs.exportTo.namespaces) {
          const tier = ns === vs.namespace ? this.privateByNsGateway : this.exportedByNsGateway;
          pushTo(tier, `${ns}\u0000${gateway}`, vs);
        }
      }
    }
  }

  /**
   * `forGateway` in two parts: the namespace's own tiers (private, exported to it) and the public
   * tier, which is the same array for every namespace (views index it once).
   */
  tiersForGateway(
    proxyNamespace: string,
    gateway: string,
  ): {
    readonly local: readonly VirtualServiceInfo[];
    readonly shared: readonly VirtualServiceInfo[];
  } {
    const key = `${proxyNamespace}\u0000${gateway}`;
    return {
      local: [
        ...(this.privateByNsGateway.get(key) ?? []),
        ...(this.exportedByNsGateway.get(key) ?? []),
      ],
      shared: this.publicByGateway.get(gateway) ?? NO_VIRTUAL_SERVICES,
    };
  }

  /** VirtualServices bound to `gateway` (`mesh` or `ns/name`) and visible to `proxyNamespace`, in order. */
  forGateway(proxyNamespace: string, gateway: string): readonly VirtualServiceInfo[] {
    const key = `${proxyNamespace}\u0000${gateway}`;
    const cached = this.memo.get(key);
    if (cached !== undefined) {
      return cached;
    }
    const result = [
      ...(this.privateByNsGateway.get(key) ?? []),
      ...(this.exportedByNsGateway.get(key) ?? []),
      ...(this.publicByGateway.get(gateway) ?? []),
    ];
    this.memo.set(key, result);
    return result;
  }
}
