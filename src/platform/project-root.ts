import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder holding package.json, whether running from src/ (tests) or dist/src/ (built). */
export function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) || !existsSync(join(dir, 'prisma'))) {
    const parent = dirname(dir);
    if (parent === dir) {
      throw new Error('meshlens: cannot find the project root (package.json + prisma/)');
    }
    dir = parent;
  }
  return dir;
}
