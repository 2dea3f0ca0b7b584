// npm run docs:rules — regenerates the committed docs/rules.md (a spec fails on drift).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderRuleDocs } from '../engine/rules/catalog-docs.js';
import { projectRoot } from '../platform/project-root.js';

writeFileSync(join(projectRoot(), 'docs', 'rules.md'), renderRuleDocs());
console.log('wrote docs/rules.md');
