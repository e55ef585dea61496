import tseslint from 'typescript-eslint';

// Enforced habits (CONVENTIONS.md): no console in service/package source, no unused code, no TODO markers.
export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '**/build/**', '**/generated/**', '**/*.mjs', '**/*.js', '.vocalia/**'] },
  {
    files: ['**/*.ts', '**/*.tsx'],
    extends: [tseslint.configs.recommended],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-warning-comments': ['error', { terms: ['todo', 'fixme', 'xxx'], location: 'anywhere' }],
    },
  },
  {
    files: ['packages/*/src/**/*.ts', 'packages/*/src/**/*.tsx', 'services/*/src/**/*.ts'],
    ignores: ['packages/widget/src/**'],
    rules: { 'no-console': 'error' },
  },
);
