import type { JsonObject } from '../model/json.js';
import { objectAt } from '../rules/shared/json.js';
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

/** An annotation's value as text (scalars only, as `stringMapAt` reads them). */
function annotation(annotations: JsonObject | null, name: string): string | undefined {
  const raw = annotations?.[name];
  return typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean'
    ? String(raw)
    : undefined;
}

/**
 * Per-object suppression sets, read lazily for the objects that have findings; memoised by key
 * object (a rule reports with its resource's own key) and, for other key objects, by id.
 */
function annotationSuppressions(lookup: ResourceLookup): (key: ResourceKey) => Set<string> {
  const byKey = new Map<ResourceKey, Set<string>>();
  const byId = new Map<string, Set<string>>();
  return (key) => {
    const known = byKey.get(key);
    if (known !== undefined) {
      return known;
    }
    const id = resourceId(key);
    let set = byId.get(id);
    if (set === undefined) {
      const annotations = objectAt(objectAt(lookup(key)?.body ?? null, 'metadata'), 'annotations');
      set = parseList(annotation(annotations, ISTIO_SUPPRESS_ANNOTATION));
      for (const code of parseList(annotation(annotations, KIALI_IGNORE_ANNOTATION))) {
        set.add(code);
      }
      byId.set(id, set);
    }
    byKey.set(key, set);
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
  const byCodeOnly = disabled.size === 0 && pinned.size === 0;
  return findings.filter((finding) => {
    const fromAnnotation = annotated(finding.resourceKey);
    if (byCodeOnly && fromAnnotation.size === 0) {
      return true;
    }
    const codes = codesOf(finding);
    if (codes.some((c) => disabled.has(c))) {
      return false;
    }
    const { kind, namespace, name } = finding.resource;
    if (codes.some((c) => pinned.has(suppressionKey(c, kind, namespace, name)))) {
      return false;
    }
    return !(fromAnnotation.has('*') || codes.some((c) => fromAnnotation.has(c)));
  });
}
