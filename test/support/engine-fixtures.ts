import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ImpactReport } from '../../src/engine/impact/impact-report.js';
import type { Resource } from '../../src/engine/model/resource.js';
import { impactOfChange } from '../../src/engine/pipeline.js';
import { loadResources } from '../../src/engine/testing/load-resources.js';

/**
 * Engine spec fixtures read from `../shared` (the repo's sibling), computed from this file's
 * location. Lives outside src/engine because it does I/O.
 */
export const SHARED_DIR = fileURLToPath(new URL('../../../shared/', import.meta.url));

export const SCENARIOS_DIR = join(SHARED_DIR, 'scenarios');

/** Every `*.yaml` of a folder, in file-name order, as one snapshot. */
export function loadFolder(dir: string): Resource[] {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
    .sort();
  return files.flatMap((f) => loadResources(readFileSync(join(dir, f), 'utf8')));
}

export function loadSharedFile(relativePath: string, defaultNamespace = 'default'): Resource[] {
  return loadResources(readFileSync(join(SHARED_DIR, relativePath), 'utf8'), defaultNamespace);
}

export function listScenarios(): string[] {
  return readdirSync(SCENARIOS_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
}

export function readScenarioExpected(name: string): unknown {
  return JSON.parse(readFileSync(join(SCENARIOS_DIR, name, 'expected.json'), 'utf8')) as unknown;
}

/** The impact (with findings) of a scenario folder's `before/` → `after/`, as the CLI computes it. */
export function impactOfScenarioFolder(dir: string): ImpactReport {
  return impactOfChange(
    { resources: loadFolder(join(dir, 'before')), ref: { source: 'before' } },
    { resources: loadFolder(join(dir, 'after')), ref: { source: 'after' } },
  );
}
