/** The parts of a report body, each rendered on demand at the detail a plan asks for. */
export interface ReportSections {
  readonly verdict: string;
  readonly impact: (cap: number | null) => string;
  readonly chart: string;
  readonly table: string;
  readonly details: (withFields: boolean) => string;
  readonly hasFieldDiffs: boolean;
  /** Link to the complete report, or a sentence saying how to get it. */
  readonly fullReport: { readonly url: string } | { readonly hint: string };
}

interface Plan {
  readonly fields: boolean;
  readonly details: boolean;
  readonly chart: boolean;
  readonly cap: number | null;
}

/**
 * What goes first when the body is too long (issue 6): field diffs, then the per-namespace
 * details, then the chart, then list entries beyond the first N. The verdict and the Impact
 * section are always kept.
 */
const SMALLEST: Plan = { fields: false, details: false, chart: false, cap: 1 };
const PLANS: readonly Plan[] = [
  { fields: true, details: true, chart: true, cap: null },
  { fields: false, details: true, chart: true, cap: null },
  { fields: false, details: false, chart: true, cap: null },
  { fields: false, details: false, chart: false, cap: null },
  ...[1000, 300, 100, 30, 10, 3].map((cap) => ({
    fields: false,
    details: false,
    chart: false,
    cap,
  })),
  SMALLEST,
];

function cutParts(plan: Plan, sections: ReportSections): string[] {
  const parts: string[] = [];
  if (!plan.fields && sections.hasFieldDiffs) {
    parts.push('field-level diffs');
  }
  if (!plan.details) {
    parts.push('per-namespace details');
  }
  if (!plan.chart && sections.chart !== '') {
    parts.push('the traffic chart');
  }
  if (plan.cap !== null) {
    parts.push(`list entries after the first ${String(plan.cap)}`);
  }
  return parts;
}

function fullReportText(sections: ReportSections): string {
  return 'url' in sections.fullReport
    ? `[Full report](${sections.fullReport.url})`
    : sections.fullReport.hint;
}

function notice(plan: Plan, sections: ReportSections, budget: number): string {
  const parts = cutParts(plan, sections);
  if (parts.length === 0) {
    return '';
  }
  return `> **Shortened to stay under ${String(budget)} characters**: left out ${parts.join(', ')}. ${fullReportText(sections)}.`;
}

function assemble(plan: Plan, sections: ReportSections, budget: number): string {
  const link = 'url' in sections.fullReport ? fullReportText(sections) : '';
  return [
    sections.verdict,
    notice(plan, sections, budget),
    sections.impact(plan.cap),
    plan.chart ? sections.chart : '',
    sections.table,
    plan.details ? sections.details(plan.fields) : '',
    link,
  ]
    .filter((part) => part !== '')
    .join('\n\n')
    .concat('\n');
}

/** Last resort: the verdict and the notice, then as many whole lines as fit. */
function hardCut(text: string, head: string, budget: number): string {
  const tail = '\n\n> **Cut here**: the rest did not fit.\n';
  const room = Math.max(0, budget - head.length - tail.length);
  const body = text.slice(head.length, head.length + room);
  const lastLine = body.lastIndexOf('\n');
  return head + (lastLine < 0 ? '' : body.slice(0, lastLine)) + tail;
}

/** The most detailed rendering that fits `budget` characters. */
export function fitToBudget(sections: ReportSections, budget: number): string {
  let text = '';
  for (const plan of PLANS) {
    text = assemble(plan, sections, budget);
    if (text.length <= budget) {
      return text;
    }
  }
  const head = `${sections.verdict}\n\n${notice(SMALLEST, sections, budget)}`;
  return head.length >= budget ? head.slice(0, budget) : hardCut(text, head, budget);
}
