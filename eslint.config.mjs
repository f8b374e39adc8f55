import js from '@eslint/js';
import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

const pureLibBans = ['@nestjs/*', '@clickhouse/client', 'chdb', 'chdb/*', 'fastify', '@grpc/*'];

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      'data/**',
      'tmp/**',
      'dist/**',
      'libs/otlp/src/generated/**',
      'dashboards/vendor/**',
      '**/*.js',
      '**/*.mjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { '@nx': nx },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { prefer: 'type-imports', fixStyle: 'separate-type-imports' },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          // The all-in-one process composes the three apps' modules (embedded ClickHouse allows
          // one engine per process); tests start that composition.
          allow: [
            '@fleetscope/collector',
            '@fleetscope/dashboard',
            '@fleetscope/analyzer',
            '@fleetscope/fleetscope',
            '@fleetscope/cli', // tests and benchmarks drive the CLI's commands in-process
          ],
          depConstraints: [
            { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['*'] },
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:lib', 'type:app'] },
            { sourceTag: 'type:lib', onlyDependOnLibsWithTags: ['type:lib'] },
            {
              sourceTag: 'kind:pure',
              onlyDependOnLibsWithTags: ['kind:pure'],
              bannedExternalImports: pureLibBans,
            },
          ],
        },
      ],
    },
  },
  {
    // NestJS relies on runtime class references for dependency injection: a constructor
    // parameter typed by an injectable must stay a value import.
    files: ['apps/**/*.ts', 'libs/storage/**/*.ts'],
    rules: { '@typescript-eslint/consistent-type-imports': 'off' },
  },
  {
    files: ['libs/*/scripts/**/*.ts'],
    rules: { '@nx/enforce-module-boundaries': 'off' },
  },
  {
    files: ['**/*.spec.ts', 'test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  prettier,
);
