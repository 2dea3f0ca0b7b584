/**
 * A problem with the input that does not reject the snapshot (for example a kind meshlens has no
 * schema for). The object is stored; the warning travels with the snapshot.
 */
export interface InputWarning {
  /** Stable MESH0xxx code from INPUT_CODES. */
  readonly code: string;
  readonly file: string;
  /** 0-based document index in the file. */
  readonly document: number;
  /** 1-based line where the document (or, for a List, the List document) starts. */
  readonly line: number | null;
  readonly kind: string;
  readonly name: string;
  readonly message: string;
}
