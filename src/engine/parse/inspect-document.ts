import type { PathSegment } from '../diff/field-path.js';
import { MAX_EXPANDED_NODES, type ParseLimits } from './parse-options.js';

export interface DocumentProblem {
  readonly code: 'limitExceeded' | 'yamlSyntax';
  readonly path: readonly PathSegment[];
  readonly message: string;
}

type Finding = 'depth' | 'non-finite' | null;

/** Fast pass: no path bookkeeping, stops at the first finding. */
function scan(node: unknown, depth: number, maxDepth: number): Finding {
  if (typeof node !== 'object' || node === null) {
    return typeof node === 'number' && !Number.isFinite(node) ? 'non-finite' : null;
  }
  if (depth > maxDepth) {
    return 'depth';
  }
  if (Array.isArray(node)) {
    for (const item of node as unknown[]) {
      const found = scan(item, depth + 1, maxDepth);
      if (found !== null) {
        return found;
      }
    }
    return null;
  }
  const record = node as Record<string, unknown>;
  for (const key in record) {
    const found = scan(record[key], depth + 1, maxDepth);
    if (found !== null) {
      return found;
    }
  }
  return null;
}

function childrenOf(node: object): [PathSegment, unknown][] {
  return Array.isArray(node)
    ? node.map((item: unknown, index): [PathSegment, unknown] => [index, item])
    : Object.entries(node);
}

/** Slow pass, on the error path only: the path to the first finding. */
function locate(node: unknown, depth: number, maxDepth: number, path: PathSegment[]): boolean {
  if (typeof node !== 'object' || node === null) {
    return typeof node === 'number' && !Number.isFinite(node);
  }
  if (depth > maxDepth) {
    return true;
  }
  for (const [key, child] of childrenOf(node)) {
    path.push(key);
    if (locate(child, depth + 1, maxDepth, path)) {
      return true;
    }
    path.pop();
  }
  return false;
}

/** Counts alias references (js-yaml shares aliased nodes) and the size once they are expanded. */
function measureAliases(
  node: unknown,
  sizes: Map<object, number>,
  counter: { aliases: number },
): number {
  if (typeof node !== 'object' || node === null) {
    return 1;
  }
  const known = sizes.get(node);
  if (known !== undefined) {
    counter.aliases += 1;
    return known;
  }
  let size = 1;
  for (const [, child] of childrenOf(node)) {
    size += measureAliases(child, sizes, counter);
  }
  sizes.set(node, size);
  return size;
}

function aliasProblem(value: unknown, limits: Required<ParseLimits>): DocumentProblem | null {
  const counter = { aliases: 0 };
  const size = measureAliases(value, new Map(), counter);
  if (counter.aliases > limits.maxAliases) {
    return {
      code: 'limitExceeded',
      path: [],
      message: `more than ${limits.maxAliases} aliases in one document`,
    };
  }
  if (size > MAX_EXPANDED_NODES) {
    const message = `aliases expand the document to more than ${MAX_EXPANDED_NODES} nodes`;
    return { code: 'limitExceeded', path: [], message };
  }
  return null;
}

/**
 * Text that can produce a number JSON cannot hold. Only `.inf` and `.nan` can: js-yaml 4 leaves
 * out-of-range literals such as `1e999` as strings.
 */
const NON_FINITE = /\.(?:inf|Inf|INF|nan|NaN|NAN)/;
const leadingRuns = new Map<number, { readonly first: RegExp; readonly other: RegExp }>();

/** Whether the text has a line whose indentation and indicators (`- `, `? `) reach `length`. */
function hasLeadingRun(text: string, length: number): boolean {
  let patterns = leadingRuns.get(length);
  if (patterns === undefined) {
    // `\n` first (not `(?:^|\n)`): a literal first character lets the regex engine skip ahead.
    patterns = {
      first: new RegExp(`^[ \\t?:-]{${length}}`),
      other: new RegExp(`\n[ \\t?:-]{${length}}`),
    };
    leadingRuns.set(length, patterns);
  }
  return patterns.first.test(text) || patterns.other.test(text);
}

/**
 * Whether the text can hold a collection nested deeper than `maxDepth` (aliases aside). In block
 * style every level below the root starts at least one column further right (a sequence in a
 * mapping may share its key's indentation but its items then start after `- `), so depth is at
 * most the widest leading run of blanks and indicators plus two, plus one per flow `[` or `{`.
 * Checking this bound with native string search spares the object walk for ordinary documents.
 */
function mayExceedDepth(text: string, maxDepth: number): boolean {
  let budget = maxDepth - 2;
  for (const opener of ['[', '{']) {
    for (let at = text.indexOf(opener); at >= 0 && budget > 0; at = text.indexOf(opener, at + 1)) {
      budget -= 1;
    }
  }
  return budget <= 0 || hasLeadingRun(text, budget);
}

/**
 * Checks one parsed document against the limits: nesting depth, and, when its text defines an
 * anchor and uses an alias (`&a` ... `*a`), the alias count and the size once aliases are expanded
 * (the "billion laughs" document has few aliases but an astronomic tree). Also refuses `.inf` and
 * `.nan`, which JSON cannot hold. The object walk only runs when the text could break a limit
 * (see mayExceedDepth); paths are only computed on failure.
 */
export function inspectDocument(
  value: unknown,
  limits: Required<ParseLimits>,
  text: string,
): DocumentProblem | null {
  // Aliases first: js-yaml shares aliased nodes, so a tree walk could be exponential before it.
  const hasAliases = text.includes('&') && text.includes('*');
  const aliases = hasAliases ? aliasProblem(value, limits) : null;
  if (aliases !== null) {
    return aliases;
  }
  const mustWalk = hasAliases || NON_FINITE.test(text) || mayExceedDepth(text, limits.maxDepth);
  const finding = mustWalk ? scan(value, 1, limits.maxDepth) : null;
  if (finding !== null) {
    const path: PathSegment[] = [];
    locate(value, 1, limits.maxDepth, path);
    return finding === 'depth'
      ? { code: 'limitExceeded', path, message: `nesting deeper than ${limits.maxDepth} levels` }
      : { code: 'yamlSyntax', path, message: '.inf and .nan have no JSON representation' };
  }
  return null;
}
