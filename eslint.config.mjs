// ESLint: typescript-eslint's recommended rules with type information, over the library, the
// command, the tests, the examples and the benchmarks.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['dist/**', 'node_modules/**', '**/node_modules/**', 'coverage/**', 'docs/**', '**/dist/**', '**/.angular/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
  },
  {
    // Tests feed the library untyped JSON and hostile bodies on purpose, and hand methods to
    // jest's matchers: the rules against `any` flowing through would only add casts there.
    files: ['spec/**', 'cli/spec/**', '**/*.spec.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    // Code that runs for every request, page or item. In V8 (Node 20) an object literal that
    // starts with a spread and then adds properties (`{ ...spec, headers }`) makes objects that
    // outlive the young-generation collections, so every request's garbage would pile up in the
    // old generation (the long-stream benchmark's peak RSS). A property of its own first, the
    // spread last, or Object.assign do not.
    files: ['lib/http/**', 'lib/auth/authorized.ts', 'lib/pagination.ts', 'lib/node/http/**', 'lib/models/**', 'lib/endpoints/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'ObjectExpression[properties.length>1] > SpreadElement:first-child',
          message:
            'An object literal that starts with a spread and adds properties outlives the young generation in V8: put a property first, the spread last, or use Object.assign (see eslint.config.mjs).',
        },
      ],
    },
  },
  {
    // the decode-scaling benchmark runs lib/ through a ts-node registration it makes itself, so it
    // has to require() (see its header)
    files: ['bench/decode-scaling.ts'],
    rules: {
      '@typescript-eslint/no-require-imports': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    // plain JavaScript (scripts, benchmark children): syntax rules only
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: {
      globals: { require: 'readonly', module: 'writable', process: 'readonly', console: 'readonly', __dirname: 'readonly', Buffer: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setImmediate: 'readonly', URL: 'readonly', URLSearchParams: 'readonly', AbortController: 'readonly', TextEncoder: 'readonly', TextDecoder: 'readonly', performance: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', queueMicrotask: 'readonly', structuredClone: 'readonly', fetch: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-require-imports': 'off',
      // `const { dropped: _dropped, ...rest } = value` leaves a key out on purpose
      '@typescript-eslint/no-unused-vars': ['error', { varsIgnorePattern: '^_', args: 'after-used', argsIgnorePattern: '^_' }],
    },
  },
);
