import { ENGINE_VERSION, type ImpactReport, type ReportFinding } from '../../engine/index.js';
import type { LocateFinding } from '../analyze-output/finding-location.js';
import { formatSarif } from '../analyze-output/format-sarif.js';

/** Where an object of the after snapshot was read from, when the manifests were local. */
export interface ObjectLocation {
  readonly file: string;
  readonly line: number;
}

/** The engine's rule-level finding, as the SARIF writer takes it. */
type Finding = Parameters<typeof formatSarif>[0][number];

export type LocateObject = (resource: ReportFinding['resource']) => ObjectLocation | undefined;

/**
 * The report's findings carry what the contract prints, not the rule-level fields of an engine
 * `Finding`; the SARIF writer only reads the printed ones (code, levels, resource, path, line,
 * message), so the rest is filled neutrally. The API group is unknown here and is left ''.
 */
function asFinding(finding: ReportFinding): Finding {
  const { kind, namespace, name } = finding.resource;
  return {
    ...finding,
    ruleId: '',
    resourceKey: { group: '', kind, namespace, name },
    params: {},
  };
}

/**
 * The introduced findings as SARIF 2.1.0, through `meshlens analyze`'s writer
 * (src/cli/analyze-output/format-sarif.ts): rules from the catalog, one result per finding.
 * Locations point at the after snapshot's file of the object (offline mode only).
 */
export function findingsToSarif(
  report: ImpactReport,
  locate: LocateObject = () => undefined,
): string {
  const locateFinding: LocateFinding = (finding) => {
    const found = locate(finding.resource);
    return { file: found?.file ?? null, line: finding.line ?? found?.line ?? null };
  };
  return formatSarif(report.findings.introduced.map(asFinding), locateFinding, ENGINE_VERSION);
}
