import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import {
  analyze,
  createFieldLocator,
  type Finding,
  type FindingLevel,
  type JsonObject,
  LEVEL_RANK,
  parseSnapshot,
  type Suppression,
  type ValidationSettings,
} from '../../engine/index.js';
import { locateFindings } from '../analyze-output/finding-location.js';
import { formatJson } from '../analyze-output/format-json.js';
import { formatSarif } from '../analyze-output/format-sarif.js';
import { formatText } from '../analyze-output/format-text.js';
import {
  type OutputFormat,
  parseFailOn,
  parseFormat,
  parseMeshConfig,
  parseSuppression,
  parseValidationFlags,
} from '../analyze-output/parse-cli-options.js';
import { EXIT_ERROR, EXIT_OK, EXIT_THRESHOLD } from '../exit-codes.js';
import { formatInputErrorText, inputErrorJson } from '../format-input-error.js';
import { usageError } from '../parse-choice.js';
import { readSourceFiles } from '../read-source-files.js';

const VERSION = '0.1.0';

interface AnalyzeFlags {
  readonly meshConfig?: string;
  readonly namespace: string;
  readonly format: string;
  readonly failOn?: string;
  readonly suppress: string[];
  readonly disable: string[];
  readonly level: string[];
}

interface AnalyzeSettings {
  readonly format: OutputFormat;
  readonly failOn: FindingLevel | null;
  readonly suppressions: Suppression[];
  readonly validation: ValidationSettings;
  readonly meshConfig: JsonObject | undefined;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** `meshlens analyze PATH...`: istioctl analyze + Kiali checks offline; exit 3 on --fail-on. */
export function registerAnalyzeCommand(program: Command): void {
  program
    .command('analyze')
    .description('Run the static istioctl analyze and Kiali checks over manifests, offline')
    .argument('<paths...>', 'files or directories (recursively: .yaml, .yml, .json); - reads stdin')
    .option('--mesh-config <file>', 'MeshConfig YAML (or the istio ConfigMap) to analyze with')
    .option('-n, --namespace <ns>', 'namespace for objects without one', 'default')
    .option('--format <format>', 'text, json or sarif', 'text')
    .option(
      '--fail-on <level>',
      'exit 3 when a finding of this level or worse is found: error or warning',
    )
    .option(
      '--suppress <CODE=Kind ns/name>',
      'suppress one code on one object (repeatable)',
      collect,
      [],
    )
    .option('--disable <CODE>', 'never report this MESH, IST or KIA code (repeatable)', collect, [])
    .option(
      '--level <CODE=LEVEL>',
      'report this MESH, IST or KIA code at Error, Warning or Info (repeatable)',
      collect,
      [],
    )
    .action(async (paths: string[], flags: AnalyzeFlags) => {
      process.exitCode = await runAnalyze(paths, flags);
    });
}

async function readSettings(flags: AnalyzeFlags): Promise<AnalyzeSettings | string> {
  const format = parseFormat(flags.format);
  const failOn = parseFailOn(flags.failOn);
  const suppressions = flags.suppress.map(parseSuppression);
  const validation = parseValidationFlags(flags.disable, flags.level);
  for (const parsed of [format, failOn, validation, ...suppressions]) {
    if (!parsed.ok) {
      return parsed.message;
    }
  }
  let meshConfig: JsonObject | undefined;
  if (flags.meshConfig !== undefined) {
    const parsed = parseMeshConfig(await readFile(flags.meshConfig, 'utf8'), flags.meshConfig);
    if (!parsed.ok) {
      return parsed.message;
    }
    meshConfig = parsed.value;
  }
  return {
    format: format.ok ? format.value : 'text',
    failOn: failOn.ok ? failOn.value : null,
    suppressions: suppressions.flatMap((s) => (s.ok ? [s.value] : [])),
    validation: validation.ok ? validation.value : { disabledCodes: [], levelOverrides: {} },
    meshConfig,
  };
}

function isThresholdReached(findings: readonly Finding[], failOn: FindingLevel | null): boolean {
  return failOn !== null && findings.some((f) => LEVEL_RANK[f.level] >= LEVEL_RANK[failOn]);
}

async function runAnalyze(paths: string[], flags: AnalyzeFlags): Promise<number> {
  const settings = await readSettings(flags);
  if (typeof settings === 'string') {
    return usageError('analyze', settings);
  }
  const files = await readSourceFiles(paths);
  const parsed = parseSnapshot(files, { defaultNamespace: flags.namespace });
  if (!parsed.ok) {
    if (settings.format === 'json') {
      process.stdout.write(JSON.stringify(inputErrorJson(parsed.error), null, 2) + '\n');
    } else {
      process.stderr.write(formatInputErrorText(parsed.error) + '\n');
    }
    return EXIT_ERROR;
  }
  const { resources } = parsed.value;
  const findings = analyze(resources, {
    suppressions: settings.suppressions,
    disabledCodes: settings.validation.disabledCodes,
    levelOverrides: settings.validation.levelOverrides,
    locate: createFieldLocator(files),
    ...(settings.meshConfig === undefined ? {} : { meshConfig: settings.meshConfig }),
  });
  const locate = locateFindings(resources);
  const output =
    settings.format === 'json'
      ? formatJson(findings)
      : settings.format === 'sarif'
        ? formatSarif(findings, locate, VERSION)
        : formatText(findings, locate);
  process.stdout.write(output + '\n');
  return isThresholdReached(findings, settings.failOn) ? EXIT_THRESHOLD : EXIT_OK;
}
