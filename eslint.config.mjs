import js from '@eslint/js';
import nx from '@nx/eslint-plugin';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const sharedTypes = ['type:util', 'type:contracts'];
// Only integration specs import the harness; production code has no reason to.
const testedTypes = [...sharedTypes, 'type:test-util'];

export default tseslint.config(
  {
    ignores: [
      '**/node_modules',
      '**/dist',
      '**/tmp',
      '**/coverage',
      '**/.nx',
      'infra/kafka/.cache',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { '@nx': nx },
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            {
              sourceTag: 'scope:ingest',
              onlyDependOnLibsWithTags: ['scope:ingest', 'scope:shared'],
            },
            {
              sourceTag: 'scope:clause-extraction',
              onlyDependOnLibsWithTags: ['scope:clause-extraction', 'scope:shared'],
            },
            {
              sourceTag: 'scope:milestone-scheduler',
              onlyDependOnLibsWithTags: ['scope:milestone-scheduler', 'scope:shared'],
            },
            {
              sourceTag: 'scope:alerting',
              onlyDependOnLibsWithTags: ['scope:alerting', 'scope:shared'],
            },
            {
              sourceTag: 'scope:console',
              onlyDependOnLibsWithTags: ['scope:console', 'scope:shared'],
            },
            { sourceTag: 'scope:e2e', onlyDependOnLibsWithTags: ['scope:shared'] },
            {
              sourceTag: 'type:app',
              onlyDependOnLibsWithTags: ['type:domain', 'type:data-access', ...testedTypes],
            },
            {
              sourceTag: 'type:data-access',
              onlyDependOnLibsWithTags: ['type:domain', 'type:data-access', ...testedTypes],
            },
            { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:domain', ...sharedTypes] },
            { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: sharedTypes },
            { sourceTag: 'type:util', onlyDependOnLibsWithTags: sharedTypes },
            {
              sourceTag: 'type:test-util',
              onlyDependOnLibsWithTags: ['type:data-access', 'type:test-util', ...sharedTypes],
            },
            { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:test-util', ...sharedTypes] },
          ],
        },
      ],
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { prefer: 'type-imports', fixStyle: 'separate-type-imports' },
      ],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      // Payload and DTO classes are validation schemas; a plain object of their shape is a valid value.
      '@typescript-eslint/no-unsafe-class-instance-assignment': 'off',
      // Nest modules and DTOs are classes by design.
      '@typescript-eslint/no-extraneous-class': 'off',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    // Nest reads constructor parameter types at run time: they must stay value imports.
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/consistent-type-imports': [
        'error',
        {
          prefer: 'type-imports',
          fixStyle: 'separate-type-imports',
          disallowTypeAnnotations: false,
        },
      ],
    },
    languageOptions: {
      parserOptions: { emitDecoratorMetadata: true, experimentalDecorators: true },
    },
  },
  {
    // TypeORM entities are plain records: copying one with a spread loses nothing that matters.
    files: ['libs/**/data-access/**/*.ts'],
    rules: { '@typescript-eslint/no-misused-spread': 'off' },
  },
  {
    files: ['**/*.spec.ts', '**/*.integration-spec.ts', 'e2e/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/unbound-method': 'off',
      // Jest's asymmetric matchers (expect.any, expect.stringContaining) are typed `any`.
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      // `() => expect(...)` is the idiom for expectEventually.
      '@typescript-eslint/no-confusing-void-expression': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['services/console/src/public/**/*.js'],
    languageOptions: { sourceType: 'module', globals: { ...globals.browser, Chart: 'readonly' } },
    // Plain modules in the browser: a name no module defines or imports fails only there.
    rules: { 'no-undef': 'error' },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    ignores: ['services/console/src/public/**'],
    languageOptions: { sourceType: 'commonjs', globals: globals.node },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
