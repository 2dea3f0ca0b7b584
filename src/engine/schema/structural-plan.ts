import { isJsonObject, type JsonObject, type JsonValue } from '../model/json.js';
import { compileRule, type CompiledRule, type RuleSpec } from './cel/compile-rule.js';

/**
 * What has to be checked beyond plain JSON schema at one node of a CRD schema: CEL rules
 * (`x-kubernetes-validations`) and list semantics (`x-kubernetes-list-type` map/set, whose
 * uniqueness the API server enforces). Subtrees with nothing to check are pruned, so the walk over
 * an object only visits the few places that carry rules.
 */
export interface StructuralNode {
  /** The schema type, printed in CEL errors (`Invalid value: "object": ...`). */
  readonly type: string;
  readonly rules: readonly CompiledRule[];
  readonly listType: 'map' | 'set' | null;
  readonly listMapKeys: readonly string[];
  readonly properties: ReadonlyMap<string, StructuralNode> | null;
  readonly additionalProperties: StructuralNode | null;
  readonly items: StructuralNode | null;
}

function isRuleSpec(value: JsonValue): value is JsonObject & RuleSpec {
  return isJsonObject(value) && typeof value['rule'] === 'string';
}

function compileRules(schema: JsonObject): CompiledRule[] {
  const specs = schema['x-kubernetes-validations'];
  if (!Array.isArray(specs)) {
    return [];
  }
  const isInteger = schema['type'] === 'integer' || schema['x-kubernetes-int-or-string'] === true;
  return specs
    .filter(isRuleSpec)
    .map((spec) => compileRule(spec, isInteger))
    .filter((rule): rule is CompiledRule => rule !== null);
}

function buildProperties(schema: JsonObject): Map<string, StructuralNode> | null {
  const properties = schema['properties'];
  if (!isJsonObject(properties)) {
    return null;
  }
  const built = new Map<string, StructuralNode>();
  for (const [name, sub] of Object.entries(properties)) {
    const node = isJsonObject(sub) ? buildStructuralPlan(sub) : null;
    if (node !== null) {
      built.set(name, node);
    }
  }
  return built.size > 0 ? built : null;
}

function child(schema: JsonObject, keyword: string): StructuralNode | null {
  const sub = schema[keyword];
  return isJsonObject(sub) ? buildStructuralPlan(sub) : null;
}

function listSemantics(schema: JsonObject): Pick<StructuralNode, 'listType' | 'listMapKeys'> {
  const listType = schema['x-kubernetes-list-type'];
  const keys = schema['x-kubernetes-list-map-keys'];
  return {
    listType: listType === 'map' || listType === 'set' ? listType : null,
    listMapKeys: Array.isArray(keys) ? keys.filter((key) => typeof key === 'string') : [],
  };
}

/** Builds the pruned plan of a schema node; null when nothing below it needs checking. */
export function buildStructuralPlan(schema: JsonObject): StructuralNode | null {
  const rules = compileRules(schema);
  const list = listSemantics(schema);
  const properties = buildProperties(schema);
  const additionalProperties = child(schema, 'additionalProperties');
  const items = child(schema, 'items');
  const hasWork =
    rules.length > 0 ||
    list.listType !== null ||
    properties !== null ||
    additionalProperties !== null ||
    items !== null;
  if (!hasWork) {
    return null;
  }
  const type = typeof schema['type'] === 'string' ? schema['type'] : '';
  return { type, rules, ...list, properties, additionalProperties, items };
}
