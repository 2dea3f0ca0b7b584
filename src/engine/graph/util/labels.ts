/** Labels and label selectors (`matchLabels` semantics: every selector pair must be present). */
export type Labels = Readonly<Record<string, string>>;

export const NO_LABELS: Labels = Object.freeze({});

export function isSelectorEmpty(selector: Labels | null): boolean {
  return selector === null || Object.keys(selector).length === 0;
}

/** `selector ⊆ labels`; an empty selector matches everything (callers decide what empty means). */
export function selectorMatches(selector: Labels | null, labels: Labels): boolean {
  if (selector === null) {
    return true;
  }
  for (const [key, value] of Object.entries(selector)) {
    if (labels[key] !== value) {
      return false;
    }
  }
  return true;
}

export function labelsEqual(a: Labels | null, b: Labels | null): boolean {
  const left = a ?? NO_LABELS;
  const right = b ?? NO_LABELS;
  const keys = Object.keys(left);
  return keys.length === Object.keys(right).length && keys.every((k) => left[k] === right[k]);
}

/**
 * Inverted index `key=value → items`, so a selector is answered from its rarest pair instead of
 * scanning every item.
 */
export class LabelIndex<T extends { readonly labels: Labels }> {
  private readonly postings = new Map<string, T[]>();
  private readonly all: T[] = [];

  add(item: T): void {
    this.all.push(item);
    for (const [key, value] of Object.entries(item.labels)) {
      const posting = `${key}\u0000${value}`;
      const list = this.postings.get(posting);
      if (list === undefined) {
        this.postings.set(posting, [item]);
      } else {
        list.push(item);
      }
    }
  }

  items(): readonly T[] {
    return this.all;
  }

  /** Items whose labels ⊇ selector; an empty selector returns every item. */
  select(selector: Labels): readonly T[] {
    let smallest: readonly T[] | null = null;
    for (const [key, value] of Object.entries(selector)) {
      const list = this.postings.get(`${key}\u0000${value}`) ?? [];
      if (smallest === null || list.length < smallest.length) {
        smallest = list;
      }
    }
    if (smallest === null) {
      return this.all;
    }
    return smallest.filter((item) => selectorMatches(selector, item.labels));
  }
}
