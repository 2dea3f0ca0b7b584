import type { MessageFamily } from './message-spec.js';

/** 21xx — objects that contradict or shadow each other. */
export const CONFLICT_MESSAGES = {
  conflictingGateways: {
    code: 'MESH2101',
    level: 'Error',
    istioCode: 'IST0145',
    kialiCode: 'KIA0301',
    title: 'Gateways claim the same host and port on the same workloads',
    docs: 'Two Gateways select the same gateway workloads and declare a server on the same port for the same host; the proxy merges them and only one server wins, so the other is silently ignored.',
    template: (p: { gateways: string; selector: string; port: string; hosts: string }) =>
      `Conflict with gateways ${p.gateways} (workload selector ${p.selector}, port ${p.port}, hosts ${p.hosts}).`,
  },
  conflictingMeshGatewayHosts: {
    code: 'MESH2102',
    level: 'Error',
    istioCode: 'IST0109',
    kialiCode: 'KIA1106',
    title: 'Several mesh VirtualServices for one host',
    docs: 'Sidecars do not merge VirtualServices: when several bound to `mesh` define the same host for the same namespaces, only the oldest applies and the others are dropped (SEMANTICS R5). Merge them into one VirtualService.',
    template: (p: { virtualServices: string; host: string }) =>
      `The VirtualServices ${p.virtualServices} associated with mesh gateway define the same host ${p.host} which can lead to undefined behavior. This can be fixed by merging the conflicting VirtualServices into a single resource.`,
  },
  unreachableRule: {
    code: 'MESH2103',
    level: 'Warning',
    istioCode: 'IST0130',
    title: 'Route rule can never match',
    docs: 'Every request the rule could match is taken by an earlier rule of the same VirtualService (a rule without `match`, a catch-all match, or identical matches), so the rule is never used (SEMANTICS R5).',
    template: (p: { rule: string; reason: string }) =>
      `VirtualService rule ${p.rule} not used (${p.reason}).`,
  },
  ineffectiveMatch: {
    code: 'MESH2104',
    level: 'Info',
    istioCode: 'IST0131',
    title: 'Route match duplicated by an earlier rule',
    docs: 'A match condition repeats, or is covered by, a match of an earlier rule of the same VirtualService; it never selects this rule.',
    template: (p: { rule: string; match: string; duplicate: string }) =>
      `VirtualService rule ${p.rule} match ${p.match} is not used (duplicate/overlapping match in rule ${p.duplicate}).`,
  },
  webhookOverlap: {
    code: 'MESH2105',
    level: 'Error',
    istioCode: 'IST0139',
    title: 'Sidecar injection webhooks overlap',
    docs: 'For some combination of namespace and pod labels, more than one Istio injection webhook matches, so the sidecar may be injected twice.',
    template: (p: { others: readonly string[] }) =>
      `Webhook overlaps with others: [${p.others.join(' ')}]. This may cause injection to occur twice.`,
  },
  conflictingSidecarSelectors: {
    code: 'MESH2106',
    level: 'Error',
    istioCode: 'IST0110',
    kialiCode: 'KIA0003',
    title: 'Several Sidecars select one workload',
    docs: 'Only the oldest Sidecar whose selector matches a workload applies to it (SEMANTICS R8); the others are ignored for that workload.',
    template: (p: { sidecars: readonly string[]; namespace: string; workload: string }) =>
      `The Sidecars [${p.sidecars.join(' ')}] in namespace ${JSON.stringify(p.namespace)} select the same workload pod ${JSON.stringify(p.workload)}, which can lead to undefined behavior.`,
  },
  multipleSelectorlessSidecars: {
    code: 'MESH2107',
    level: 'Error',
    istioCode: 'IST0111',
    kialiCode: 'KIA0002',
    title: 'Several namespace-wide Sidecars',
    docs: 'A namespace may have one Sidecar without workloadSelector; with several, only the oldest applies (SEMANTICS R8).',
    template: (p: { sidecars: readonly string[]; namespace: string }) =>
      `The Sidecars [${p.sidecars.join(' ')}] in namespace ${JSON.stringify(p.namespace)} have no workload selector, which can lead to undefined behavior.`,
  },
  conflictingTelemetrySelectors: {
    code: 'MESH2108',
    level: 'Error',
    istioCode: 'IST0159',
    title: 'Several Telemetries select one workload',
    docs: 'Two Telemetry resources of a namespace select the same workload; which one applies is undefined.',
    template: (p: { telemetries: readonly string[]; namespace: string; workload: string }) =>
      `The Telemetries [${p.telemetries.join(' ')}] in namespace ${JSON.stringify(p.namespace)} select the same workload pod ${JSON.stringify(p.workload)}, which can lead to undefined behavior.`,
  },
  multipleSelectorlessTelemetries: {
    code: 'MESH2109',
    level: 'Error',
    istioCode: 'IST0160',
    title: 'Several namespace-wide Telemetries',
    docs: 'A namespace may have one Telemetry without selector; with several, which one applies is undefined.',
    template: (p: { telemetries: readonly string[]; namespace: string }) =>
      `The Telemetries [${p.telemetries.join(' ')}] in namespace ${JSON.stringify(p.namespace)} have no workload selector, which can lead to undefined behavior.`,
  },
  destinationRuleMultiMatch: {
    code: 'MESH2110',
    level: 'Warning',
    kialiCode: 'KIA0201',
    title: 'Several DestinationRules for one host and subset',
    docs: 'Two DestinationRules visible to the same namespaces define the same host (and subset); istiod merges them and the first definition of a subset or traffic policy wins (SEMANTICS R7).',
    template: (p: { host: string; others: readonly string[] }) =>
      `More than one DestinationRules for the same host subset combination: ${p.host} (also in ${p.others.join(', ')})`,
  },
  repeatedSubset: {
    code: 'MESH2111',
    level: 'Warning',
    kialiCode: 'KIA1105',
    title: 'Route lists one destination twice',
    docs: 'The same host and subset appear twice among the destinations of one route; their weights add up and the split is harder to read.',
    template: (p: { destination: string }) =>
      `This host subset combination is already referenced in another route destination: ${p.destination}`,
  },
  catchAllShadowedOnGateway: {
    code: 'MESH2112',
    level: 'Warning',
    title: 'Catch-all route hidden by another VirtualService on the same gateway',
    docs: 'A gateway merges the VirtualServices bound to it and moves catch-all routes last (SEMANTICS R5); when two of them have a catch-all for one host, only the first in merge order is used.',
    template: (p: { rule: string; host: string; gateway: string; first: string }) =>
      `Catch-all route ${p.rule} for ${p.host} on gateway ${p.gateway} never matches: VirtualService ${p.first}, merged earlier, also has a catch-all route`,
  },
} as const satisfies MessageFamily;
