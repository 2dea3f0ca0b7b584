import type { Resource } from '../model/resource.js';
import type { SourceFile } from '../model/source-file.js';
import type { PathSegment } from '../rules/shared/field-path.js';
import { locatePath } from '../parse/locate-path.js';
import { type DocumentSegment, splitDocuments } from '../parse/split-documents.js';
import type { FieldLocator } from './analyze-options.js';

const TOKEN = /([^.[\]]+)|\[([^\]]*)\]/g;

/** `spec.http[0].route[1]` / `metadata.annotations[a.b/c]` → path segments. */
export function parseFieldPath(path: string): PathSegment[] {
  const out: PathSegment[] = [];
  for (const match of path.matchAll(TOKEN)) {
    const plain = match[1];
    const bracket = match[2];
    if (plain !== undefined) {
      out.push(plain);
    } else if (bracket !== undefined) {
      out.push(/^\d+$/.test(bracket) ? Number(bracket) : bracket);
    }
  }
  return out;
}

/**
 * Locates finding paths in the source files, lazily: a file is cut into documents the first time
 * one of its objects has a finding, and only that document is re-parsed with positions (the
 * parse stage's error-path locator). Returns null when the object has no source or the path
 * cannot be followed, so callers fall back to the document's first line.
 */
export function createFieldLocator(files: readonly SourceFile[]): FieldLocator {
  const texts = new Map(files.map((f) => [f.name, f.text]));
  const segments = new Map<string, ReadonlyMap<number, DocumentSegment>>();
  const segmentOf = (file: string, document: number): DocumentSegment | undefined => {
    let byIndex = segments.get(file);
    if (byIndex === undefined) {
      const text = texts.get(file);
      byIndex = new Map((text === undefined ? [] : splitDocuments(text)).map((s) => [s.index, s]));
      segments.set(file, byIndex);
    }
    return byIndex.get(document);
  };
  return (resource: Resource, path: string) => {
    const source = resource.source;
    const segment = source === undefined ? undefined : segmentOf(source.file, source.document);
    if (segment === undefined) {
      return null;
    }
    return locatePath(segment, parseFieldPath(path))?.line ?? null;
  };
}

/**
 * The field locator of an impact run: the base's findings (resolved) are located in the base's
 * files, the target's (introduced) in the target's, even when both sides use the same file names
 * (`before/` and `after/` renders of one repository).
 */
export function createImpactFieldLocator(
  base: { readonly files: readonly SourceFile[] },
  target: { readonly files: readonly SourceFile[]; readonly resources: readonly Resource[] },
): FieldLocator {
  const inTarget = new Set(target.resources);
  const locateBase = createFieldLocator(base.files);
  const locateTarget = createFieldLocator(target.files);
  return (resource, path) =>
    inTarget.has(resource) ? locateTarget(resource, path) : locateBase(resource, path);
}
