import type { EffectiveHttpRoute } from '../graph/routing/route-types.js';
import type { MeshGraph } from '../graph/types/mesh-graph.js';
import { isJsonObject, type JsonObject, type JsonValue } from '../model/json.js';
import { endpointsOf } from './simulate-destinations.js';
import type { SimulationProxy } from './simulate-source.js';
import type { SimulateMirror } from './simulate-types.js';

function percentageOf(value: JsonValue | undefined): number | null {
  if (typeof value === 'number') {
    return value; // legacy `mirrorPercent`
  }
  const number = isJsonObject(value) ? value['value'] : undefined;
  return typeof number === 'number' ? number : null;
}

function hasHost(destination: JsonValue | undefined): boolean {
  return isJsonObject(destination) && typeof destination['host'] === 'string';
}

/**
 * Mirror percentages in the order the graph lists mirrors (`mirror`, then `mirrors[]`, entries
 * without a host skipped): `mirrorPercentage` (or legacy `mirrorPercent`) for `mirror`,
 * `percentage` for each `mirrors[]` entry. Null = unset (API: 100 %).
 */
function mirrorPercentages(spec: JsonObject): (number | null)[] {
  const out: (number | null)[] = [];
  if (hasHost(spec['mirror'])) {
    out.push(percentageOf(spec['mirrorPercentage'] ?? spec['mirrorPercent']));
  }
  const list = spec['mirrors'];
  for (const entry of Array.isArray(list) ? list : []) {
    if (isJsonObject(entry) && hasHost(entry['destination'])) {
      out.push(percentageOf(entry['percentage']));
    }
  }
  return out;
}

/** The rule's mirrors (hosts expanded, R2) with their percentage and the workloads behind them. */
export function describeMirrors(
  graph: MeshGraph,
  proxy: SimulationProxy,
  route: EffectiveHttpRoute,
): SimulateMirror[] {
  const percentages = mirrorPercentages(route.spec);
  const options = { protocol: 'http', evaluate: false, forcePlaintext: false } as const;
  return route.mirrors.map((mirror, i) => ({
    host: mirror.host,
    subset: mirror.subset,
    port: mirror.port,
    percentage: percentages[i] ?? null,
    workloads: endpointsOf(graph, proxy, mirror, options).workloads.map((w) => w.id),
  }));
}
