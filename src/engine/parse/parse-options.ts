/** Guards against hostile or runaway input. Every limit is optional; defaults below. */
export interface ParseLimits {
  /** Objects in the whole snapshot, after `List` items are flattened. */
  readonly maxDocuments?: number;
  /** Nesting depth of mappings and sequences inside one document (the document itself is 1). */
  readonly maxDepth?: number;
  /** Alias references (`*name`) to mappings or sequences inside one document. */
  readonly maxAliases?: number;
}

export interface ParseOptions {
  /** Namespace given to namespaced objects that carry none (kubectl's `-n`, usually `default`). */
  readonly defaultNamespace: string;
  readonly limits?: ParseLimits;
}

export const DEFAULT_PARSE_LIMITS: Required<ParseLimits> = {
  maxDocuments: 250_000,
  maxDepth: 100,
  maxAliases: 1_000,
};

/**
 * Aliases make a document a graph; walking it as a tree (validation, hashing) visits a shared
 * node once per path to it. The "billion laughs" document has few aliases but an astronomic
 * tree, so the expanded size is capped too (go-yaml rejects such documents as "excessive aliasing").
 */
export const MAX_EXPANDED_NODES = 1_000_000;

export function resolveLimits(limits: ParseLimits | undefined): Required<ParseLimits> {
  return { ...DEFAULT_PARSE_LIMITS, ...limits };
}
