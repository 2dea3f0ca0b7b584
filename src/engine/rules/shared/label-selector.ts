import type { JsonObject } from '../../model/json.js';
import { objectsAt, stringAt, stringMapAt, stringsAt } from './json.js';
import type { Labels } from '../../graph/util/labels.js';

function expressionMatches(expression: JsonObject, labels: Labels): boolean {
  const key = stringAt(expression, 'key') ?? '';
  const values = stringsAt(expression, 'values');
  const value = labels[key];
  switch (stringAt(expression, 'operator')) {
    case 'In':
      return value !== undefined && values.includes(value);
    case 'NotIn':
      return value === undefined || !values.includes(value);
    case 'Exists':
      return value !== undefined;
    case 'DoesNotExist':
      return value === undefined;
    case null:
    default:
      return false;
  }
}

/**
 * Kubernetes `metav1.LabelSelector` semantics: every `matchLabels` pair and every
 * `matchExpressions` entry must hold; an absent selector matches everything.
 */
export function labelSelectorMatches(selector: JsonObject | null, labels: Labels): boolean {
  if (selector === null) {
    return true;
  }
  for (const [key, value] of Object.entries(stringMapAt(selector, 'matchLabels'))) {
    if (labels[key] !== value) {
      return false;
    }
  }
  return objectsAt(selector, 'matchExpressions').every((e) => expressionMatches(e, labels));
}

/** `klabels.SelectorFromSet(set).String()`: `k=v` pairs sorted by key, comma-joined. */
export function selectorString(selector: Labels | null): string {
  if (selector === null) {
    return '';
  }
  return Object.keys(selector)
    .sort()
    .map((key) => `${key}=${selector[key] ?? ''}`)
    .join(',');
}
