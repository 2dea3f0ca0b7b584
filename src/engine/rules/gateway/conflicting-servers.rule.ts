import { numberAt, objectAt, objectsAt, stringAt, stringMapAt, stringsAt } from '../shared/json.js';
import { pushTo } from '../shared/json.js';
import type { Resource } from '../../model/resource.js';
import type { Rule, RuleContext } from '../rule.js';
import { selectorString } from '../shared/label-selector.js';
import { fieldPath, fullName, specOf } from '../shared/resource-fields.js';
import { allWorkloads } from '../shared/workload-services.js';

interface ServerEntry {
  readonly gateway: Resource;
  readonly selector: Readonly<Record<string, string>>;
  readonly selectorText: string;
  readonly index: number;
  readonly port: number;
  readonly hosts: readonly string[];
  readonly bind: string;
}

function readServers(gateway: Resource): ServerEntry[] {
  const spec = specOf(gateway);
  const selector = stringMapAt(spec, 'selector');
  const selectorText = selectorString(selector);
  return objectsAt(spec, 'servers').map((server, index) => ({
    gateway,
    selector,
    selectorText,
    index,
    port: numberAt(objectAt(server, 'port'), 'number') ?? 0,
    hosts: stringsAt(server, 'hosts'),
    bind: stringAt(server, 'bind') ?? '',
  }));
}

/**
 * Two selectors "meet" as in `ConflictingGatewayAnalyzer`: the same selector text, or one text
 * containing the other while some workload matches both.
 */
function selectorsMeet(ctx: RuleContext, a: ServerEntry, b: ServerEntry): boolean {
  if (a.selectorText === b.selectorText) {
    return true;
  }
  if (!a.selectorText.includes(b.selectorText) && !b.selectorText.includes(a.selectorText)) {
    return false;
  }
  const both = { ...a.selector, ...b.selector };
  return allWorkloads(ctx).select(both).length > 0;
}

/** (port, host, bind) → servers, so only servers sharing a host are compared. */
function indexByHost(servers: readonly ServerEntry[]): Map<string, ServerEntry[]> {
  const index = new Map<string, ServerEntry[]>();
  for (const server of servers) {
    for (const host of new Set(server.hosts)) {
      const key = `${server.port}\u0000${host}\u0000${server.bind}`;
      pushTo(index, key, server);
    }
  }
  return index;
}

/**
 * Gateways that select the same workloads and declare the same host on the same port
 * (`ConflictingGatewayAnalyzer` + `model.CheckDuplicates`, istio/istio:pkg/config/analysis/
 * analyzers/gateway/conflictinggateway.go@86c9f01f). One finding per conflicting server.
 */
export const conflictingGatewayServersRule: Rule = {
  id: 'gateway/conflicting-servers',
  description:
    'Flags Gateway servers that another Gateway on the same workloads declares for the same port and host.',
  inputs: ['Gateway', 'Workload'],
  messages: ['conflictingGateways'],
  check(ctx) {
    const servers = ctx.ofKind('Gateway').flatMap(readServers);
    const index = indexByHost(servers);
    for (const server of servers) {
      const others = new Set<string>();
      for (const host of server.hosts) {
        for (const other of index.get(`${server.port}\u0000${host}\u0000${server.bind}`) ?? []) {
          if (other.gateway !== server.gateway && selectorsMeet(ctx, server, other)) {
            others.add(fullName(other.gateway));
          }
        }
      }
      if (others.size > 0) {
        ctx.report(
          'conflictingGateways',
          server.gateway,
          fieldPath('spec', 'servers', server.index),
          {
            gateways: [...others].sort().join(','),
            selector: server.selectorText,
            port: String(server.port),
            hosts: server.hosts.join(','),
          },
        );
      }
    }
  },
};
