import type { TrafficGraph, TrafficNode } from './traffic-graph.js';

function quote(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

function nodeAttributes(node: TrafficNode): string {
  const shape = node.kind === 'external' ? 'diamond' : node.kind === 'host' ? 'ellipse' : 'box';
  const style = node.unreachable ? ', style=dashed' : '';
  return `[shape=${shape}, label=${quote(node.label)}${style}]`;
}

/** Graphviz DOT of the traffic graph (`dot -Tsvg`); unreachable workloads are dashed. */
export function formatDot(graph: TrafficGraph): string {
  const lines = ['digraph meshlens {', '  rankdir=LR;', '  node [fontname="Helvetica"];'];
  for (const node of graph.nodes) {
    lines.push(`  ${quote(node.id)} ${nodeAttributes(node)};`);
  }
  for (const edge of graph.edges) {
    const label = edge.label === '' ? '' : ` [label=${quote(edge.label)}]`;
    lines.push(`  ${quote(edge.from)} -> ${quote(edge.to)}${label};`);
  }
  lines.push('}');
  return `${lines.join('\n')}\n`;
}
