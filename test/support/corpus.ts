import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { projectRoot } from '../../src/platform/project-root.js';

/** The shared folder beside the repository (read-only reference data). */
export const SHARED_DIR = join(projectRoot(), '..', 'shared');
export const SAMPLES_DIR = join(SHARED_DIR, 'corpus', 'istio-samples');
export const SCENARIOS_DIR = join(SHARED_DIR, 'scenarios');

export function listYamlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir).sort()) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) {
      out.push(...listYamlFiles(path));
    } else if (/\.(ya?ml|json)$/.test(entry)) {
      out.push(path);
    }
  }
  return out;
}

export function readText(path: string): string {
  return readFileSync(path, 'utf8');
}

export function relativeToSamples(path: string): string {
  return relative(SAMPLES_DIR, path);
}

/** Every `*.yaml` of a folder, in file-name order, as one multi-document YAML text. */
export function folderYaml(dir: string): string {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => readFileSync(join(dir, f), 'utf8'))
    .join('\n---\n');
}
