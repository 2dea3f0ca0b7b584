import {
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  getNamedType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  isObjectType,
  isInterfaceType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

export interface QueryCost {
  /** Deepest field nesting (a top-level field is depth 1); introspection fields are not counted. */
  readonly depth: number;
  /** Fields the query may resolve: 1 per field, children multiplied by a `first` page size. */
  readonly cost: number;
}

/** Page sizes above this are clamped by the resolvers (offset-connection.ts). */
const MAX_PAGE = 500;

interface Walk {
  readonly schema: GraphQLSchema;
  readonly fragments: ReadonlyMap<string, FragmentDefinitionNode>;
  readonly variables: Readonly<Record<string, unknown>>;
}

function pageSize(walk: Walk, node: FieldNode, def: GraphQLField<unknown, unknown>): number {
  const arg = node.arguments?.find((a) => a.name.value === 'first');
  let value: unknown = def.args.find((a) => a.name === 'first')?.defaultValue;
  if (arg?.value.kind === Kind.INT) {
    value = Number(arg.value.value);
  } else if (arg?.value.kind === Kind.VARIABLE) {
    value = walk.variables[arg.value.name.value] ?? value;
  }
  return typeof value === 'number' && Number.isFinite(value)
    ? Math.max(1, Math.min(MAX_PAGE, value))
    : 1;
}

function fieldCost(
  walk: Walk,
  node: FieldNode,
  parent: GraphQLNamedType,
  depth: number,
): QueryCost {
  if (node.name.value.startsWith('__')) {
    return { depth: 0, cost: 1 };
  }
  const def =
    isObjectType(parent) || isInterfaceType(parent)
      ? parent.getFields()[node.name.value]
      : undefined;
  if (def === undefined || node.selectionSet === undefined) {
    return { depth, cost: 1 };
  }
  const inner = selectionCost(walk, node.selectionSet, getNamedType(def.type), depth);
  return { depth: inner.depth, cost: 1 + pageSize(walk, node, def) * inner.cost };
}

function selectionCost(
  walk: Walk,
  set: SelectionSetNode,
  parent: GraphQLNamedType,
  depth: number,
): QueryCost {
  let total = { depth, cost: 0 };
  for (const selection of set.selections) {
    let part: QueryCost;
    if (selection.kind === Kind.FIELD) {
      part = fieldCost(walk, selection, parent, depth + 1);
    } else {
      const fragment =
        selection.kind === Kind.INLINE_FRAGMENT
          ? selection
          : walk.fragments.get(selection.name.value);
      if (fragment === undefined) {
        continue;
      }
      const typeName = fragment.typeCondition?.name.value;
      const type = typeName === undefined ? parent : (walk.schema.getType(typeName) ?? parent);
      part = selectionCost(walk, fragment.selectionSet, type, depth);
    }
    total = { depth: Math.max(total.depth, part.depth), cost: total.cost + part.cost };
  }
  return total;
}

/** Depth and cost of a validated operation (fragment cycles are already rejected by validation). */
export function measureQuery(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Readonly<Record<string, unknown>>,
): QueryCost {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions) {
    if (def.kind === Kind.FRAGMENT_DEFINITION) {
      fragments.set(def.name.value, def);
    }
  }
  const root = schema.getRootType(operation.operation);
  if (root === undefined || root === null) {
    return { depth: 0, cost: 0 };
  }
  return selectionCost({ schema, fragments, variables }, operation.selectionSet, root, 0);
}
