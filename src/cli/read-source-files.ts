import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve } from 'node:path';
import type { SourceFile } from '../engine/index.js';

/** What a directory contributes: Kubernetes manifests, as kubectl's `-f DIR -R` picks them. */
const MANIFEST = /\.(?:ya?ml|json)$/i;

/** Name of the stdin source in error messages. */
export const STDIN_NAME = '<stdin>';

export interface ReadSourceFilesOptions {
  /** Base for relative paths and for the names shown in errors (default: process.cwd()). */
  readonly cwd?: string;
  /** Source for `-` (default: process.stdin). */
  readonly stdin?: AsyncIterable<string | Buffer>;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Paths under cwd read best relative (`mesh/vs.yaml`); others stay absolute. */
function displayName(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

async function readStdin(stdin: AsyncIterable<string | Buffer>): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) {
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Manifest files under a directory, recursively, sorted by path; symlinked folders once. */
async function listDirectory(dir: string, visited: Set<string>): Promise<string[]> {
  const real = await realpath(dir);
  if (visited.has(real)) {
    return [];
  }
  visited.add(real);
  const found: string[] = [];
  for (const entry of (await readdir(dir)).sort(compareText)) {
    const path = join(dir, entry);
    const info = await stat(path);
    if (info.isDirectory()) {
      found.push(...(await listDirectory(path, visited)));
    } else if (info.isFile() && MANIFEST.test(entry)) {
      found.push(path);
    }
  }
  return found;
}

/** A path named on the command line: a file is read whatever its extension; a folder is walked. */
async function expandPath(path: string, visited: Set<string>): Promise<string[]> {
  const info = await stat(path);
  return info.isDirectory() ? listDirectory(path, visited) : [path];
}

function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Reads the files of a snapshot for the engine: each argument is a file, a directory (its
 * `.yaml`, `.yml` and `.json` files, recursively, sorted by path) or `-` for stdin. Arguments keep
 * their order; a file reached twice is read once. Names are relative to cwd when under it.
 * A missing path rejects with the file system's error (ENOENT names the path).
 */
export async function readSourceFiles(
  paths: readonly string[],
  options: ReadSourceFilesOptions = {},
): Promise<SourceFile[]> {
  const cwd = options.cwd ?? process.cwd();
  const visited = new Set<string>();
  const seenFiles = new Set<string>();
  const files: SourceFile[] = [];
  for (const path of paths) {
    if (path === '-') {
      files.push({
        name: STDIN_NAME,
        text: withoutBom(await readStdin(options.stdin ?? process.stdin)),
      });
      continue;
    }
    const expanded = await expandPath(resolve(cwd, path), visited);
    const fresh = expanded.filter((file) => !seenFiles.has(file));
    fresh.forEach((file) => seenFiles.add(file));
    const texts = await Promise.all(fresh.map((file) => readFile(file, 'utf8')));
    fresh.forEach((file, index) => {
      files.push({ name: displayName(file, cwd), text: withoutBom(texts[index] ?? '') });
    });
  }
  return files;
}
