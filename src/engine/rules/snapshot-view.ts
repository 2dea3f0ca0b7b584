import type { MeshGraph } from '../graph/types/mesh-graph.js';
import type { Resource, ResourceKey } from '../model/resource.js';
import { type ConcreteKindName, KINDS, type KindName, WORKLOAD_KINDS } from './kinds.js';
import type { ResolvedAnalyzeOptions } from './rule-options.js';

/** The per-snapshot indexes every rule context reads; built once by the pipeline. */
export interface SnapshotView {
  readonly resources: readonly Resource[];
  readonly graph: MeshGraph;
  readonly options: ResolvedAnalyzeOptions;
  /** kind → API group → objects, in snapshot order. */
  readonly byKind: ReadonlyMap<string, ReadonlyMap<string, readonly Resource[]>>;
  /** `group/kind` → `namespace/name` → object, built per kind on first lookup. */
  readonly byName: Map<string, ReadonlyMap<string, Resource>>;
  /** Shared derived indexes (`ctx.memo`), filled lazily. */
  readonly memos: Map<string, unknown>;
}

export function buildSnapshotView(
  resources: readonly Resource[],
  graph: MeshGraph,
  options: ResolvedAnalyzeOptions,
): SnapshotView {
  const byKind = new Map<string, Map<string, Resource[]>>();
  for (const resource of resources) {
    const { group, kind } = resource.key;
    let byGroup = byKind.get(kind);
    if (byGroup === undefined) {
      byGroup = new Map();
      byKind.set(kind, byGroup);
    }
    const list = byGroup.get(group);
    if (list === undefined) {
      byGroup.set(group, [resource]);
    } else {
      list.push(resource);
    }
  }
  return { resources, graph, options, byKind, byName: new Map(), memos: new Map() };
}

function concreteKinds(kind: KindName): readonly ConcreteKindName[] {
  if (kind === 'Workload') {
    return WORKLOAD_KINDS;
  }
  return kind === 'MeshConfig' ? ['ConfigMap'] : [kind];
}

function objectsOf(view: SnapshotView, group: string, kind: string): readonly Resource[] {
  return view.byKind.get(kind)?.get(group) ?? [];
}

export function resourcesOfKind(view: SnapshotView, kind: KindName): readonly Resource[] {
  const kinds = concreteKinds(kind);
  if (kinds.length === 1 && kinds[0] !== undefined) {
    return objectsOf(view, KINDS[kinds[0]].group, KINDS[kinds[0]].kind);
  }
  return kinds.flatMap((name) => objectsOf(view, KINDS[name].group, KINDS[name].kind));
}

function namesOf(view: SnapshotView, group: string, kind: string): ReadonlyMap<string, Resource> {
  const key = `${group}/${kind}`;
  let names = view.byName.get(key);
  if (names === undefined) {
    names = new Map(
      objectsOf(view, group, kind).map((r) => [`${r.key.namespace}/${r.key.name}`, r]),
    );
    view.byName.set(key, names);
  }
  return names;
}

/** The object with exactly this key (any kind), if it is in the snapshot. */
export function resourceByKey(view: SnapshotView, key: ResourceKey): Resource | undefined {
  return namesOf(view, key.group, key.kind).get(`${key.namespace}/${key.name}`);
}

export function findResource(
  view: SnapshotView,
  kind: KindName,
  namespace: string,
  name: string,
): Resource | undefined {
  for (const concrete of concreteKinds(kind)) {
    const { group, kind: k } = KINDS[concrete];
    const found = namesOf(view, group, k).get(`${namespace}/${name}`);
    if (found !== undefined) {
      return found;
    }
  }
  return undefined;
}
