import type { ServiceInfo } from '../../graph/types/service.js';
import type { GatewayInfo } from '../../graph/types/gateway.js';
import type { Rule, RuleContext } from '../rule.js';
import { selectorString } from '../shared/label-selector.js';
import { fieldPath } from '../shared/resource-fields.js';
import { servicesByWorkload } from '../shared/workload-services.js';

/**
 * Ports a gateway Service forwards to its pods: the numeric `targetPort`, else the port. The
 * assumed default ingress Service also accepts its port numbers, as istioctl's built-in default
 * Service does (`--use-kube=false`, SEMANTICS §0).
 */
function servedPorts(services: readonly ServiceInfo[]): Set<number> {
  const ports = new Set<number>();
  for (const service of services) {
    if (service.kind !== 'Service') {
      continue;
    }
    for (const port of service.ports) {
      if (port.protocol === 'UDP') {
        continue;
      }
      ports.add(typeof port.targetPort === 'number' ? port.targetPort : port.number);
      if (service.isAssumed) {
        ports.add(port.number);
      }
    }
  }
  return ports;
}

function portsFor(ctx: RuleContext, gateway: GatewayInfo): Set<number> {
  const index = servicesByWorkload(ctx);
  return servedPorts(gateway.proxies.flatMap((id) => index.get(id) ?? []));
}

/**
 * A Gateway server port that no Service of its workloads targets (`IngressGatewayPortAnalyzer`,
 * istio/istio:pkg/config/analysis/analyzers/gateway/gateway.go@86c9f01f, IST0162).
 */
export const gatewayPortNotOnServiceRule: Rule = {
  id: 'gateway/port-not-on-service',
  description:
    'Flags Gateway server ports that no Service of the selected gateway workloads forwards to.',
  inputs: ['Gateway', 'Service', 'ServiceEntry', 'Workload'],
  messages: ['gatewayPortNotOnService'],
  check(ctx) {
    for (const gateway of ctx.graph.gateways) {
      const resource = ctx.find('Gateway', gateway.namespace, gateway.name);
      if (gateway.proxies.length === 0 || resource === undefined) {
        continue;
      }
      const ports = portsFor(ctx, gateway);
      for (const server of gateway.servers) {
        if (!ports.has(server.port)) {
          const path = fieldPath('spec', 'servers', server.index, 'port', 'number');
          const selector = selectorString(gateway.selector);
          ctx.report('gatewayPortNotOnService', resource, path, { port: server.port, selector });
        }
      }
    }
  },
};
