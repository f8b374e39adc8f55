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
      '!dashboards/assets/*.js',
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
            // Scopes: shared (model, config) depends on nothing else; storage on shared; each area
            // on itself, storage and shared; `process` (libs/server, the all-in-one app) composes
            // everything. Analysis may read ingest's parsers (the tuning drivers parse REPORT lines).
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            {
              sourceTag: 'scope:storage',
              onlyDependOnLibsWithTags: ['scope:storage', 'scope:shared'],
            },
            {
              sourceTag: 'scope:ingest',
              onlyDependOnLibsWithTags: [
                'scope:ingest',
                'scope:storage',
                'scope:shared',
                'scope:process',
              ],
            },
            {
              sourceTag: 'scope:analysis',
              onlyDependOnLibsWithTags: [
                'scope:analysis',
                'scope:ingest',
                'scope:storage',
                'scope:shared',
                'scope:process',
              ],
            },
            {
              sourceTag: 'scope:dashboard',
              onlyDependOnLibsWithTags: [
                'scope:dashboard',
                'scope:analysis',
                'scope:storage',
                'scope:shared',
                'scope:process',
              ],
            },
            {
              // The CLI drives jobs of every area, never the dashboard's code.
              sourceTag: 'scope:cli',
              onlyDependOnLibsWithTags: [
                'scope:cli',
                'scope:analysis',
                'scope:ingest',
                'scope:storage',
                'scope:shared',
                'scope:process',
              ],
            },
            { sourceTag: 'scope:process', onlyDependOnLibsWithTags: ['*'] },
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
  {
    // The dashboard's browser modules: type-checked by `tsc -p dashboards/tsconfig.json` (checkJs,
    // DOM lib), which also catches undefined names, so ESLint adds its non-type rules only.
    files: ['dashboards/assets/*.js'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { sourceType: 'module', parserOptions: { projectService: false } },
    rules: {
      ...tseslint.configs.disableTypeChecked.rules,
      'no-undef': 'off',
      '@nx/enforce-module-boundaries': 'off',
    },
  },
  prettier,
);
