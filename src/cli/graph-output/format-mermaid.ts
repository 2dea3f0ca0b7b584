import type { TrafficGraph, TrafficNode } from './traffic-graph.js';

/** Mermaid label text: quotes and markup characters as entity codes. */
function escape(text: string): string {
  return text.replace(/"/g, '#quot;').replace(/</g, '#lt;').replace(/>/g, '#gt;');
}

function shape(node: TrafficNode, label: string): string {
  switch (node.kind) {
    case 'external':
      return `{{"${label}"}}`;
    case 'host':
      return `(["${label}"])`;
    case 'workload':
      return `["${label}"]`;
  }
}

/** Mermaid flowchart of the traffic graph; node ids are `n<index>` in node order. */
export function formatMermaid(graph: TrafficGraph): string {
  const ids = new Map<string, string>();
  const lines = ['flowchart LR'];
  graph.nodes.forEach((node, index) => {
    const id = `n${String(index)}`;
    ids.set(node.id, id);
    lines.push(`  ${id}${shape(node, escape(node.label))}`);
  });
  for (const edge of graph.edges) {
    const label = edge.label === '' ? '' : `|"${escape(edge.label)}"|`;
    lines.push(`  ${ids.get(edge.from) ?? ''} -->${label} ${ids.get(edge.to) ?? ''}`);
  }
  const unreachable = graph.nodes.filter((n) => n.unreachable).map((n) => ids.get(n.id) ?? '');
  if (unreachable.length > 0) {
    lines.push('  classDef unreachable stroke-dasharray: 5 5');
    lines.push(`  class ${unreachable.join(',')} unreachable`);
  }
  return `${lines.join('\n')}\n`;
}
