// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const engineForbidden = {
  paths: [
    { name: 'pg', message: 'The engine is pure: no database access (STYLE.md §3).' },
    { name: 'postgres', message: 'The engine is pure: no database access (STYLE.md §3).' },
    { name: 'fs', message: 'The engine is pure: no I/O (STYLE.md §3).' },
    { name: 'path', message: 'The engine is pure: no I/O (STYLE.md §3).' },
  ],
  patterns: [
    { group: ['node:*'], message: 'The engine is pure: no node built-ins (STYLE.md §3).' },
    {
      group: ['@nestjs/*', '@prisma/*', 'prisma', 'class-validator'],
      message: 'The engine has no framework or ORM imports.',
    },
    {
      group: ['**/modules/**', '**/platform/**', '**/cli/**'],
      message: 'The engine must not import the service layers.',
    },
  ],
};

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      '.data/**',
      'src/generated/**',
      'coverage/**',
      'bin/**',
      'scripts/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  ...tseslint.configs.stylisticTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/restrict-template-expressions': [
        'error',
        { allowNumber: true, allowBoolean: true },
      ],
      '@typescript-eslint/no-extraneous-class': 'off',
      // Nest DTO/GraphQL model classes describe shapes (decorators feed OpenAPI and the schema);
      // plain objects of that shape are what controllers and resolvers return.
      '@typescript-eslint/no-unsafe-class-instance-assignment': 'off',
      eqeqeq: ['error', 'always'],
      curly: ['error', 'all'],
      'no-restricted-exports': [
        'error',
        {
          restrictDefaultExports: {
            direct: true,
            named: true,
            defaultFrom: true,
            namedFrom: true,
            namespaceFrom: true,
          },
        },
      ],
      'max-lines': ['error', { max: 250, skipBlankLines: true, skipComments: true }],
      'max-lines-per-function': ['error', { max: 60, skipBlankLines: true, skipComments: true }],
      complexity: ['error', 12],
    },
  },
  {
    files: ['src/engine/**/*.ts'],
    ignores: ['src/engine/**/*.spec.ts', 'src/engine/testing/**'],
    rules: {
      'no-restricted-imports': ['error', engineForbidden],
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'The engine takes explicit options.' },
      ],
      'max-lines': ['error', { max: 200, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    files: ['**/*.spec.ts', 'test/**/*.ts', 'bench/**/*.ts', 'src/engine/testing/**'],
    rules: {
      'max-lines-per-function': 'off',
      'max-lines': 'off',
      complexity: 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      // supertest response bodies are `any` by design; tests assert on their shape instead.
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    // Tool configuration files whose loaders require a default export.
    files: [
      'eslint.config.js',
      'vitest.config.ts',
      'prisma.config.ts',
      'test/setup/global-setup.ts',
    ],
    rules: { 'no-restricted-exports': 'off' },
  },
  {
    files: ['eslint.config.js', 'vitest.config.ts', 'prisma.config.ts'],
    extends: [tseslint.configs.disableTypeChecked],
  },
);
