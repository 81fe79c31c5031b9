import nx from '@nx/eslint-plugin';
import jsoncParser from 'jsonc-eslint-parser';

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  {
    ignores: ['**/dist', '**/node_modules', '**/coverage', '**/.nx', '.local', 'tools/kafka/.cache', 'tmp', '**/jest.config.js', 'jest.preset.js'],
  },
  {
    files: ['**/*.ts'],
    rules: {
      // The architecture in CONVENTIONS.md, enforced: apps use libs, libs never use apps,
      // no app imports another, and contracts depend on the domain kernel only.
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          banTransitiveDependencies: true,
          allow: [],
          depConstraints: [
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:lib'] },
            { sourceTag: 'type:lib', onlyDependOnLibsWithTags: ['type:lib'] },
            { sourceTag: 'lib:domain', onlyDependOnLibsWithTags: ['lib:domain'] },
            { sourceTag: 'lib:contracts', onlyDependOnLibsWithTags: ['lib:domain'] },
            { sourceTag: 'lib:persistence', onlyDependOnLibsWithTags: ['lib:domain'] },
            { sourceTag: 'lib:auth', onlyDependOnLibsWithTags: ['lib:domain'] },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    // Command-line tools, benchmarks and tests talk to the terminal.
    files: ['tools/**/*.ts', 'bench/**/*.ts', '**/*.spec.ts', '**/*.int-spec.ts', 'apps/e2e/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
  {
    files: ['{apps,libs}/*/package.json'],
    languageOptions: { parser: jsoncParser },
    rules: {
      '@nx/dependency-checks': [
        'error',
        {
          ignoredFiles: ['{projectRoot}/**/*.spec.ts', '{projectRoot}/**/*.int-spec.ts', '{projectRoot}/test/**/*', '{projectRoot}/jest.config.js'],
          checkObsoleteDependencies: true,
          checkVersionMismatches: true,
          includeTransitiveDependencies: false,
        },
      ],
    },
  },
];
