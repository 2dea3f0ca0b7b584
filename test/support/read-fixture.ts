import { readFileSync } from 'node:fs';

/**
 * Reads a rule spec's YAML fixtures as text (a test helper doing I/O: it lives in test/support, as
 * src/engine imports no node:* module, STYLE §3). `fixtureReader(import.meta.url, 'subset-exists')('ok-defined.yaml')` reads
 * `./__fixtures__/subset-exists/ok-defined.yaml` next to the calling spec.
 */
export function fixtureReader(specUrl: string, folder: string): (name: string) => string {
  return (name) => readFileSync(new URL(`./__fixtures__/${folder}/${name}`, specUrl), 'utf8');
}
