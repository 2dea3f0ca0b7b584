/**
 * R3 — exportTo visibility (istio/istio:pkg/config/visibility/visibility.go@86c9f01f;
 * `IsServiceVisible`, `initDefaultExportMaps`, P/model/push_context.go). Values: `*` everyone,
 * `.` own namespace, a namespace name, `~` nobody.
 */
export interface ExportTo {
  readonly isPublic: boolean;
  readonly isNone: boolean;
  /** Named namespaces, with `.` already replaced by the owner's namespace. */
  readonly namespaces: ReadonlySet<string>;
  /** The values as written (or the mesh default when none were), for merge equality (R7). */
  readonly raw: readonly string[];
  /** True when the object had no exportTo and the mesh default applied. */
  readonly isDefault: boolean;
}

export function parseExportTo(
  values: readonly string[],
  ownNamespace: string,
  meshDefault: readonly string[],
): ExportTo {
  const isDefault = values.length === 0;
  const raw = (isDefault ? meshDefault : values).map((v) => v.trim()).filter((v) => v !== '');
  const namespaces = new Set<string>();
  for (const value of raw) {
    if (value !== '*' && value !== '~') {
      namespaces.add(value === '.' ? ownNamespace : value);
    }
  }
  const isPublic = raw.includes('*') || raw.length === 0;
  return { isPublic, isNone: !isPublic && raw.includes('~'), namespaces, raw, isDefault };
}

export function isExportedTo(exportTo: ExportTo, namespace: string): boolean {
  if (exportTo.isPublic) {
    return true;
  }
  return !exportTo.isNone && exportTo.namespaces.has(namespace);
}

/** Set equality of the raw values, as `exportToSet.Equals` does. */
export function exportToEquals(a: ExportTo, b: ExportTo): boolean {
  const left = new Set(a.raw);
  const right = new Set(b.raw);
  return left.size === right.size && [...left].every((v) => right.has(v));
}

/** Strict superset of the raw values (`SupersetOf` with different sets). */
export function exportToStrictSuperset(a: ExportTo, b: ExportTo): boolean {
  const left = new Set(a.raw);
  const right = new Set(b.raw);
  return right.size > 0 && left.size > right.size && [...right].every((v) => left.has(v));
}
