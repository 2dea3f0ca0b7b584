// npm run schema:write — regenerates the committed schema.gql (a test fails on drift).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { printGraphqlSchema } from '../graphql-schema.js';
import { projectRoot } from '../platform/project-root.js';

writeFileSync(join(projectRoot(), 'schema.gql'), await printGraphqlSchema());
console.log('wrote schema.gql');
