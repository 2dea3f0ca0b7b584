import { codeFence } from './markdown-text.js';
import { compareText } from './report-order.js';
import type {
  PathStatus,
  TrafficEdge,
  TrafficGraph,
  TrafficNode,
  TrafficNodeKind,
} from './traffic-graph.js';

/** GitHub refuses to draw charts with too many links; past this the chart says what it left out. */
export const MAX_CHART_EDGES = 80;

const STATUS_RANK: Readonly<Record<PathStatus, number>> = {
  lost: 0,
  gained: 1,
  changed: 2,
  unchanged: 3,
};

const CLASS_DEFS = [
  'classDef lost fill:#ffebe9,stroke:#cf222e,color:#82071e',
  'classDef gained fill:#dafbe1,stroke:#1a7f37,color:#116329',
  'classDef changed fill:#fff8c5,stroke:#9a6700,color:#4d2d00',
];

const LINK_STYLES: Readonly<Partial<Record<PathStatus, string>>> = {
  lost: 'stroke:#cf222e,stroke-width:2px,stroke-dasharray:5 5',
  gained: 'stroke:#1a7f37,stroke-width:2px',
  changed: 'stroke:#9a6700,stroke-width:2px',
};

const SHAPES: Readonly<Record<TrafficNodeKind, readonly [string, string]>> = {
  gateway: ['{{', '}}'],
  host: ['([', '])'],
  route: ['[', ']'],
  destination: ['[[', ']]'],
  workload: ['(', ')'],
};

/** Mermaid entity codes for every character that could end a label or start markup. */
export function mermaidLabel(text: string): string {
  return text
    .replace(/#/g, '#35;')
    .replace(/"/g, '#quot;')
    .replace(/</g, '#lt;')
    .replace(/>/g, '#gt;')
    .replace(/&/g, '#38;')
    .replace(/`/g, '#96;')
    .replace(/[\r\n\t]+/g, ' ');
}

function compareEdges(a: TrafficEdge, b: TrafficEdge): number {
  return (
    STATUS_RANK[a.status] - STATUS_RANK[b.status] ||
    compareText(a.from, b.from) ||
    compareText(a.to, b.to)
  );
}

function nodeLine(id: string, node: TrafficNode): string {
  const [open, close] = SHAPES[node.kind];
  return `  ${id}${open}"${mermaidLabel(node.label)}"${close}`;
}

function edgeLine(edge: TrafficEdge, ids: ReadonlyMap<string, string>): string {
  const arrow = edge.inferred ? '-.->' : '-->';
  const label = edge.label === '' ? '' : `|"${mermaidLabel(edge.label)}"|`;
  return `  ${ids.get(edge.from) ?? ''} ${arrow}${label} ${ids.get(edge.to) ?? ''}`;
}

function styleLines(
  nodes: readonly TrafficNode[],
  edges: readonly TrafficEdge[],
  ids: ReadonlyMap<string, string>,
): string[] {
  const lines = [...CLASS_DEFS.map((line) => `  ${line}`)];
  for (const status of ['lost', 'gained', 'changed'] as const) {
    const members = nodes
      .filter((node) => node.status === status)
      .map((node) => ids.get(node.key) ?? '');
    if (members.length > 0) {
      lines.push(`  class ${members.join(',')} ${status}`);
    }
    const indexes = edges.flatMap((edge, index) => (edge.status === status ? [String(index)] : []));
    const style = LINK_STYLES[status];
    if (indexes.length > 0 && style !== undefined) {
      lines.push(`  linkStyle ${indexes.join(',')} ${style}`);
    }
  }
  return lines;
}

/**
 * A `flowchart LR` of the affected paths. Node ids are `n0`, `n1`, … in key order, so no name
 * can break the syntax; names appear only in quoted labels through {@link mermaidLabel}. Lost
 * links are red and dashed, new ones green, shifted ones amber (classDef + linkStyle, which
 * both GitHub and GitLab honour).
 */
export function renderTrafficChart(graph: TrafficGraph, maxEdges = MAX_CHART_EDGES): string {
  const allEdges = [...graph.edges].sort(compareEdges);
  const edges = allEdges.slice(0, maxEdges);
  const used = new Set(edges.flatMap((edge) => [edge.from, edge.to]));
  const isolated = [...graph.nodes.values()]
    .filter((node) => !used.has(node.key) && node.status !== 'unchanged')
    .sort((a, b) => compareText(a.key, b.key))
    .slice(0, Math.max(0, maxEdges - edges.length));
  const nodes = [...graph.nodes.values()]
    .filter((node) => used.has(node.key))
    .concat(isolated)
    .sort((a, b) => compareText(a.key, b.key));
  if (nodes.length === 0) {
    return '';
  }
  const ids = new Map(nodes.map((node, index) => [node.key, `n${String(index)}`]));
  const chart = codeFence('mermaid', [
    'flowchart LR',
    ...nodes.map((node) => nodeLine(ids.get(node.key) ?? '', node)),
    ...edges.map((edge) => edgeLine(edge, ids)),
    ...styleLines(nodes, edges, ids),
  ]);
  return ['### Traffic paths', '', ...captions(allEdges.length, edges), chart].join('\n');
}

function captions(total: number, shown: readonly TrafficEdge[]): string[] {
  const lines = ['Red dashed: traffic lost · green: new traffic · amber: shifted or changed.'];
  if (shown.some((edge) => edge.inferred)) {
    lines.push(
      'Dotted links from a subset to a workload are inferred from the `<service>-<subset>` naming convention.',
    );
  }
  if (total > shown.length) {
    lines.push(`The chart shows ${String(shown.length)} of ${String(total)} links.`);
  }
  return [lines.join(' '), ''];
}
