// `npx meshlens` inside this repository: npm does not link a package's own bin, so link it
// into node_modules/.bin after install (prepare).
import { mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../node_modules/.bin/', import.meta.url));
mkdirSync(bin, { recursive: true });
rmSync(`${bin}meshlens`, { force: true });
symlinkSync('../../bin/meshlens.js', `${bin}meshlens`);
