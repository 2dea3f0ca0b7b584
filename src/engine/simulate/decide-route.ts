import type {
  EffectiveHttpRoute,
  EffectiveStreamRoute,
  RouteTable,
} from '../graph/routing/route-types.js';
import { findPort } from '../graph/services/service-registry.js';
import type { MeshGraph } from '../graph/types/mesh-graph.js';
import { admissionOutcome } from './admission-outcome.js';
import { abortsEveryRequest, faultNotes } from './fault-summary.js';
import {
  type RouteChoice,
  proxyGatewayName,
  selectHttpRoute,
  selectStreamRoute,
} from './select-route.js';
import { describeDestinations } from './simulate-destinations.js';
import { describeMirrors } from './simulate-mirrors.js';
import type { SimulatedHttpRequest } from './simulate-request-input.js';
import type { SimulationProxy } from './simulate-source.js';
import type { EvaluatedRule, SimulateMatch } from './simulate-types.js';
import { emptyDecision, type SimulationDecision } from './simulation-decision.js';

interface Inputs {
  readonly graph: MeshGraph;
  readonly proxy: SimulationProxy;
  readonly request: SimulatedHttpRequest;
  readonly table: RouteTable;
}

function matchJson(
  proxy: SimulationProxy,
  choice: RouteChoice<EffectiveHttpRoute | EffectiveStreamRoute>,
): SimulateMatch | null {
  const route = choice.route;
  if (route.virtualService === null) {
    return null;
  }
  const http = 'delegate' in route ? route : null;
  const delegate = http?.delegate ?? null;
  return {
    virtualService: route.virtualService,
    delegate: delegate === null ? null : { name: delegate.name, namespace: delegate.namespace },
    gateway: proxyGatewayName(proxy),
    rule: route.rule,
    name: http?.name ?? null,
    reason: choice.reason,
    matchIndex: choice.matchIndex,
  };
}

/** Notes of the VirtualService whose rule matched (dropped delegate rules…). */
function virtualServiceNotes(graph: MeshGraph, id: string | null): readonly string[] {
  const vs = id === null ? undefined : graph.virtualServices.byId.get(id);
  return vs === undefined ? [] : vs.notes.map((n) => `${vs.id}: ${n}`);
}

/** Protocol the target's sidecar sees: HTTP when the service port is HTTP or sniffed. */
function streamProtocol(table: RouteTable): 'http' | 'tcp' {
  const port = table.service === null ? null : findPort(table.service, table.port);
  return port !== null && (port.traffic === 'http' || port.traffic === 'auto') ? 'http' : 'tcp';
}

function decideHttp(
  inputs: Inputs,
  choice: RouteChoice<EffectiveHttpRoute>,
  evaluated: readonly EvaluatedRule[],
): SimulationDecision {
  const { graph, proxy, request } = inputs;
  const route = choice.route;
  // Redirects and direct responses have no route action: nothing is mirrored.
  const base = { match: matchJson(proxy, choice), route, evaluated };
  const vsNotes = virtualServiceNotes(graph, route.virtualService);
  if (route.redirect !== null) {
    return { ...emptyDecision('redirect', vsNotes), ...base };
  }
  if (route.directResponse !== null) {
    return { ...emptyDecision('direct-response', vsNotes), ...base };
  }
  const aborts = abortsEveryRequest(route.fault);
  const described = describeDestinations(graph, proxy, route.destinations, request, {
    protocol: 'http',
    evaluate: !aborts,
    forcePlaintext: false,
  });
  const admission = admissionOutcome(described.checks);
  const notes = [...vsNotes, ...faultNotes(route.fault), ...described.notes, ...admission.notes];
  if (aborts) {
    notes.unshift('fault.abort applies to 100% of requests: nothing reaches the destinations');
  }
  return {
    ...base,
    mirrors: describeMirrors(graph, proxy, route),
    outcome: aborts ? 'fault-abort' : admission.outcome,
    destinations: described.destinations,
    tls: admission.tls,
    authorization: admission.authorization,
    notes: [...notes, ...described.checks.flatMap((c) => c.notes)],
  };
}

function decideStream(
  inputs: Inputs,
  choice: RouteChoice<EffectiveStreamRoute>,
  evaluated: readonly EvaluatedRule[],
): SimulationDecision {
  const { graph, proxy, request, table } = inputs;
  const plain = proxy.kind === 'plain';
  const described = describeDestinations(graph, proxy, choice.route.destinations, request, {
    protocol: streamProtocol(table),
    evaluate: true,
    forcePlaintext: plain,
  });
  const admission = admissionOutcome(described.checks);
  return {
    outcome: admission.outcome,
    match: matchJson(proxy, choice),
    route: null,
    destinations: described.destinations,
    mirrors: [],
    tls: admission.tls,
    authorization: admission.authorization,
    evaluated,
    notes: [
      ...virtualServiceNotes(graph, choice.route.virtualService),
      ...described.notes,
      ...admission.notes,
      ...described.checks.flatMap((c) => c.notes),
    ],
  };
}

/**
 * A host with routes (`routed`) or default routing (`default`): the first HTTP rule whose match
 * holds (TCP / TLS rules for non-HTTP ports), then what happens to the request on that rule.
 */
export function decideRoutedRequest(inputs: Inputs): SimulationDecision {
  const { graph, proxy, request, table } = inputs;
  const useHttp = table.http.length > 0 && table.traffic !== 'tcp' && table.traffic !== 'tls';
  if (useHttp) {
    const selection = selectHttpRoute(graph, table.http, proxy, request);
    return selection.choice === null
      ? emptyDecision(
          'no-route',
          ['no HTTP rule matches the request: Envoy answers 404 (NR)'],
          selection.evaluated,
        )
      : decideHttp(inputs, selection.choice, selection.evaluated);
  }
  const kind = table.tls.length > 0 && table.tcp.length === 0 ? 'tls' : 'tcp';
  const routes = kind === 'tls' ? table.tls : table.tcp;
  const selection = selectStreamRoute(graph, routes, kind, proxy, request);
  if (selection.choice === null) {
    const note =
      routes.length === 0
        ? `no route for ${table.host}:${String(table.port)}`
        : `no ${kind.toUpperCase()} rule matches the connection: it is closed`;
    return emptyDecision('no-route', [note], selection.evaluated);
  }
  return decideStream(inputs, selection.choice, selection.evaluated);
}
