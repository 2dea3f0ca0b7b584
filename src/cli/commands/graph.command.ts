import type { Command } from 'commander';
import { computeReachability, parseSnapshot, resolveGraph } from '../../engine/index.js';
import { EXIT_ERROR, EXIT_OK } from '../exit-codes.js';
import { formatInputErrorText, inputErrorJson } from '../format-input-error.js';
import { type CommandIo, PROCESS_IO } from '../graph-output/command-io.js';
import { formatDot } from '../graph-output/format-dot.js';
import { formatMermaid } from '../graph-output/format-mermaid.js';
import { buildGraphDocument } from '../graph-output/graph-document.js';
import { buildTrafficGraph } from '../graph-output/traffic-graph.js';
import { parseChoice, usageError } from '../parse-choice.js';
import { readSourceFiles } from '../read-source-files.js';

export interface GraphFlags {
  readonly format: string;
  readonly namespace: string;
}

const FORMATS = ['json', 'dot', 'mermaid'] as const;

/**
 * `meshlens graph PATH... --format json|dot|mermaid`, offline: the resolved graph as JSON, or the
 * traffic graph (gateway/workload → host → workload) as Graphviz DOT or Mermaid. Exit 0, or 2 for
 * input errors.
 */
export async function runGraph(
  paths: readonly string[],
  flags: GraphFlags,
  io: CommandIo = PROCESS_IO,
): Promise<number> {
  const parsedFormat = parseChoice('--format', flags.format, FORMATS);
  if (!parsedFormat.ok) {
    return usageError('graph', parsedFormat.message, io.stderr);
  }
  const format = parsedFormat.value;
  const parsed = parseSnapshot(await readSourceFiles([...paths]), {
    defaultNamespace: flags.namespace,
  });
  if (!parsed.ok) {
    if (format === 'json') {
      io.stdout(`${JSON.stringify(inputErrorJson(parsed.error), null, 2)}\n`);
    } else {
      io.stderr(`${formatInputErrorText(parsed.error)}\n`);
    }
    return EXIT_ERROR;
  }
  const graph = resolveGraph(parsed.value.resources);
  const reachability = computeReachability(graph);
  if (format === 'json') {
    io.stdout(`${JSON.stringify(buildGraphDocument(graph, reachability), null, 2)}\n`);
    return EXIT_OK;
  }
  const traffic = buildTrafficGraph(
    reachability,
    graph.workloads.map((w) => w.id),
  );
  io.stdout(format === 'dot' ? formatDot(traffic) : formatMermaid(traffic));
  return EXIT_OK;
}

export function registerGraphCommand(program: Command): void {
  program
    .command('graph')
    .description('Print the resolved mesh graph offline (json) or its traffic graph (dot, mermaid)')
    .argument('<paths...>', 'files or directories (recursively: .yaml, .yml, .json); - reads stdin')
    .option('--format <format>', 'json, dot or mermaid', 'json')
    .option('-n, --namespace <ns>', 'namespace for objects without one', 'default')
    .action(async (paths: string[], flags: GraphFlags) => {
      process.exitCode = await runGraph(paths, flags);
    });
}
