import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSourceFiles, STDIN_NAME } from './read-source-files.js';

let root = '';

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'meshlens-read-'));
  await mkdir(join(root, 'mesh', 'b-dir', 'deeper'), { recursive: true });
  await mkdir(join(root, 'other'), { recursive: true });
  await writeFile(join(root, 'mesh', 'z.yaml'), 'z: 1\n');
  await writeFile(join(root, 'mesh', 'a.yml'), 'a: 1\n');
  await writeFile(join(root, 'mesh', 'c.json'), '\uFEFF{"c": 1}');
  await writeFile(join(root, 'mesh', 'README.md'), '# not a manifest\n');
  await writeFile(join(root, 'mesh', 'b-dir', 'deeper', 'd.YAML'), 'd: 1\n');
  await writeFile(join(root, 'other', 'explicit.txt'), 'e: 1\n');
  await symlink(join(root, 'mesh'), join(root, 'mesh', 'b-dir', 'loop'));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('readSourceFiles', () => {
  it('walks a directory recursively, keeps only .yaml/.yml/.json, sorted by path, names relative to cwd', async () => {
    const files = await readSourceFiles(['mesh'], { cwd: root });
    expect(files.map((file) => file.name)).toEqual([
      join('mesh', 'a.yml'),
      join('mesh', 'b-dir', 'deeper', 'd.YAML'),
      join('mesh', 'c.json'),
      join('mesh', 'z.yaml'),
    ]);
    expect(files[0]?.text).toBe('a: 1\n');
  });

  it('strips a byte order mark, which JSON.parse would refuse', async () => {
    const files = await readSourceFiles([join('mesh', 'c.json')], { cwd: root });
    expect(files).toEqual([{ name: join('mesh', 'c.json'), text: '{"c": 1}' }]);
  });

  it('reads a file named explicitly whatever its extension, and keeps argument order', async () => {
    const files = await readSourceFiles([join('other', 'explicit.txt'), join('mesh', 'a.yml')], {
      cwd: root,
    });
    expect(files.map((file) => file.name)).toEqual([
      join('other', 'explicit.txt'),
      join('mesh', 'a.yml'),
    ]);
  });

  it('reads a file reached twice only once', async () => {
    const files = await readSourceFiles([join('mesh', 'a.yml'), 'mesh'], { cwd: root });
    expect(files.filter((file) => file.name === join('mesh', 'a.yml'))).toHaveLength(1);
  });

  it('names files outside cwd by their absolute path', async () => {
    const cwd = join(root, 'other');
    const files = await readSourceFiles([join(root, 'mesh', 'z.yaml')], { cwd });
    expect(files.map((file) => file.name)).toEqual([join(root, 'mesh', 'z.yaml')]);
  });

  it('reads `-` from stdin', async () => {
    const stdin = Readable.from([Buffer.from('kind: A\n'), Buffer.from('---\nkind: B\n')]);
    const files = await readSourceFiles(['-'], { cwd: root, stdin });
    expect(files).toEqual([{ name: STDIN_NAME, text: 'kind: A\n---\nkind: B\n' }]);
  });

  it('rejects a missing path with an error naming it', async () => {
    await expect(readSourceFiles(['nope.yaml'], { cwd: root })).rejects.toThrow(/nope\.yaml/);
  });
});
