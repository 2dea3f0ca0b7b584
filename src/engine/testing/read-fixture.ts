import { readFileSync } from 'node:fs';

/**
 * Reads a rule spec's YAML fixtures as text (test helper: it does I/O, so it lives here, outside
 * the pure engine). `fixtureReader(import.meta.url, 'subset-exists')('ok-defined.yaml')` reads
 * `./__fixtures__/subset-exists/ok-defined.yaml` next to the calling spec.
 */
export function fixtureReader(specUrl: string, folder: string): (name: string) => string {
  return (name) => readFileSync(new URL(`./__fixtures__/${folder}/${name}`, specUrl), 'utf8');
}
