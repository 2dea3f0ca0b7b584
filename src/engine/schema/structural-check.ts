import { formatFieldPath, type PathSegment } from '../diff/field-path.js';
import type { CompiledRule, RuleFailure } from './cel/compile-rule.js';
import type { SchemaViolation } from './schema-violation.js';
import type { StructuralNode } from './structural-plan.js';

function ruleViolation(
  rule: CompiledRule,
  failure: RuleFailure,
  path: readonly PathSegment[],
  type: string,
): SchemaViolation {
  if (failure.isEvaluationError) {
    return {
      path,
      message: `${formatFieldPath(path)}: Invalid value: "${type}": ${failure.detail}`,
    };
  }
  // k8s.io/apiextensions-apiserver/pkg/apiserver/schema/cel/validation.go fieldErrorForReason
  const at = [...path, ...rule.fieldPath];
  const field = formatFieldPath(at);
  switch (rule.spec.reason) {
    case 'FieldValueForbidden':
      return { path: at, message: `${field}: Forbidden: ${failure.detail}` };
    case 'FieldValueRequired':
      return { path: at, message: `${field}: Required value: ${failure.detail}` };
    case 'FieldValueDuplicate':
      return { path: at, message: `${field}: Duplicate value: "${type}"` };
    case undefined:
    default:
      return { path: at, message: `${field}: Invalid value: "${type}": ${failure.detail}` };
  }
}

/** `x-kubernetes-list-type: map` items are unique by their keys; `set` items by value. */
function listViolation(
  node: StructuralNode,
  list: unknown[],
  path: PathSegment[],
): SchemaViolation | null {
  const seen = new Set<string>();
  for (let index = 0; index < list.length; index += 1) {
    const item: unknown = list[index];
    const identity =
      node.listType === 'map' && typeof item === 'object' && item !== null
        ? JSON.stringify(
            Object.fromEntries(
              node.listMapKeys.map((key) => [key, (item as Record<string, unknown>)[key]]),
            ),
          )
        : JSON.stringify(item);
    if (seen.has(identity)) {
      const at = [...path, index];
      return { path: at, message: `${formatFieldPath(at)}: Duplicate value: ${identity}` };
    }
    seen.add(identity);
  }
  return null;
}

/** Enough to show the problem; a pathological object must not build a megabyte message. */
export const MAX_VIOLATIONS = 20;

function checkChildren(
  node: StructuralNode,
  value: object,
  path: PathSegment[],
  found: SchemaViolation[],
): void {
  if (Array.isArray(value)) {
    const items = node.items;
    for (let index = 0; items !== null && index < value.length; index += 1) {
      path.push(index);
      checkStructure(items, value[index] as unknown, path, found);
      path.pop();
    }
    return;
  }
  const record = value as Record<string, unknown>;
  for (const key in record) {
    const sub = node.properties?.get(key) ?? node.additionalProperties;
    if (sub !== null) {
      path.push(key);
      checkStructure(sub, record[key], path, found);
      path.pop();
    }
  }
}

/**
 * Walks an object along its pruned schema plan, as the API server's CEL validator does: the rules
 * of a node first, then list-type uniqueness, then its children in document order. Null values
 * are not checked (the API server skips rules on null). Violations are appended to `found` (up to
 * MAX_VIOLATIONS); `path` is a scratch stack, left as it was given.
 */
export function checkStructure(
  node: StructuralNode,
  value: unknown,
  path: PathSegment[],
  found: SchemaViolation[],
): void {
  if (value === null || value === undefined || found.length >= MAX_VIOLATIONS) {
    return;
  }
  for (const rule of node.rules) {
    const failure = rule.check(value);
    if (failure !== null) {
      found.push(ruleViolation(rule, failure, [...path], node.type));
    }
  }
  if (node.listType !== null && Array.isArray(value)) {
    const duplicate = listViolation(node, value, path);
    if (duplicate !== null) {
      found.push(duplicate);
    }
  }
  if (typeof value === 'object') {
    checkChildren(node, value, path, found);
  }
}
