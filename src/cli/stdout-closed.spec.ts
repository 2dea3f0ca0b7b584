import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { generateSyntheticMesh, syntheticMeshYaml } from '../engine/testing/synthetic-mesh.js';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const TSX = pathToFileURL(`${REPO}node_modules/tsx/dist/loader.mjs`).href;

// `meshlens graph --format json … | head -c 100`: the reader leaves after the first bytes of a
// 10 MB answer. The CLI stops quietly (it printed an unhandled EPIPE stack trace, exit 1).
describe('a CLI whose reader goes away', () => {
  it('stops without an EPIPE stack trace', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'meshlens-epipe-'));
    const file = join(dir, 'mesh.yaml');
    writeFileSync(file, syntheticMeshYaml(generateSyntheticMesh({ size: 'S', seed: 1 }).resources));
    const child = spawn(process.execPath, [
      '--import',
      TSX,
      `${REPO}src/cli/main.ts`,
      'graph',
      '--format',
      'json',
      file,
    ]);
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.stdout.once('data', () => {
      child.stdout.destroy();
    });
    const status = await new Promise<number | null>((resolve) => {
      child.on('close', resolve);
    });
    expect(stderr).not.toContain('EPIPE');
    expect(status).toBe(0);
  }, 60_000);
});
