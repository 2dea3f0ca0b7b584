import type { InputError } from '../engine/index.js';

/** `file:line:column: path: message [CODE]`, the way compilers print located errors. */
export function formatInputErrorText(error: InputError): string {
  const where = [error.file, error.line, error.column].filter((part) => part !== null).join(':');
  // Schema messages already start with their path, Kubernetes style.
  const path = error.path === '' || error.message.startsWith(error.path) ? '' : `${error.path}: `;
  const doc = error.document === null ? '' : ` (document ${error.document})`;
  return `${where}: ${path}${error.message} [${error.code}]${doc}`;
}

/** The `{ "error": {...} }` object of contracts/impact-report.md. */
export function inputErrorJson(error: InputError): { error: InputError } {
  return { error };
}
