import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SimulateResult } from '../../engine/index.js';
import { EXIT_ERROR, EXIT_OK } from '../exit-codes.js';
import type { CommandIo } from '../graph-output/command-io.js';
import {
  parseSimulateFlags,
  registerSimulateCommand,
  runSimulate,
  type SimulateFlags,
} from './simulate.command.js';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const SCENARIOS = fileURLToPath(new URL('../../../../shared/scenarios/', import.meta.url));
const CANARY_AFTER = `${SCENARIOS}01-canary-10-percent/after`;

function capture(): CommandIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: (t) => out.push(t), stderr: (t) => err.push(t) };
}

const BASE: SimulateFlags = {
  from: 'default/productpage-v1',
  host: 'reviews',
  port: '9080',
  header: [],
  sourceLabel: [],
  namespace: 'default',
  format: 'json',
};

describe('meshlens simulate flags', () => {
  it.each([
    [{ port: 'x' }, '--port must be a port number (1-65535), not "x"'],
    [{ port: '0' }, '--port must be a port number (1-65535), not "0"'],
    [{ header: ['nope'] }, '--header expects k=v, got "nope"'],
    [{ sourceLabel: ['=v'] }, '--source-label expects k=v, got "=v"'],
    [{ format: 'yaml' }, '--format must be one of json, text, not "yaml"'],
    [{ scheme: 'ftp' }, '--scheme must be one of http, https, not "ftp"'],
  ])('rejects %j', (patch, message) => {
    expect(parseSimulateFlags({ ...BASE, ...patch })).toEqual({ ok: false, message });
  });

  it('builds the request: headers as k=v or k: v, source labels, method and path', () => {
    const parsed = parseSimulateFlags({
      ...BASE,
      header: ['end-user=jason', 'x-b: 1=2'],
      sourceLabel: ['version=v1'],
      method: 'post',
      path: '/a?b=c',
    });
    expect(parsed).toEqual({
      ok: true,
      value: {
        format: 'json',
        namespace: 'default',
        request: {
          from: 'default/productpage-v1',
          host: 'reviews',
          port: 9080,
          method: 'post',
          path: '/a?b=c',
          scheme: 'http',
          headers: { 'end-user': 'jason', 'x-b': '1=2' },
          sourceLabels: { version: 'v1' },
        },
      },
    });
  });
});

describe('meshlens simulate', () => {
  it('prints the contract JSON and exits 0', async () => {
    const io = capture();
    expect(await runSimulate([CANARY_AFTER], BASE, io)).toBe(EXIT_OK);
    const result = JSON.parse(io.out.join('')) as SimulateResult;
    expect(result.schemaVersion).toBe(1);
    expect(result.outcome).toBe('route');
    expect(result.destinations.map((d) => [d.subset, d.weight])).toEqual([
      ['v1', 90],
      ['v2', 10],
    ]);
  });

  it('exits 0 for a completed simulation whose outcome is a failure (no-route)', async () => {
    const io = capture();
    const flags: SimulateFlags = {
      from: 'external:default/bookinfo-gateway',
      host: 'x',
      path: '/nothing',
      header: [],
      sourceLabel: [],
      namespace: 'default',
      format: 'text',
    };
    expect(await runSimulate([CANARY_AFTER], flags, io)).toBe(EXIT_OK);
    expect(io.out.join('')).toContain('outcome:       no-route');
  });

  it('exits 2 with the error code for a source the snapshot does not have', async () => {
    const io = capture();
    expect(
      await runSimulate([CANARY_AFTER], { ...BASE, from: 'default/ghost', format: 'text' }, io),
    ).toBe(EXIT_ERROR);
    expect(io.err.join('')).toBe(
      'meshlens simulate: workload default/ghost is not in the snapshot [UNKNOWN_WORKLOAD]\n',
    );
    const json = capture();
    expect(await runSimulate([CANARY_AFTER], { ...BASE, from: 'default/ghost' }, json)).toBe(
      EXIT_ERROR,
    );
    expect(JSON.parse(json.out.join(''))).toEqual({
      error: { code: 'UNKNOWN_WORKLOAD', message: 'workload default/ghost is not in the snapshot' },
    });
  });

  it('exits 2 and locates a YAML error (scenario 11)', async () => {
    const io = capture();
    const dir = `${SCENARIOS}11-malformed-input/after`;
    expect(await runSimulate([dir], { ...BASE, format: 'text' }, io)).toBe(EXIT_ERROR);
    expect(io.err.join('')).toMatch(/99-broken\.yaml:[67]:/);
    expect(io.out).toEqual([]);
  });

  it('exits 2 for bad flags before reading anything', async () => {
    const io = capture();
    expect(await runSimulate(['/nonexistent'], { ...BASE, port: 'eighty' }, io)).toBe(EXIT_ERROR);
    expect(io.err.join('')).toContain('--port must be a port number');
  });
});

describe('meshlens simulate command wiring', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    process.exitCode = undefined;
  });

  it('commander passes repeatable --header flags and defaults to the text format', async () => {
    const written: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    const program = new Command().exitOverride();
    registerSimulateCommand(program);
    await program.parseAsync(
      [
        'simulate',
        CANARY_AFTER,
        '--from',
        'mesh:default',
        '--host',
        'reviews',
        '--port',
        '9080',
        '--header',
        'end-user=jason',
        '--header',
        'x-trace: 1',
      ],
      { from: 'user' },
    );
    expect(process.exitCode).toBe(EXIT_OK);
    const text = written.join('');
    expect(text).toContain(
      'GET http://reviews:9080/ [end-user: jason; x-trace: 1] from mesh:default (sidecar)',
    );
    expect(text).toContain('outcome:       route');
  });
});

// Runs the built CLI; needs `npx tsc -p tsconfig.build.json` after main.ts registers the command.
const BUILT_MAIN = `${REPO}dist/src/cli/main.js`;
const isBuilt =
  existsSync(BUILT_MAIN) && readFileSync(BUILT_MAIN, 'utf8').includes('registerSimulateCommand');

describe.skipIf(!isBuilt)('built CLI', () => {
  it('node bin/meshlens.js simulate … --format json', () => {
    const run = spawnSync(
      process.execPath,
      [
        'bin/meshlens.js',
        'simulate',
        CANARY_AFTER,
        '--from',
        'default/productpage-v1',
        '--host',
        'reviews',
        '--port',
        '9080',
        '--format',
        'json',
      ],
      { cwd: REPO, encoding: 'utf8' },
    );
    expect(run.status).toBe(0);
    const result = JSON.parse(run.stdout) as SimulateResult;
    expect(result.match?.virtualService).toBe('default/reviews');
  });
});
