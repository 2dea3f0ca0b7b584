import { objectAt, stringMapAt } from '../rules/shared/json.js';
import type { Resource, ResourceKey } from '../model/resource.js';
import { resourceId } from '../model/resource.js';
import type { Finding } from '../rules/finding.js';
import type { Suppression } from './analyze-options.js';
import { codesOf } from './validation-settings.js';

/** istio/api annotation `galley.istio.io/analyze-suppress`: comma-separated codes, or `*`. */
export const ISTIO_SUPPRESS_ANNOTATION = 'galley.istio.io/analyze-suppress';
/**
 * Kiali ignores codes globally (`kiali_feature_flags.validations.ignore`: use `disabledCodes`);
 * meshlens also reads this per-object annotation with the same list syntax.
 */
export const KIALI_IGNORE_ANNOTATION = 'kiali.io/ignore-validations';

/** Looks an object up by its key (the pipeline's snapshot index). */
export type ResourceLookup = (key: ResourceKey) => Resource | undefined;

function parseList(value: string | undefined): Set<string> {
  return new Set(
    (value ?? '')
      .split(',')
      .map((c) => c.trim())
      .filter((c) => c !== ''),
  );
}

/** Per-object suppression sets, read lazily for the objects that have findings. */
function annotationSuppressions(lookup: ResourceLookup): (key: ResourceKey) => Set<string> {
  const memo = new Map<string, Set<string>>();
  return (key) => {
    const id = resourceId(key);
    let set = memo.get(id);
    if (set === undefined) {
      const metadata = objectAt(lookup(key)?.body ?? null, 'metadata');
      const annotations = stringMapAt(metadata, 'annotations');
      set = parseList(annotations[ISTIO_SUPPRESS_ANNOTATION]);
      for (const code of parseList(annotations[KIALI_IGNORE_ANNOTATION])) {
        set.add(code);
      }
      memo.set(id, set);
    }
    return set;
  };
}

function suppressionKey(code: string, kind: string, namespace: string, name: string): string {
  return `${code}\u0000${kind}\u0000${namespace}\u0000${name}`;
}

/**
 * Drops findings suppressed by an object annotation (applied in the pipeline, never in rules —
 * STYLE §5), by a disabled code, or by an explicit `--suppress CODE=Kind ns/name`.
 */
export function applySuppressions(
  findings: readonly Finding[],
  lookup: ResourceLookup,
  disabledCodes: readonly string[],
  explicit: readonly Suppression[],
): Finding[] {
  const disabled = new Set(disabledCodes);
  const pinned = new Set(explicit.map((s) => suppressionKey(s.code, s.kind, s.namespace, s.name)));
  const annotated = annotationSuppressions(lookup);
  return findings.filter((finding) => {
    const codes = codesOf(finding);
    if (codes.some((c) => disabled.has(c))) {
      return false;
    }
    const { kind, namespace, name } = finding.resource;
    if (codes.some((c) => pinned.has(suppressionKey(c, kind, namespace, name)))) {
      return false;
    }
    const fromAnnotation = annotated(finding.resourceKey);
    return !(fromAnnotation.has('*') || codes.some((c) => fromAnnotation.has(c)));
  });
}
