/** Input text handed to the engine: the caller (CLI, service) reads files, the engine never does. */
export interface SourceFile {
  /** Path or label used in error messages (relative paths read best). */
  readonly name: string;
  readonly text: string;
}
