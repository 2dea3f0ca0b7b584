import { type Finding, type Resource, resourceId } from '../../engine/index.js';

/** Where a finding points in the input files (the file is known from the object's source). */
export interface FindingLocation {
  readonly file: string | null;
  readonly line: number | null;
}

export type LocateFinding = (finding: Finding) => FindingLocation;

export function locateFindings(resources: readonly Resource[]): LocateFinding {
  const files = new Map<string, string>();
  for (const resource of resources) {
    if (resource.source !== undefined) {
      files.set(resourceId(resource.key), resource.source.file);
    }
  }
  return (finding) => ({
    file: files.get(resourceId(finding.resourceKey)) ?? null,
    line: finding.line ?? null,
  });
}
