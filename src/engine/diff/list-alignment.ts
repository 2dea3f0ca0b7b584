import { isJsonObject, type JsonValue } from '../model/json.js';
import { canonicalJson } from './canonical-json.js';
import type { ListKeyName } from './order-insensitive-paths.js';

function field(item: JsonValue, name: string): JsonValue | undefined {
  return isJsonObject(item) ? item[name] : undefined;
}

/**
 * Key of an item of an order-insensitive list (normalised values: a `protocol: TCP` default has
 * been removed, hence the `?? 'TCP'`). Items lacking their key field are keyed by content.
 */
export function listItemKey(
  keyName: ListKeyName,
  item: JsonValue,
  contentOf: (item: JsonValue) => string = canonicalJson,
): string {
  const text = (value: JsonValue | undefined): string | undefined =>
    typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
  let key: string | undefined;
  switch (keyName) {
    case 'value':
      key = undefined;
      break;
    case 'name':
      key = text(field(item, 'name'));
      break;
    case 'portProtocol':
      key = text(field(item, 'port'));
      key = key === undefined ? key : `${key}/${text(field(item, 'protocol')) ?? 'TCP'}`;
      break;
    case 'containerPort':
      key = text(field(item, 'containerPort'));
      key = key === undefined ? key : `${key}/${text(field(item, 'protocol')) ?? 'TCP'}`;
      break;
  }
  return key === undefined ? `=${contentOf(item)}` : `#${key}`;
}

export interface ListAlignment {
  /** [before index, after index] of paired items. */
  readonly pairs: readonly (readonly [number, number])[];
  readonly removed: readonly number[];
  readonly added: readonly number[];
}

interface Candidate {
  readonly index: number;
  readonly content: string;
  taken: boolean;
}

function takeCandidate(
  candidates: readonly Candidate[] | undefined,
  content: string | null,
): number | undefined {
  const found = candidates?.find((c) => !c.taken && (content === null || c.content === content));
  if (found === undefined) {
    return undefined;
  }
  found.taken = true;
  return found.index;
}

/**
 * Pairs items of two versions of an order-insensitive list by key. Within one key, items with
 * identical content pair first, then the rest in list order; so the lists align without changes
 * exactly when they are equal as multisets (what `canonicalForm`'s sort assumes).
 */
export function alignByKey(
  before: readonly JsonValue[],
  after: readonly JsonValue[],
  keyName: ListKeyName,
  contentOf: (item: JsonValue) => string = canonicalJson,
): ListAlignment {
  const groups = new Map<string, Candidate[]>();
  before.forEach((item, index) => {
    const content = contentOf(item);
    const key = listItemKey(keyName, item, () => content);
    const group = groups.get(key) ?? [];
    group.push({ index, content, taken: false });
    groups.set(key, group);
  });
  const afterContents = after.map(contentOf);
  const afterKeys = after.map((item, j) =>
    listItemKey(keyName, item, () => afterContents[j] ?? ''),
  );
  const partner: (number | undefined)[] = after.map((_item, j) =>
    takeCandidate(groups.get(afterKeys[j] ?? ''), afterContents[j] ?? ''),
  );
  after.forEach((_item, j) => {
    partner[j] ??= takeCandidate(groups.get(afterKeys[j] ?? ''), null);
  });
  const pairs: (readonly [number, number])[] = [];
  const added: number[] = [];
  partner.forEach((i, j) => (i === undefined ? added.push(j) : pairs.push([i, j])));
  const removed = [...groups.values()]
    .flat()
    .filter((c) => !c.taken)
    .map((c) => c.index);
  return { pairs, removed: removed.sort((a, b) => a - b), added };
}
