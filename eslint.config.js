// Types-aware lint for every TypeScript file: the recommended rules of typescript-eslint with type
// information, promises that must be awaited or marked void, and no unused names. Formatting is
// Prettier's (npm run lint checks both), unused files and exports are knip's.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'tests/e2e/pages/**', 'demo/**', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      // An async function without await still returns a promise, as its interface asks (a store, a fake).
      '@typescript-eslint/require-await': 'off',
      // One import statement per module (a value import and a type import of it may stand apart).
      'no-duplicate-imports': ['error', { allowSeparateTypeImports: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    // Tests read what programs print (JSON.parse of a CLI's output, a page's evaluate result) and
    // poke at objects on purpose: the unsafe-any family would only ask for casts there.
    files: ['tests/**', 'bench/**', 'scripts/dev/**'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/unbound-method': 'off',
      // Page code built from text runs in the browser under test, on purpose.
      '@typescript-eslint/no-implied-eval': 'off',
    },
  },
);
