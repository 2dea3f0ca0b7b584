import { REDACTED } from '../diff/resource-change.js';
import type {
  ImpactReport,
  ReportFieldChange,
  ReportFinding,
  ReportResourceChange,
} from '../impact/impact-report.js';

/**
 * Secret values are stripped at ingest and redacted again by the diff. This is the last line
 * of defence before a report leaves the process (PR comment, step summary, JSON, SARIF): even
 * a report that carries Secret field values gets them replaced here. Any kind named `Secret`
 * counts, whatever its group: being wrong costs a hidden value, never a leaked one.
 */
export function isSecretKind(kind: string): boolean {
  return kind.toLowerCase() === 'secret';
}

export const WITHHELD_MESSAGE = 'message withheld: the finding is about a Secret';

function redactField(field: ReportFieldChange): ReportFieldChange {
  return {
    path: field.path,
    ...('before' in field ? { before: REDACTED } : {}),
    ...('after' in field ? { after: REDACTED } : {}),
  };
}

function redactResource(resource: ReportResourceChange): ReportResourceChange {
  return isSecretKind(resource.kind)
    ? { ...resource, fields: resource.fields.map(redactField) }
    : resource;
}

function redactFinding(finding: ReportFinding): ReportFinding {
  return isSecretKind(finding.resource.kind) ? { ...finding, message: WITHHELD_MESSAGE } : finding;
}

/** The same report with every Secret field value replaced by `<redacted>`. */
export function redactReportSecrets(report: ImpactReport): ImpactReport {
  return {
    ...report,
    resources: report.resources.map(redactResource),
    findings: {
      introduced: report.findings.introduced.map(redactFinding),
      resolved: report.findings.resolved.map(redactFinding),
    },
  };
}
