import { isJsonObject, type JsonObject } from '../model/json.js';
import type { PathSegment } from '../diff/field-path.js';

/** One object found in a document, with its path from the document root (`items[3]` in a List). */
export interface ListedObject {
  readonly value: unknown;
  readonly path: readonly PathSegment[];
}

function listItems(value: unknown): { list: JsonObject; kind: string; items: unknown[] } | null {
  if (!isJsonObject(value)) {
    return null;
  }
  const { kind, items } = value;
  if (typeof kind !== 'string' || !kind.endsWith('List') || !Array.isArray(items)) {
    return null;
  }
  return { list: value, kind, items };
}

/**
 * Items of a typed list (`ServiceList`, as the API returns it) may omit apiVersion and kind:
 * they are the list's apiVersion and its kind without `List`. Items of `kind: List` must carry
 * their own.
 */
function withListType(item: unknown, list: JsonObject, kind: string): unknown {
  if (kind === 'List' || !isJsonObject(item) || item['kind'] !== undefined) {
    return item;
  }
  return { apiVersion: list['apiVersion'] ?? null, kind: kind.slice(0, -'List'.length), ...item };
}

/**
 * Flattens `kind: List` and any `*List` kind with `items` (kubectl does the same, recursively);
 * any other document is one object.
 */
export function expandLists(value: unknown, path: readonly PathSegment[] = []): ListedObject[] {
  const list = listItems(value);
  if (list === null) {
    return [{ value, path }];
  }
  return list.items.flatMap((item, index) =>
    expandLists(withListType(item, list.list, list.kind), [...path, 'items', index]),
  );
}
