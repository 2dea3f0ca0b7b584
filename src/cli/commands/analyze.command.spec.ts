import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

// `meshlens analyze` end to end (from source through tsx, so never a stale dist/): scenario 09's
// after/ routes to a deleted Service, which IST0101 reports.
const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const AFTER = fileURLToPath(
  new URL('../../../../shared/scenarios/09-service-deleted/after', import.meta.url),
);
const TSX = pathToFileURL(`${REPO}node_modules/tsx/dist/loader.mjs`).href;

interface Output {
  readonly findings: {
    readonly code: string;
    readonly istioCode?: string;
    readonly level: string;
  }[];
}

function analyze(...flags: string[]) {
  const run = spawnSync(
    process.execPath,
    ['--import', TSX, `${REPO}src/cli/main.ts`, 'analyze', AFTER, '--format', 'json', ...flags],
    { encoding: 'utf8', timeout: 60_000 },
  );
  return { status: run.status, stderr: run.stderr, stdout: run.stdout };
}

const ist0101 = (out: Output) => out.findings.filter((f) => f.istioCode === 'IST0101');

describe('meshlens analyze --disable / --level', () => {
  it('reports IST0101 by default, at another level with --level, not at all with --disable', () => {
    const plain = analyze();
    expect(plain.status, plain.stderr).toBe(0);
    const found = ist0101(JSON.parse(plain.stdout) as Output);
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((f) => f.level === 'Error')).toBe(true);

    const leveled = ist0101(JSON.parse(analyze('--level', 'IST0101=Info').stdout) as Output);
    expect(leveled.map((f) => f.level)).toEqual(found.map(() => 'Info'));

    const disabled = analyze('--disable', 'IST0101');
    expect(ist0101(JSON.parse(disabled.stdout) as Output)).toEqual([]);
  }, 120_000);

  it('refuses an unknown code with exit 2', () => {
    const run = analyze('--disable', 'IST9999');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('"IST9999" is not a code meshlens reports');
  }, 60_000);
});
