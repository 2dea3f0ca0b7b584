/** One step into a document: a mapping key or a sequence index. */
export type PathSegment = string | number;

const PLAIN_KEY = /^[A-Za-z_$][\w$-]*$/;

/**
 * Formats a path the way Kubernetes field errors print it (`spec.http[0].route[1].weight`);
 * keys that are not plain identifiers go in brackets (`metadata.annotations[a.b/c]`), like
 * `field.Path.Key`. Same form as the parse stage's error paths.
 */
export function formatFieldPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') {
      out += `[${segment}]`;
    } else if (PLAIN_KEY.test(segment)) {
      out += out === '' ? segment : `.${segment}`;
    } else {
      out += `[${segment}]`;
    }
  }
  return out;
}
