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
  {
    // Every turn of every channel runs through these. On Node 20 (V8 11.3), an object literal that opens
    // with a spread takes a slow path for each member after it: about 1.4 µs a property, 27 µs for a
    // turn event written as `{ ...envelope, ... }`. bench/README.md, "/respond and object spreads".
    files: ['packages/conversation/src/**/*.ts', 'packages/agent/src/engine/**/*.ts', 'packages/agent/src/local/**/*.ts', 'packages/service-kit/src/queue.ts', 'packages/service-kit/src/job-trace.ts', 'services/voice-api/src/respond/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: 'ObjectExpression > SpreadElement:first-child:not(:last-child)', message: 'Per-turn code: write the object out, or Object.assign({}, source, { extra }); a literal opening with a spread is slow for each member after it on Node 20.' },
      ],
    },
  },
);
