/**
 * A located problem with the input: the snapshot is rejected and nothing is stored.
 * This is the `{ "error": {...} }` object of contracts/impact-report.md, with `code` and
 * `document` added.
 */
export interface InputError {
  /** Stable MESH0xxx code (parse and schema family). */
  readonly code: string;
  readonly file: string;
  /** 0-based document index in the file, when the problem is inside a document. */
  readonly document: number | null;
  /** 1-based line and column, when known. */
  readonly line: number | null;
  readonly column: number | null;
  /** Field path such as `spec.http[0].route[1].weight`; '' for the document itself. */
  readonly path: string;
  readonly message: string;
}
