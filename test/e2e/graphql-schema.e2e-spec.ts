import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { printGraphqlSchema } from '../../src/graphql-schema.js';
import { projectRoot } from '../../src/platform/project-root.js';

describe('schema.gql', () => {
  it('is up to date with the resolvers (run `npm run schema:write` after changing them)', async () => {
    const committed = readFileSync(join(projectRoot(), 'schema.gql'), 'utf8');
    expect(await printGraphqlSchema()).toBe(committed);
  });
});
