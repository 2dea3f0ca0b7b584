import type { JsonObject, JsonValue } from '../model/json.js';
import { isJsonObject } from '../model/json.js';
import { describeResource, type Resource, type ResourceKey } from '../model/resource.js';
import { Prng } from './prng.js';

export interface MeshMutation {
  readonly key: ResourceKey;
  /** What changed, e.g. `weights 90/10 → 50/50`. */
  readonly description: string;
}

type Mutator = (body: JsonObject, rng: Prng) => string | null;

/** A scalar for messages (JSON text for anything else). */
function text(value: JsonValue | undefined): string {
  return typeof value === 'string' || typeof value === 'number'
    ? String(value)
    : JSON.stringify(value ?? null);
}

function objects(value: unknown): JsonObject[] {
  return Array.isArray(value) ? value.filter(isJsonObject) : [];
}

function spec(body: JsonObject): JsonObject | null {
  const value = body['spec'];
  return isJsonObject(value) ? value : null;
}

/** Re-splits the weights of the first weighted HTTP rule. */
const shiftWeights: Mutator = (body, rng) => {
  for (const rule of objects(spec(body)?.['http'])) {
    const routes = objects(rule['route']);
    if (routes.length > 1) {
      const canary = rng.pick([0, 10, 30, 50, 100]);
      const before = routes.map((r) => text(r['weight'] ?? 0)).join('/');
      routes.forEach((r, i) => {
        r['weight'] = i === 0 ? 100 - canary : i === 1 ? canary : 0;
      });
      return `weights ${before} → ${routes.map((r) => text(r['weight'])).join('/')}`;
    }
  }
  return null;
};

/** Points the last HTTP rule's first destination at another subset. */
const flipSubset: Mutator = (body, rng) => {
  const rule = objects(spec(body)?.['http']).at(-1);
  const destination = objects(rule?.['route'])[0]?.['destination'];
  if (!isJsonObject(destination) || typeof destination['subset'] !== 'string') {
    return null;
  }
  const before = destination['subset'];
  destination['subset'] = rng.pick(['v1', 'v2', 'v3'].filter((v) => v !== before));
  return `subset ${before} → ${text(destination['subset'])}`;
};

/** Makes a DestinationRule subset select a label value no pod carries (label drift). */
const driftSubsetLabels: Mutator = (body) => {
  const subset = objects(spec(body)?.['subsets'])[0];
  const labels = subset?.['labels'];
  if (!isJsonObject(labels) || typeof labels['version'] !== 'string') {
    return null;
  }
  const before = labels['version'];
  labels['version'] = `${before}.0`;
  return `subset ${text(subset?.['name'])} labels version=${before} → ${text(labels['version'])}`;
};

const MUTATORS: Readonly<Record<string, readonly Mutator[]>> = {
  VirtualService: [shiftWeights, flipSubset],
  DestinationRule: [driftSubsetLabels],
};

/**
 * Changes up to `count` VirtualServices / DestinationRules (weights, subsets, subset labels),
 * deterministically for a seed. Returns a new resource list (inputs are not modified) and the
 * changes made, for impact benchmarks.
 */
export function mutateMesh(
  resources: readonly Resource[],
  count: number,
  seed: number,
): { resources: Resource[]; changes: MeshMutation[] } {
  const rng = new Prng(seed);
  const candidates = resources
    .map((r, i) => [r, i] as const)
    .filter(([r]) => MUTATORS[r.key.kind] !== undefined);
  const out = [...resources];
  const changes: MeshMutation[] = [];
  const touched = new Set<number>();
  for (
    let attempt = 0;
    changes.length < count && attempt < count * 20 && candidates.length > 0;
    attempt += 1
  ) {
    const [resource, index] = rng.pick(candidates);
    if (touched.has(index)) {
      continue;
    }
    const body = structuredClone(resource.body);
    const description = rng.pick(MUTATORS[resource.key.kind] ?? [])(body, rng);
    if (description !== null) {
      touched.add(index);
      out[index] = { ...resource, body };
      changes.push({
        key: resource.key,
        description: `${describeResource(resource.key)}: ${description}`,
      });
    }
  }
  return { resources: out, changes };
}
