import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/platform/project-root.js';
import { startTestApp, type TestApp, uniqueEnvironment } from '../setup/test-app.js';

// `meshlens ingest` against a listening app: the CLI a GitOps pipeline runs. Spawned
// asynchronously, so the app in this process can answer it.

const CLI = join(projectRoot(), 'src', 'cli', 'main.ts');
const TSX = pathToFileURL(join(projectRoot(), 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;

let t: TestApp;
let server: string;
let dir: string;

beforeAll(async () => {
  t = await startTestApp();
  await t.app.listen(0, '127.0.0.1');
  const address = (t.app.getHttpServer() as Server).address();
  server = `http://127.0.0.1:${String(typeof address === 'object' && address !== null ? address.port : 0)}`;
  dir = mkdtempSync(join(tmpdir(), 'meshlens-cli-ingest-'));
  writeFileSync(
    join(dir, 'service.yaml'),
    'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports: [{ port: 80 }]\n',
  );
  writeFileSync(join(dir, 'comments.yaml'), '# rendered by CI: nothing\n');
  writeFileSync(
    join(dir, 'bad.yaml'),
    'apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: v\nspec:\n  hosts: web\n',
  );
});

afterAll(async () => {
  await t.close();
});

function cli(
  ...args: string[]
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', TSX, CLI, ...args], { cwd: dir });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('close', (status) => {
      resolve({ status, stdout, stderr });
    });
  });
}

describe('meshlens ingest', () => {
  it('stores a version, refuses a comment-only one unless --allow-empty, and prints located errors', async () => {
    const env = uniqueEnvironment('cli-ingest');
    const stored = await cli('ingest', '--env', env, '--server', server, 'service.yaml');
    expect(stored.status, stored.stderr).toBe(0);
    expect(stored.stdout).toContain('stored version 1');

    const empty = await cli('ingest', '--env', env, '--server', server, 'comments.yaml');
    expect(empty.status, empty.stdout + empty.stderr).toBe(2);
    expect(empty.stderr).toMatch(
      /^ingest failed \(400\): comments\.yaml: the snapshot holds no object .*\[MESH0008\]/,
    );

    const bad = await cli('ingest', '--env', env, '--server', server, 'bad.yaml');
    expect(bad.status, bad.stdout + bad.stderr).toBe(2);
    expect(bad.stderr).toMatch(
      /^ingest failed \(400\): bad\.yaml:\d+:\d+: spec\.hosts.*\[MESH0003\]/,
    );

    const latest = await request(t.server).get(`/api/v1/environments/${env}/versions/latest`);
    expect(latest.body).toMatchObject({ number: 1, objectCount: 1 });

    const allowed = await cli(
      'ingest',
      '--env',
      env,
      '--server',
      server,
      '--allow-empty',
      'comments.yaml',
    );
    expect(allowed.status, allowed.stderr).toBe(0);
    expect(allowed.stdout).toContain('stored version 2 (0 added, 0 modified, 1 removed)');
  });
});
