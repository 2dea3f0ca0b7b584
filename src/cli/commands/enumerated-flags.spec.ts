import { execFile } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EXIT_ERROR } from '../exit-codes.js';

// Every enumerated flag of every command, end to end (from source through tsx): a value outside
// the accepted ones is a usage error, exit 2, naming the bad value and the accepted ones, before
// any file, server or database is touched; nothing on stdout.
const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const TSX = pathToFileURL(`${REPO}node_modules/tsx/dist/loader.mjs`).href;
const MANIFESTS = fileURLToPath(
  new URL('../../../../shared/scenarios/07-allow-nothing-policy/before', import.meta.url),
);
// Nothing listens there: a command that went on to its server or database would fail differently.
const NOWHERE = 'http://127.0.0.1:9';
const NO_DATABASE = 'postgresql://postgres@127.0.0.1:9/none';

interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function meshlens(args: readonly string[]): Promise<Run> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      ['--import', TSX, `${REPO}src/cli/main.ts`, ...args],
      {
        encoding: 'utf8',
        timeout: 60_000,
        env: { ...process.env, DATABASE_URL: NO_DATABASE, MESHLENS_TOKEN: '' },
      },
      (_error, stdout, stderr) => {
        resolve({ status: child.exitCode, stdout, stderr });
      },
    );
  });
}

const AFTER = ['--after', MANIFESTS];
const OFFLINE = ['--before', MANIFESTS, ...AFTER];

const CASES: readonly (readonly [string, readonly string[], string])[] = [
  ['validate', [MANIFESTS, '--format', 'xml'], '--format must be one of text, json, not "xml"'],
  [
    'impact',
    [...OFFLINE, '--format', 'yaml'],
    '--format must be one of json, markdown, not "yaml"',
  ],
  [
    'impact',
    [...OFFLINE, '--fail-on', 'low'],
    '--fail-on must be one of high, medium, error, not "low"',
  ],
  [
    'ingest',
    [MANIFESTS, '--env', 'e', '--server', NOWHERE, '--format', 'yaml'],
    '--format must be one of text, json, not "yaml"',
  ],
  [
    'simulate',
    [MANIFESTS, '--from', 'default/productpage-v1', '--host', 'reviews', '--format', 'yaml'],
    '--format must be one of json, text, not "yaml"',
  ],
  [
    'simulate',
    [MANIFESTS, '--from', 'default/productpage-v1', '--host', 'reviews', '--scheme', 'ftp'],
    '--scheme must be one of http, https, not "ftp"',
  ],
  [
    'graph',
    [MANIFESTS, '--format', 'svg'],
    '--format must be one of json, dot, mermaid, not "svg"',
  ],
  [
    'analyze',
    [MANIFESTS, '--format', 'xml'],
    '--format must be one of json, text, sarif, not "xml"',
  ],
  [
    'analyze',
    [MANIFESTS, '--fail-on', 'info'],
    '--fail-on must be one of error, warning, not "info"',
  ],
  [
    'comment',
    [...OFFLINE, '--dry-run', '--format', 'html'],
    '--format must be one of markdown, json, sarif, not "html"',
  ],
  [
    'comment',
    [...OFFLINE, '--dry-run', '--fail-on', 'low'],
    '--fail-on must be one of high, medium, error, not "low"',
  ],
  [
    'comment',
    [...OFFLINE, '--provider', 'bitbucket'],
    '--provider must be one of github, gitlab, not "bitbucket"',
  ],
  [
    'token create',
    ['--name', 'ci', '--scopes', 'read', '--format', 'yaml'],
    '--format must be one of text, json, not "yaml"',
  ],
  [
    'token create',
    ['--name', 'ci', '--scopes', 'read,write'],
    '--scopes must be one of admin, ingest, read, not "write"',
  ],
  ['token list', ['--format', 'yaml'], '--format must be one of text, json, not "yaml"'],
];

describe.concurrent('meshlens: a bad value of an enumerated flag is a usage error', () => {
  it.each(CASES)(
    'meshlens %s %j',
    async (command, args, message) => {
      const run = await meshlens([...command.split(' '), ...args]);
      expect(run.stderr).toContain(`meshlens ${command}: ${message}\n`);
      expect(run.stderr).not.toMatch(/Unhandled/i);
      expect(run.stdout).toBe('');
      expect(run.status, run.stderr).toBe(EXIT_ERROR);
    },
    60_000,
  );
});
