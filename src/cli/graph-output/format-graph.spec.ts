import { describe, expect, it } from 'vitest';
import { formatDot } from './format-dot.js';
import { formatMermaid } from './format-mermaid.js';
import type { TrafficGraph } from './traffic-graph.js';

const GRAPH: TrafficGraph = {
  nodes: [
    { id: 'external:ns/gw', kind: 'external', label: 'external:ns/gw', unreachable: false },
    { id: 'host:a"b', kind: 'host', label: 'a"b<x>', unreachable: false },
    { id: 'ns/w', kind: 'workload', label: 'ns/w', unreachable: true },
  ],
  edges: [
    { from: 'external:ns/gw', to: 'host:a"b', label: ':80' },
    { from: 'host:a"b', to: 'ns/w', label: '' },
  ],
};

describe('traffic graph writers', () => {
  it('dot escapes quotes and marks unreachable workloads', () => {
    expect(formatDot(GRAPH)).toBe(
      [
        'digraph meshlens {',
        '  rankdir=LR;',
        '  node [fontname="Helvetica"];',
        '  "external:ns/gw" [shape=diamond, label="external:ns/gw"];',
        '  "host:a\\"b" [shape=ellipse, label="a\\"b<x>"];',
        '  "ns/w" [shape=box, label="ns/w", style=dashed];',
        '  "external:ns/gw" -> "host:a\\"b" [label=":80"];',
        '  "host:a\\"b" -> "ns/w";',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('mermaid uses generated ids and entity-escaped labels', () => {
    expect(formatMermaid(GRAPH)).toBe(
      [
        'flowchart LR',
        '  n0{{"external:ns/gw"}}',
        '  n1(["a#quot;b#lt;x#gt;"])',
        '  n2["ns/w"]',
        '  n0 -->|":80"| n1',
        '  n1 --> n2',
        '  classDef unreachable stroke-dasharray: 5 5',
        '  class n2 unreachable',
        '',
      ].join('\n'),
    );
  });
});
